// The resumable downloader against a real HTTP server on 127.0.0.1: a whole download, a resume after
// the server cuts the connection (Range → 206, hash over the whole file), a server that ignores Range
// (200 restarts), a refused range (416 restarts), a part too long for the archive, a size the server
// disagrees on, a 404, and a cancel whose part the next attempt resumes from.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ModelDownloadCancelled, ModelDownloadError, downloadArchive, partPath } from '../../../src/main/models/model-download';
import { buildZip, entryFor, modelZipItems, sha256, startArchiveServer, type ArchiveServer } from './model-fixtures';

const archive = buildZip(modelZipItems('vosk-model-test'));
let server: ArchiveServer;

before(async () => {
  server = await startArchiveServer({
    '/model.zip': archive,
    '/no-range.zip': { ignoreRange: archive },
    '/gone.zip': { status: 404 },
  });
});
after(() => server.close());

const newDataDir = (): string => mkdtempSync(join(tmpdir(), 'attune-download-'));

function writePart(dataDir: string, entry: Parameters<typeof partPath>[1], data: Buffer): string {
  const path = partPath(dataDir, entry);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return path;
}

describe('downloadArchive', () => {
  it('downloads the whole archive into the .part file, hashing it, with progress up to the total', async () => {
    const dataDir = newDataDir();
    const entry = entryFor('whole', server.url('/model.zip'), archive);
    const progress: [number, number | null][] = [];
    const result = await downloadArchive({ dataDir, entry, onProgress: (received, total) => progress.push([received, total]) });
    assert.equal(result.path, join(dataDir, 'models', '.downloads', 'whole.zip.part'));
    assert.equal(result.sizeBytes, archive.length);
    assert.equal(result.sha256, sha256(archive));
    assert.deepEqual(readFileSync(result.path), archive);
    assert.deepEqual(progress.at(-1), [archive.length, archive.length]);
    assert.ok(progress.every(([received], index) => index === 0 || received >= (progress[index - 1]?.[0] ?? 0)));
  });

  it('resumes after the server cuts the connection: a Range request, a 206, and the sha256 of the whole file', async () => {
    const dataDir = newDataDir();
    const entry = entryFor('resumed', server.url('/model.zip'), archive);
    const before = server.requests.length;
    // The connection is cut once the client has the first 10000 bytes on disk.
    server.holdNextAfter(10_000);
    const onProgress = (received: number): void => {
      if (received >= 10_000) server.cutHeld();
    };
    await assert.rejects(downloadArchive({ dataDir, entry, onProgress }), (error: unknown) => {
      assert.ok(error instanceof ModelDownloadError);
      assert.match(error.message, /^The download of resumed was interrupted \(.+\); 10000 of \d+ bytes are kept, download again to resume\.$/);
      return true;
    });
    assert.equal(statSync(partPath(dataDir, entry)).size, 10_000);
    const result = await downloadArchive({ dataDir, entry });
    assert.equal(result.sha256, sha256(archive));
    assert.deepEqual(readFileSync(result.path), archive);
    assert.deepEqual(
      server.requests.slice(before).map((request) => [request.range, request.status]),
      [
        [undefined, 200],
        ['bytes=10000-', 206],
      ],
    );
  });

  it('starts again when the server ignores the range and sends the whole file (200)', async () => {
    const dataDir = newDataDir();
    const entry = entryFor('no-range', server.url('/no-range.zip'), archive);
    writePart(dataDir, entry, Buffer.from('stale bytes from some other file'));
    const result = await downloadArchive({ dataDir, entry });
    assert.equal(result.sha256, sha256(archive));
    assert.deepEqual(readFileSync(result.path), archive);
  });

  it('starts again cleanly when the server refuses the range (416)', async () => {
    const dataDir = newDataDir();
    // No size in the entry, so the too-long part is only found out by the server.
    const entry = entryFor('refused', server.url('/model.zip'), archive, { sizeBytes: null });
    writePart(dataDir, entry, Buffer.concat([archive, Buffer.from('trailing junk')]));
    const before = server.requests.length;
    const result = await downloadArchive({ dataDir, entry });
    assert.equal(result.sha256, sha256(archive));
    assert.deepEqual(
      server.requests.slice(before).map((request) => request.status),
      [416, 200],
    );
  });

  it('throws away a part longer than the archive before asking, and downloads from zero', async () => {
    const dataDir = newDataDir();
    const entry = entryFor('too-long', server.url('/model.zip'), archive);
    writePart(dataDir, entry, Buffer.alloc(archive.length + 5));
    const before = server.requests.length;
    const result = await downloadArchive({ dataDir, entry });
    assert.equal(result.sha256, sha256(archive));
    assert.deepEqual(server.requests.slice(before).map((request) => request.range), [undefined]);
  });

  it('needs no request when the part is already whole', async () => {
    const dataDir = newDataDir();
    const entry = entryFor('whole-part', server.url('/model.zip'), archive);
    writePart(dataDir, entry, archive);
    const before = server.requests.length;
    const result = await downloadArchive({ dataDir, entry });
    assert.equal(result.sha256, sha256(archive));
    assert.equal(server.requests.length, before);
  });

  it('refuses a file whose size is not the one the model list names', async () => {
    const dataDir = newDataDir();
    const entry = entryFor('wrong-size', server.url('/model.zip'), archive, { sizeBytes: archive.length + 1 });
    await assert.rejects(
      downloadArchive({ dataDir, entry }),
      new ModelDownloadError(
        `The download of wrong-size failed: the server offers ${archive.length} bytes, but the model list expects ${archive.length + 1}: not the archive the list names.`,
      ),
    );
  });

  it('says what the server answered for a missing file, in one line', async () => {
    const dataDir = newDataDir();
    const entry = entryFor('gone', server.url('/gone.zip'), archive);
    await assert.rejects(
      downloadArchive({ dataDir, entry }),
      new ModelDownloadError(`The download of gone failed: the server answered 404 Not Found for ${entry.url}.`),
    );
    assert.equal(existsSync(partPath(dataDir, entry)), false);
  });

  it('says when the server cannot be reached', async () => {
    const dataDir = newDataDir();
    // A port nothing listens on: the server is closed right after it is given one.
    const closed = await startArchiveServer({});
    const url = closed.url('/model.zip');
    await closed.close();
    const entry = entryFor('unreachable', url, archive);
    await assert.rejects(downloadArchive({ dataDir, entry }), /^ModelDownloadError: The download of unreachable failed: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\.$/);
  });

  it('keeps the part when cancelled, and the next download resumes from it', async () => {
    const dataDir = newDataDir();
    const entry = entryFor('cancelled', server.url('/model.zip'), archive);
    const controller = new AbortController();
    server.holdNextAfter(20_000);
    await assert.rejects(
      downloadArchive({
        dataDir,
        entry,
        signal: controller.signal,
        onProgress: (received) => {
          if (received >= 20_000) controller.abort();
        },
      }),
      (error: unknown) => error instanceof ModelDownloadCancelled && error.keptBytes === 20_000,
    );
    assert.equal(statSync(partPath(dataDir, entry)).size, 20_000);
    const before = server.requests.length;
    const result = await downloadArchive({ dataDir, entry });
    assert.equal(result.sha256, sha256(archive));
    assert.deepEqual(server.requests.slice(before).map((request) => request.range), ['bytes=20000-']);
  });
});
