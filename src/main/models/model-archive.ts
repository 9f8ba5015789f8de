// vosk-browser loads a model only as a gzipped tar of a model folder (model/am/final.mdl, …), while the
// official archives are zips and installed models are plain folders. This streams an installed folder
// as that tar.gz, so the attune-model: protocol can serve it without a second copy on disk.

import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';

const BLOCK_BYTES = 512;
/** The folder name every entry sits under, as vosk-browser's README lays the archive out. */
const ARCHIVE_ROOT = 'model';

/**
 * Every folder (with a trailing slash) and regular file under `folder`, as forward-slash paths relative
 * to it, each folder before what it holds, sorted (a stable archive).
 */
async function listEntries(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const name = relative(folder, path).split(sep).join('/');
      if (entry.isDirectory()) {
        found.push(`${name}/`);
        await walk(path);
      } else if (entry.isFile()) found.push(name);
    }
  };
  await walk(folder);
  return found.sort();
}

function writeOctal(header: Buffer, value: number, offset: number, width: number): void {
  header.write(value.toString(8).padStart(width - 1, '0') + '\0', offset, width, 'ascii');
}

/**
 * A POSIX ustar header; names over 100 bytes use the 155-byte prefix field. A name ending in '/' is a
 * folder entry: vosk-browser's unpacker runs with permissions enforced, and folders it has to invent
 * for files without their own entry are not readable when it later syncs them to IndexedDB.
 */
export function tarHeader(name: string, sizeBytes: number, modifiedSeconds: number): Buffer {
  const isFolder = name.endsWith('/');
  const header = Buffer.alloc(BLOCK_BYTES);
  let prefix = '';
  let shortName = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', name.length - (isFolder ? 2 : 1));
    prefix = name.slice(0, cut);
    shortName = name.slice(cut + 1);
    if (cut <= 0 || Buffer.byteLength(shortName) > 100 || Buffer.byteLength(prefix) > 155) {
      throw new Error(`model file name too long for a tar archive: ${name}`);
    }
  }
  header.write(shortName, 0, 100, 'utf8');
  writeOctal(header, isFolder ? 0o755 : 0o644, 100, 8);
  writeOctal(header, 0, 108, 8);
  writeOctal(header, 0, 116, 8);
  writeOctal(header, sizeBytes, 124, 12);
  writeOctal(header, Math.max(0, Math.floor(modifiedSeconds)), 136, 12);
  header.write(isFolder ? '5' : '0', 156, 1, 'ascii');
  header.write('ustar\0', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  // The checksum is computed with its own field read as spaces.
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return header;
}

async function* tarEntries(folder: string): AsyncGenerator<Buffer> {
  yield tarHeader(`${ARCHIVE_ROOT}/`, 0, Date.now() / 1000);
  for (const file of await listEntries(folder)) {
    if (file.endsWith('/')) {
      const info = await stat(join(folder, ...file.split('/')));
      yield tarHeader(`${ARCHIVE_ROOT}/${file}`, 0, info.mtimeMs / 1000);
      continue;
    }
    const path = join(folder, ...file.split('/'));
    const info = await stat(path);
    yield tarHeader(`${ARCHIVE_ROOT}/${file}`, info.size, info.mtimeMs / 1000);
    let written = 0;
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      written += bytes.length;
      yield bytes;
    }
    // A file that changed size while being read would shift every later header: refuse it.
    if (written !== info.size) throw new Error(`${path} changed while it was being packed`);
    const padding = (BLOCK_BYTES - (info.size % BLOCK_BYTES)) % BLOCK_BYTES;
    if (padding > 0) yield Buffer.alloc(padding);
  }
  // Two empty blocks end a tar archive.
  yield Buffer.alloc(2 * BLOCK_BYTES);
}

/** The model folder as the gzipped tar vosk-browser expects, streamed. */
export function packModelFolder(folder: string): Readable {
  return Readable.from(tarEntries(folder)).pipe(createGzip());
}
