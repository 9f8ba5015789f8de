// Downloads one manifest entry's archive into <dataDir>/models/.downloads/<id>.<ext>.part, resuming
// what an earlier attempt left there with an HTTP Range request. The sha256 always covers the whole
// file (a resumed part is re-hashed from disk first), so resuming never weakens the checksum. A cancel
// or a dropped connection keeps the part for the next attempt; a part that cannot belong to this
// archive (the server refuses its range, or it is longer than the archive) is thrown away and the
// download starts again from zero. Electron-free: fetch is injected.

import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelManifestEntry } from './model-manifest';
import { modelsDirectory } from './model-store';
import { describeFileError } from './model-file-errors';

export class ModelDownloadError extends Error {
  override name = 'ModelDownloadError';
}

/** The download was cancelled through its AbortSignal; the part is kept. */
export class ModelDownloadCancelled extends Error {
  override name = 'ModelDownloadCancelled';
  constructor(
    readonly modelId: string,
    readonly keptBytes: number,
  ) {
    super(`The download of ${modelId} was cancelled; ${keptBytes} bytes are kept and the next download resumes from there.`);
  }
}

export interface DownloadedArchive {
  path: string;
  sizeBytes: number;
  /** Lower-case hex sha256 of the whole file. */
  sha256: string;
}

export interface DownloadOptions {
  dataDir: string;
  entry: ModelManifestEntry;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Bytes on disk so far (a resumed part counts from its size) and the archive's size when known. */
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void;
}

export function downloadsDirectory(dataDir: string): string {
  return join(modelsDirectory(dataDir), '.downloads');
}

export function partPath(dataDir: string, entry: Pick<ModelManifestEntry, 'id' | 'archiveFormat'>): string {
  return join(downloadsDirectory(dataDir), `${entry.id}.${entry.archiveFormat}.part`);
}

/** `bytes 100-199/1000` → its first byte and total (null for `*`); null when it is not that shape. */
function parseContentRange(header: string | null): { start: number; total: number | null } | null {
  const match = header === null ? null : /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim());
  if (!match) return null;
  return { start: Number(match[1]), total: match[3] === '*' ? null : Number(match[3]) };
}

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? info.size : 0;
}

async function hashFile(path: string, hash: Hash, signal: AbortSignal | undefined): Promise<void> {
  for await (const chunk of createReadStream(path, { signal })) hash.update(chunk as Buffer);
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
  return String(cause);
}

/**
 * Fetches the archive (resuming a part), hashing every byte. Throws ModelDownloadError (one line) when
 * the server or the disk fails, ModelDownloadCancelled when the signal aborts. The checksum is not
 * judged here: the caller passes sha256 and size to verifyArchiveDigest.
 */
export async function downloadArchive(options: DownloadOptions): Promise<DownloadedArchive> {
  const { dataDir, entry, signal } = options;
  const fetchImpl = options.fetch ?? fetch;
  const path = partPath(dataDir, entry);
  try {
    await mkdir(downloadsDirectory(dataDir), { recursive: true });
  } catch (error) {
    throw new ModelDownloadError(`Cannot download ${entry.id}: ${describeFileError(error, downloadsDirectory(dataDir))}.`);
  }

  let existing = await sizeOf(path);
  // A part longer than the archive cannot be a prefix of it: start again.
  if (entry.sizeBytes !== null && existing > entry.sizeBytes) {
    await rm(path, { force: true });
    existing = 0;
  }
  // A part that is already whole needs no request (a server would answer its range with 416).
  if (entry.sizeBytes !== null && existing === entry.sizeBytes) {
    const hash = createHash('sha256');
    options.onProgress?.(existing, entry.sizeBytes);
    await hashOrCancel(path, hash, signal, entry.id, existing);
    return { path, sizeBytes: existing, sha256: hash.digest('hex') };
  }

  // At most two requests: a refused range (416, or a 206 for another range) restarts once from zero.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const response = await request(fetchImpl, entry, existing, signal);
    if (response.status === 416 || (response.status === 206 && parseContentRange(response.headers.get('content-range'))?.start !== existing)) {
      await response.body?.cancel().catch(() => undefined);
      await rm(path, { force: true });
      existing = 0;
      continue;
    }
    if (response.status !== 200 && response.status !== 206) {
      await response.body?.cancel().catch(() => undefined);
      throw new ModelDownloadError(`The download of ${entry.id} failed: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${entry.url}.`);
    }
    const resuming = response.status === 206;
    const startBytes = resuming ? existing : 0;
    const totalBytes = totalOf(response, resuming, entry);
    if (entry.sizeBytes !== null && totalBytes !== null && totalBytes !== entry.sizeBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new ModelDownloadError(
        `The download of ${entry.id} failed: the server offers ${totalBytes} bytes, but the model list expects ${entry.sizeBytes}: not the archive the list names.`,
      );
    }
    return await receive(response, { path, entry, startBytes, totalBytes, signal, onProgress: options.onProgress });
  }
  throw new ModelDownloadError(`The download of ${entry.id} failed: the server keeps refusing to resume it (HTTP 416).`);
}

async function hashOrCancel(path: string, hash: Hash, signal: AbortSignal | undefined, id: string, keptBytes: number): Promise<void> {
  try {
    await hashFile(path, hash, signal);
  } catch (error) {
    if (isAbort(error, signal)) throw new ModelDownloadCancelled(id, keptBytes);
    throw new ModelDownloadError(`Cannot read the partial download of ${id}: ${describeFileError(error, path)}.`);
  }
}

async function request(fetchImpl: typeof fetch, entry: ModelManifestEntry, fromByte: number, signal: AbortSignal | undefined): Promise<Response> {
  try {
    return await fetchImpl(entry.url, {
      // identity: byte ranges and sizes must be the file's, not a compressed transfer's.
      headers: fromByte > 0 ? { Range: `bytes=${fromByte}-`, 'Accept-Encoding': 'identity' } : { 'Accept-Encoding': 'identity' },
      signal,
      redirect: 'follow',
    });
  } catch (error) {
    if (isAbort(error, signal)) throw new ModelDownloadCancelled(entry.id, fromByte);
    throw new ModelDownloadError(`The download of ${entry.id} failed: cannot reach ${new URL(entry.url).host} (${causeOf(error)}).`);
  }
}

/** The whole archive's size as the server states it, else the manifest's. */
function totalOf(response: Response, resuming: boolean, entry: ModelManifestEntry): number | null {
  if (resuming) return parseContentRange(response.headers.get('content-range'))?.total ?? entry.sizeBytes;
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  // A compressed transfer's length is not the file's.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  return Number.isSafeInteger(length) && length > 0 && !encoded ? length : entry.sizeBytes;
}

async function receive(
  response: Response,
  job: {
    path: string;
    entry: ModelManifestEntry;
    startBytes: number;
    totalBytes: number | null;
    signal: AbortSignal | undefined;
    onProgress: DownloadOptions['onProgress'];
  },
): Promise<DownloadedArchive> {
  const { path, entry, totalBytes, signal } = job;
  const hash = createHash('sha256');
  if (job.startBytes > 0) {
    job.onProgress?.(job.startBytes, totalBytes);
    await hashOrCancel(path, hash, signal, entry.id, job.startBytes);
  }
  let file;
  try {
    // 'a' keeps the resumed prefix; 'w' starts a fresh file when the server sent the whole archive.
    file = await open(path, job.startBytes > 0 ? 'a' : 'w');
  } catch (error) {
    await response.body?.cancel().catch(() => undefined);
    throw new ModelDownloadError(`Cannot download ${entry.id}: ${describeFileError(error, path)}.`);
  }
  let received = job.startBytes;
  try {
    if (!response.body) throw new ModelDownloadError(`The download of ${entry.id} failed: the server sent no data.`);
    for await (const chunk of response.body) {
      const bytes = chunk as Uint8Array;
      try {
        await file.write(bytes);
      } catch (error) {
        throw new ModelDownloadError(`Cannot download ${entry.id}: ${describeFileError(error, path)}.`);
      }
      hash.update(bytes);
      received += bytes.length;
      if (totalBytes !== null && received > totalBytes) {
        throw new ModelDownloadError(`The download of ${entry.id} failed: the server sent more than the ${totalBytes} bytes it announced.`);
      }
      job.onProgress?.(received, totalBytes);
    }
  } catch (error) {
    await file.close().catch(() => undefined);
    if (error instanceof ModelDownloadError) {
      // More bytes than announced: this part is not a prefix of the archive.
      if (totalBytes !== null && received > totalBytes) await rm(path, { force: true });
      throw error;
    }
    if (isAbort(error, signal)) throw new ModelDownloadCancelled(entry.id, received);
    throw interrupted(entry, received, totalBytes, `connection lost: ${causeOf(error)}`);
  }
  await file.close();
  if (totalBytes !== null && received < totalBytes) throw interrupted(entry, received, totalBytes, 'the connection closed early');
  return { path, sizeBytes: received, sha256: hash.digest('hex') };
}

function interrupted(entry: ModelManifestEntry, received: number, totalBytes: number | null, why: string): ModelDownloadError {
  const of = totalBytes === null ? '' : ` of ${totalBytes}`;
  return new ModelDownloadError(`The download of ${entry.id} was interrupted (${why}); ${received}${of} bytes are kept, download again to resume.`);
}
