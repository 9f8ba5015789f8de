// The attune-recording: protocol: a stored call's WAV served whole or by byte range (so <audio> can
// seek in an hour-long call), HEAD, and plain refusals for bad URLs, unknown calls and missing files.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { callIdFromRecordingUrl, handleRecordingRequest, parseByteRange, recordingUrl } from '../../../src/main/replay/recording-protocol';

const dir = mkdtempSync(join(tmpdir(), 'attune-recording-protocol-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'call.wav');
const content = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
writeFileSync(file, content);
const paths: Record<number, string | null> = { 1: file, 2: null, 3: join(dir, 'gone.wav') };
const lookup = (callId: number): string | null => paths[callId] ?? null;

async function request(url: string, range: string | null = null, method = 'GET'): Promise<Response> {
  return handleRecordingRequest(lookup, { url, method, range });
}

describe('recording protocol', () => {
  it('names calls by id and reads the id back', () => {
    assert.equal(recordingUrl(42), 'attune-recording://call/42');
    assert.equal(callIdFromRecordingUrl(new URL(recordingUrl(42))), 42);
    for (const bad of ['call/0', 'call/-1', 'call/1.5', 'call/abc', 'calls/1', 'call/1/x']) {
      assert.equal(callIdFromRecordingUrl(new URL(`attune-recording://${bad}`)), null, bad);
    }
    assert.equal(callIdFromRecordingUrl(new URL('http://call/1')), null, 'another scheme');
  });

  it('parses one byte range, clamped to the file', () => {
    assert.deepEqual(parseByteRange('bytes=0-99', 1000), { startByte: 0, endByte: 99 });
    assert.deepEqual(parseByteRange('bytes=900-', 1000), { startByte: 900, endByte: 999 });
    assert.deepEqual(parseByteRange('bytes=-10', 1000), { startByte: 990, endByte: 999 });
    assert.deepEqual(parseByteRange('bytes=990-5000', 1000), { startByte: 990, endByte: 999 });
    assert.equal(parseByteRange('bytes=1000-', 1000), 'unsatisfiable');
    assert.equal(parseByteRange(null, 1000), null);
    assert.equal(parseByteRange('bytes=0-1,5-6', 1000), null, 'several ranges: answered whole');
    assert.equal(parseByteRange('items=0-1', 1000), null);
  });

  it('serves the whole file with its length and says ranges are accepted', async () => {
    const response = await request(recordingUrl(1));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Accept-Ranges'), 'bytes');
    assert.equal(response.headers.get('Content-Type'), 'audio/wav');
    assert.equal(response.headers.get('Content-Length'), '1000');
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), content);
  });

  it('serves a byte range as 206 with exactly those bytes', async () => {
    const response = await request(recordingUrl(1), 'bytes=500-503');
    assert.equal(response.status, 206);
    assert.equal(response.headers.get('Content-Range'), 'bytes 500-503/1000');
    assert.equal(response.headers.get('Content-Length'), '4');
    assert.deepEqual([...new Uint8Array(await response.arrayBuffer())], [500 % 256, 501 % 256, 502 % 256, 503 % 256]);
  });

  it('answers a range past the end with 416 and the size', async () => {
    const response = await request(recordingUrl(1), 'bytes=2000-');
    assert.equal(response.status, 416);
    assert.equal(response.headers.get('Content-Range'), 'bytes */1000');
  });

  it('answers HEAD without a body', async () => {
    const response = await request(recordingUrl(1), null, 'HEAD');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Length'), '1000');
    assert.equal(response.body, null);
  });

  it('refuses other methods, bad URLs, calls without a recording and missing files', async () => {
    assert.equal((await request(recordingUrl(1), null, 'POST')).status, 405);
    assert.equal((await request('attune-recording://call/x')).status, 400);
    assert.equal((await request('not a url')).status, 400);
    assert.equal((await request(recordingUrl(2))).status, 404);
    const gone = await request(recordingUrl(3));
    assert.equal(gone.status, 404);
    assert.match(await gone.text(), /missing/);
    assert.equal((await request(recordingUrl(99))).status, 404);
  });
});
