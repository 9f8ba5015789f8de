// Test material for the model downloader and unpacker: a fake Vosk model folder (junk contents, the
// real layout), real .zip and .tar.gz archives of it (including hostile ones), and a small HTTP server
// on 127.0.0.1 that serves an archive with Range support and can cut a transfer short.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { tarHeader } from '../../../src/main/models/model-archive';
import type { ModelManifestEntry } from '../../../src/main/models/model-manifest';

/** The files of a small Vosk model (lookahead graph), each path → contents. */
export function modelFiles(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const file of ['am/final.mdl', 'conf/model.conf', 'conf/mfcc.conf', 'graph/HCLr.fst', 'graph/Gr.fst', 'ivector/final.ie', 'README']) {
    // The acoustic model is incompressible and big enough that a transfer can be cut in the middle of it.
    files.set(`${root}/${file}`, file === 'am/final.mdl' ? junkBytes(200_000) : Buffer.from(`${file} `.repeat(10)));
  }
  return files;
}

/** Deterministic bytes that no compressor shrinks (a xorshift sequence). */
function junkBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x9e3779b9;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

export function writeModelFolder(folder: string): void {
  for (const [name, data] of modelFiles('.')) {
    const path = join(folder, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
}

export type ZipItem = { name: string; data?: Buffer; symlinkTo?: string };

/** A real zip (deflated entries, folder entries, Unix modes), written by hand so hostile names are possible. */
export function buildZip(items: readonly ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const isFolder = item.name.endsWith('/');
    const raw = item.symlinkTo !== undefined ? Buffer.from(item.symlinkTo) : (item.data ?? Buffer.alloc(0));
    const compressed = isFolder ? raw : deflateRawSync(raw);
    const method = isFolder ? 0 : 8;
    const name = Buffer.from(item.name);
    const crc = crc32(raw);
    const mode = item.symlinkTo !== undefined ? 0o120777 : isFolder ? 0o040755 : 0o100644;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by Unix, so the external attributes carry a mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((mode << 16) | (isFolder ? 0x10 : 0)) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

/** The model under one top-level folder `root`, as zip items (with folder entries, as real zips have). */
export function modelZipItems(root: string): ZipItem[] {
  const items: ZipItem[] = [];
  const folders = new Set<string>([`${root}/`]);
  for (const name of modelFiles(root).keys()) folders.add(`${dirname(name)}/`);
  for (const folder of [...folders].sort()) items.push({ name: folder });
  for (const [name, data] of modelFiles(root)) items.push({ name, data });
  return items;
}

export type TarItem = { name: string; data?: Buffer; type?: '0' | '2' | '5'; linkTo?: string };

/** A gzipped ustar archive; type 2 is a symbolic link to linkTo. */
export function buildTarGz(items: readonly TarItem[]): Buffer {
  const blocks: Buffer[] = [];
  for (const item of items) {
    const data = item.data ?? Buffer.alloc(0);
    const header = tarHeader(item.name, item.type === '2' || item.type === '5' ? 0 : data.length, 0);
    if (item.type === '2') {
      header.write('2', 156, 1, 'ascii');
      header.write(item.linkTo ?? '', 157, 100, 'utf8');
      header.fill(' ', 148, 156);
      let sum = 0;
      for (const byte of header) sum += byte;
      header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
    }
    blocks.push(header);
    if (item.type !== '2' && item.type !== '5') {
      blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

export function modelTarItems(root: string): TarItem[] {
  const items: TarItem[] = [{ name: `${root}/`, type: '5' }];
  for (const [name, data] of modelFiles(root)) items.push({ name, data });
  return items;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A manifest entry for an archive the test server serves (http is allowed here: the entry is given as is). */
export function entryFor(id: string, url: string, archive: Buffer | null, overrides: Partial<ModelManifestEntry> = {}): ModelManifestEntry {
  return {
    id,
    name: `Test model ${id}`,
    language: 'en-US',
    url,
    archiveFormat: 'zip',
    sizeBytes: archive?.length ?? null,
    approxSizeMb: 1,
    sha256: archive ? sha256(archive) : null,
    license: 'Apache-2.0',
    ...overrides,
  };
}

export interface ServedRequest {
  path: string;
  range: string | undefined;
  status: number;
}

export interface ArchiveServer {
  url(path: string): string;
  requests: ServedRequest[];
  /** The next response sends this many body bytes and then waits, until cutHeld() or the client goes away. */
  holdNextAfter(bytes: number): void;
  /** Closes the held response's connection, its body short of its Content-Length. */
  cutHeld(): void;
  close(): Promise<void>;
}

export interface ServerFiles {
  [path: string]: Buffer | { status: number } | { ignoreRange: Buffer };
}

/**
 * Serves `files` on 127.0.0.1 with byte ranges (206, 416), like a static file server; over https when
 * given a key and certificate (the real model list only takes https URLs).
 */
export async function startArchiveServer(files: ServerFiles, tls?: { key: string; cert: string }): Promise<ArchiveServer> {
  const requests: ServedRequest[] = [];
  let holdAfter: number | null = null;
  let held: ServerResponse | null = null;
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = request.url ?? '/';
    const served = files[path];
    const range = request.headers.range;
    const record = (status: number): void => {
      requests.push({ path, range, status });
    };
    if (served === undefined || 'status' in served) {
      const status = served && 'status' in served ? served.status : 404;
      record(status);
      response.writeHead(status, { 'Content-Type': 'text/plain' }).end('no such file');
      return;
    }
    const body = Buffer.isBuffer(served) ? served : served.ignoreRange;
    const honoursRange = Buffer.isBuffer(served);
    let start = 0;
    let status = 200;
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'Accept-Ranges': honoursRange ? 'bytes' : 'none' };
    const match = honoursRange && range ? /^bytes=(\d+)-$/.exec(range) : null;
    if (match) {
      start = Number(match[1]);
      if (start >= body.length) {
        record(416);
        response.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
        return;
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    }
    const slice = body.subarray(start);
    headers['Content-Length'] = String(slice.length);
    record(status);
    response.writeHead(status, headers);
    if (holdAfter !== null) {
      response.write(slice.subarray(0, holdAfter));
      holdAfter = null;
      held = response;
      return;
    }
    response.end(slice);
  };
  const server: Server = tls ? createTlsServer(tls, handle) : createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `${tls ? 'https' : 'http'}://127.0.0.1:${port}${path}`,
    requests,
    holdNextAfter: (bytes) => {
      holdAfter = bytes;
    },
    cutHeld: () => {
      held?.socket?.destroy();
      held = null;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
