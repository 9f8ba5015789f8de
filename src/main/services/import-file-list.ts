// Turns what the user named (files and folders) into the list of files to import: a named file is
// taken whatever its name (its bytes decide what it is), a folder is searched recursively for audio
// files by extension, in name order. A path that doesn't exist, or a folder without audio, is a
// problem listed with the files, not a reason to stop.

import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

/** Extensions a folder search picks up: the formats Attune imports, and those it can name a conversion for. */
export const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set([
  '.wav',
  '.wave',
  '.bwf',
  '.mp3',
  '.ogg',
  '.oga',
  '.opus',
  '.m4a',
  '.mp4',
  '.aac',
  '.flac',
  '.aif',
  '.aiff',
  '.amr',
  '.wma',
  '.webm',
]);

export type ImportCandidate = { tag: 'file'; path: string } | { tag: 'problem'; path: string; reason: string };

/** Every file to import, in order, with a problem entry for each named path that yields none. */
export async function listImportFiles(inputs: readonly string[]): Promise<ImportCandidate[]> {
  const candidates: ImportCandidate[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const path = resolve(input);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      candidates.push({ tag: 'problem', path, reason: accessProblem(error) });
      continue;
    }
    if (info.isDirectory()) {
      const found = await findAudioFiles(path, new Set());
      const fresh = found.filter((file) => !seen.has(file.path) || file.tag === 'problem');
      if (found.every((file) => file.tag === 'problem')) {
        candidates.push({ tag: 'problem', path, reason: 'no audio files in this folder (looked for .wav, .mp3, .ogg, .opus…)' });
      }
      for (const file of fresh) {
        if (file.tag === 'file') seen.add(file.path);
        candidates.push(file);
      }
    } else if (!seen.has(path)) {
      seen.add(path);
      candidates.push({ tag: 'file', path });
    }
  }
  return candidates;
}

async function findAudioFiles(folder: string, visited: Set<string>): Promise<ImportCandidate[]> {
  // Symbolic links may loop back to a folder already searched.
  const real = await realpath(folder);
  if (visited.has(real)) return [];
  visited.add(real);
  let names: string[];
  try {
    names = (await readdir(folder)).sort();
  } catch (error) {
    return [{ tag: 'problem', path: folder, reason: accessProblem(error) }];
  }
  const found: ImportCandidate[] = [];
  for (const name of names) {
    const path = join(folder, name);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      if (AUDIO_EXTENSIONS.has(extname(name).toLowerCase())) found.push({ tag: 'problem', path, reason: accessProblem(error) });
      continue;
    }
    if (info.isDirectory()) found.push(...(await findAudioFiles(path, visited)));
    else if (info.isFile() && AUDIO_EXTENSIONS.has(extname(name).toLowerCase())) found.push({ tag: 'file', path });
  }
  return found;
}

function accessProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a symbolic link that loops';
    default:
      return `can't be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
