// Unpacks a model archive (.zip or .tar.gz) into <dataDir>/models/<id>/. Everything is written into a
// hidden folder under models/ first (listInstalledModels skips dot folders) and the model folder is
// renamed into place only once checkModelFolder accepts it, so an interrupted or failed unpack never
// looks installed. Entries that would land outside that folder (absolute paths, `..`), links and
// device files are refused, and the whole archive with them.
//
// Libraries: yauzl reads zips from the central directory with streaming inflate, validates entry
// names itself and is what extract-zip and Electron's tooling use; tar is npm's own tar implementation.

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { x as extractTar } from 'tar';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { describeFileError } from './model-file-errors';
import { checkModelFolder, modelDirectory, modelsDirectory } from './model-store';

export type ArchiveFormat = 'zip' | 'tar.gz';

export class ModelArchiveError extends Error {
  override name = 'ModelArchiveError';
}

/** The install was cancelled through its AbortSignal; nothing was installed. */
export class ModelUnpackCancelled extends Error {
  override name = 'ModelUnpackCancelled';
}

/** An entry refused for safety; carried out of the extractors to name it in the message. */
class UnsafeEntry extends Error {
  constructor(
    readonly entryName: string,
    readonly why: string,
  ) {
    super(`${entryName}: ${why}`);
  }
}

/** The archive format a user's file name says, or null. */
export function archiveFormatOf(path: string): ArchiveFormat | null {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.zip')) return 'zip';
  if (name.endsWith('.tar.gz') || name.endsWith('.tgz')) return 'tar.gz';
  return null;
}

/** Why an entry name must not be unpacked, or null when it stays inside the target folder. */
export function unsafeEntryName(name: string): string | null {
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return 'an absolute path';
  if (slashed.split('/').includes('..')) return 'a path that leads out of the archive (..)';
  return null;
}

/** The destination of `name` inside `root`; throws UnsafeEntry when it would be anywhere else. */
function destinationOf(root: string, name: string): string {
  const why = unsafeEntryName(name);
  if (why) throw new UnsafeEntry(name, why);
  const target = resolve(root, name);
  if (target !== root && !target.startsWith(root + sep)) throw new UnsafeEntry(name, 'a path that leads out of the archive');
  return target;
}

const ZIP_FILE_TYPE_MASK = 0o170000;
const ZIP_SYMLINK = 0o120000;

function openZip(path: string): Promise<ZipFile> {
  return new Promise((done, fail) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: true }, (error, zip) => (error ? fail(error) : done(zip)));
  });
}

function openZipEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((done, fail) => zip.openReadStream(entry, (error, stream) => (error ? fail(error) : done(stream))));
}

async function unzipInto(archive: string, root: string, onBytes: (archiveBytes: number) => void, signal: AbortSignal | undefined): Promise<void> {
  const zip = await openZip(archive);
  let compressedBytes = 0;
  const writeEntry = async (entry: Entry): Promise<void> => {
    signal?.throwIfAborted();
    const mode = (entry.externalFileAttributes >>> 16) & ZIP_FILE_TYPE_MASK;
    if (mode === ZIP_SYMLINK) throw new UnsafeEntry(entry.fileName, 'a symbolic link');
    if (entry.isEncrypted()) throw new UnsafeEntry(entry.fileName, 'encrypted');
    const target = destinationOf(root, entry.fileName);
    if (entry.fileName.endsWith('/')) {
      await mkdir(target, { recursive: true });
    } else {
      await mkdir(dirname(target), { recursive: true });
      // 'wx': a second entry with the same name must not overwrite (or follow) the first.
      await pipeline(await openZipEntry(zip, entry), createWriteStream(target, { flags: 'wx' }));
    }
    compressedBytes += entry.compressedSize;
    onBytes(compressedBytes);
  };
  await new Promise<void>((done, fail) => {
    let settled = false;
    const stop = (error: Error): void => {
      if (settled) return;
      settled = true;
      if (zip.isOpen) zip.close();
      fail(error);
    };
    zip.on('error', (error: Error) => {
      // yauzl validates names itself and says so in its own words: keep ours.
      const named = /^(absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(error.message);
      const why = named?.[1] === 'absolute path' ? 'an absolute path' : named?.[1] === 'invalid relative path' ? 'a path that leads out of the archive (..)' : 'a name with a backslash';
      stop(named ? new UnsafeEntry(named[2] ?? '', why) : error);
    });
    zip.on('end', () => {
      settled = true;
      done();
    });
    zip.on('entry', (entry: Entry) => {
      writeEntry(entry).then(
        () => {
          if (!settled) zip.readEntry();
        },
        (error: unknown) => stop(error instanceof Error ? error : new Error(String(error))),
      );
    });
    zip.readEntry();
  });
}

const TAR_KEPT_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

async function untarInto(archive: string, root: string, onBytes: (archiveBytes: number) => void, signal: AbortSignal | undefined): Promise<void> {
  // A holder, not a variable: the filter callback sets it.
  const refusal: { first: UnsafeEntry | null } = { first: null };
  let readBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      readBytes += chunk.length;
      onBytes(readBytes);
      next(null, chunk);
    },
  });
  const unpack = extractTar({
    cwd: root,
    strict: true,
    preserveOwner: false,
    // Checked before tar's own sanitising (which would silently strip a leading / and go on).
    filter: (path, entry) => {
      const type = 'type' in entry ? entry.type : 'File';
      const why = !TAR_KEPT_TYPES.has(type)
        ? type === 'SymbolicLink' || type === 'Link'
          ? 'a link'
          : `a ${type} entry`
        : unsafeEntryName(path);
      if (why) refusal.first ??= new UnsafeEntry(path, why);
      return refusal.first === null;
    },
  });
  await pipeline(createReadStream(archive), counter, unpack, { signal });
  if (refusal.first) throw refusal.first;
}

/** The model folder inside an unpacked archive: its only top-level folder, or the folder itself. */
async function modelRootIn(unpacked: string): Promise<string> {
  const entries = await readdir(unpacked, { withFileTypes: true });
  // macOS's Archive Utility adds __MACOSX/ and ._ files beside the real content.
  const visible = entries.filter((entry) => !entry.name.startsWith('.') && entry.name !== '__MACOSX');
  const only = visible[0];
  if (visible.length === 1 && only?.isDirectory()) return join(unpacked, only.name);
  return unpacked;
}

/** Working folders: ours (.unpacking-<pid>-<ms>) and importModelFolder's (.<id>.importing-<pid>-<ms>). */
const WORKING_FOLDER = /^\.(?:unpacking|[A-Za-z0-9][A-Za-z0-9._-]*\.importing)-(\d+)-\d+$/;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the hidden working folders that an install killed part-way (a crash, power loss) left under
 * models/, which can be as large as a model. A folder whose process still runs (the app and the CLI may
 * install at the same time) is left alone. Returns the names removed.
 */
export async function removeAbandonedWork(dataDir: string): Promise<string[]> {
  const entries = await readdir(modelsDirectory(dataDir), { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    const pid = entry.isDirectory() ? WORKING_FOLDER.exec(entry.name)?.[1] : undefined;
    if (pid === undefined || Number(pid) === process.pid || processIsAlive(Number(pid))) continue;
    await rm(join(modelsDirectory(dataDir), entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

export interface UnpackOptions {
  dataDir: string;
  archivePath: string;
  format: ArchiveFormat;
  /** The folder name to install as; by default the archive's top-level folder (an import). */
  modelId?: string;
  /** A model folder already there is moved aside and removed once the new one is in place. */
  replaceExisting?: boolean;
  /** Archive bytes read so far and the archive's size. */
  onProgress?: (readBytes: number, totalBytes: number) => void;
  /** Stops the unpack (ModelUnpackCancelled); once the model is renamed into place it is installed. */
  signal?: AbortSignal;
}

/**
 * Unpacks, checks and installs the model; returns its id and folder. Throws ModelArchiveError with one
 * line (naming the file) for an unreadable, unsafe or non-model archive, a full disk or an unwritable
 * folder, ModelUnpackCancelled when the signal aborts; the hidden working folder is removed in every case.
 */
export async function installModelArchive(options: UnpackOptions): Promise<{ id: string; path: string }> {
  const { dataDir, archivePath, format } = options;
  const shown = basename(archivePath);
  const archiveInfo = await stat(archivePath).catch(() => null);
  if (!archiveInfo?.isFile()) throw new ModelArchiveError(`Cannot install from ${archivePath}: it is not a file.`);
  const models = modelsDirectory(dataDir);
  const working = join(models, `.unpacking-${process.pid}-${Date.now()}`);
  try {
    await mkdir(working, { recursive: true });
  } catch (error) {
    throw new ModelArchiveError(`Cannot unpack ${shown}: ${describeFileError(error, models)}.`);
  }
  try {
    const onBytes = (readBytes: number): void => options.onProgress?.(Math.min(readBytes, archiveInfo.size), archiveInfo.size);
    // Unpacked one level down, so the model root is never the working folder itself.
    const content = join(working, 'content');
    try {
      await mkdir(content);
      if (format === 'zip') await unzipInto(archivePath, content, onBytes, options.signal);
      else await untarInto(archivePath, content, onBytes, options.signal);
    } catch (error) {
      throw unpackFailure(error, shown, models);
    }
    const root = await modelRootIn(content);
    const check = await checkModelFolder(root);
    if (!check.ok) {
      const why = check.reason.replace(root, 'the archive');
      throw new ModelArchiveError(`${shown} does not hold a usable Vosk model: ${why}.`);
    }
    const id = options.modelId ?? (root === content ? archiveStem(shown) : basename(root));
    let target: string;
    try {
      target = modelDirectory(dataDir, id);
    } catch (error) {
      throw new ModelArchiveError(`Cannot install ${shown}: ${(error as Error).message}`);
    }
    await moveIntoPlace(root, target, working, { shown, replaceExisting: options.replaceExisting ?? false, id });
    return { id, path: target };
  } finally {
    await rm(working, { recursive: true, force: true });
  }
}

function archiveStem(name: string): string {
  return name.replace(/\.(zip|tar\.gz|tgz)$/i, '');
}

async function moveIntoPlace(root: string, target: string, working: string, context: { shown: string; replaceExisting: boolean; id: string }): Promise<void> {
  const existing = await stat(target).catch(() => null);
  if (existing && !context.replaceExisting) {
    throw new ModelArchiveError(`Cannot install ${context.shown}: a model named ${context.id} is already installed at ${target}.`);
  }
  try {
    // The old folder goes into the working folder (removed with it), so nothing half-replaced remains.
    if (existing) await rename(target, join(working, 'replaced'));
    // root is inside working, on the same disk as target: one atomic rename.
    await rename(root, target);
  } catch (error) {
    throw new ModelArchiveError(`Cannot install ${context.shown}: ${describeFileError(error, target)}.`);
  }
}

function unpackFailure(error: unknown, shown: string, models: string): Error {
  if (error instanceof ModelArchiveError) return error;
  if (error instanceof Error && error.name === 'AbortError') return new ModelUnpackCancelled(`Unpacking ${shown} was cancelled; nothing was installed.`);
  if (error instanceof UnsafeEntry) {
    return new ModelArchiveError(`${shown} was refused: its entry "${error.entryName}" is ${error.why}; nothing was installed.`);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code && /^E[A-Z]+$/.test(code) && code !== 'EOF') {
    return new ModelArchiveError(`Cannot unpack ${shown}: ${describeFileError(error, models)}; nothing was installed.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ModelArchiveError(`${shown} is not a readable ${shown.toLowerCase().endsWith('.zip') ? 'zip' : 'tar.gz'} archive (${message}); nothing was installed.`);
}
