// What the `attune-recording:` protocol answers, Electron-free: a stored call's recording, by call id,
// with HTTP Range support so the replay's <audio> element can seek in an hour-long WAV without reading
// it whole. The app hands each request of the main window's session here (protocol.handle); the e2e
// renderer server serves the same function over http.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

export const RECORDING_SCHEME = 'attune-recording';

/** The URL the replay plays a stored call's recording from. */
export function recordingUrl(callId: number): string {
  return `${RECORDING_SCHEME}://call/${callId}`;
}

/** The call id of a recording URL (`attune-recording://call/<id>`), or null for anything else. */
export function callIdFromRecordingUrl(url: URL): number | null {
  if (url.protocol !== `${RECORDING_SCHEME}:` || url.host !== 'call') return null;
  const match = /^\/([1-9][0-9]{0,15})\/?$/.exec(url.pathname);
  if (!match?.[1]) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) ? id : null;
}

export type ByteRange = { startByte: number; endByte: number };

/**
 * The one range of a `Range: bytes=…` header (RFC 9110), clamped to the file; null for no header or
 * one we do not serve as a range (several ranges, other units: answered whole, which HTTP allows);
 * 'unsatisfiable' when it starts past the end.
 */
export function parseByteRange(header: string | null, sizeBytes: number): ByteRange | null | 'unsatisfiable' {
  if (header === null) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || sizeBytes === 0) return 'unsatisfiable';
    return { startByte: Math.max(0, sizeBytes - suffix), endByte: sizeBytes - 1 };
  }
  const startByte = Number(first);
  if (startByte >= sizeBytes) return 'unsatisfiable';
  const endByte = last === '' ? sizeBytes - 1 : Math.min(Number(last), sizeBytes - 1);
  if (endByte < startByte) return null;
  return { startByte, endByte };
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export interface RecordingRequest {
  url: string;
  method: string;
  /** The request's Range header, if any. */
  range: string | null;
}

/**
 * Answers one request. `recordingPathOf(callId)` is the stored call's recording path, or null when
 * there is no such call or it has no recording.
 */
export async function handleRecordingRequest(
  recordingPathOf: (callId: number) => string | null,
  request: RecordingRequest,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Only GET and HEAD are served.');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(400, 'Not a recording URL.');
  }
  const callId = callIdFromRecordingUrl(url);
  if (callId === null) return refuse(400, `Not a recording URL: ${request.url}`);
  const path = recordingPathOf(callId);
  if (path === null) return refuse(404, `Call ${callId} has no recording.`);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return refuse(404, `The recording of call ${callId} is missing.`);

  const sizeBytes = info.size;
  const range = parseByteRange(request.range, sizeBytes);
  const common = { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...common, 'Content-Range': `bytes */${sizeBytes}` } });
  }
  const { startByte, endByte } = range ?? { startByte: 0, endByte: sizeBytes - 1 };
  const lengthBytes = sizeBytes === 0 ? 0 : endByte - startByte + 1;
  const headers: Record<string, string> = { ...common, 'Content-Length': String(lengthBytes) };
  if (range !== null) headers['Content-Range'] = `bytes ${startByte}-${endByte}/${sizeBytes}`;
  const body =
    request.method === 'HEAD' || lengthBytes === 0
      ? null
      : (Readable.toWeb(createReadStream(path, { start: startByte, end: endByte })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range === null ? 200 : 206, headers });
}
