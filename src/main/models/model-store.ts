// Where speech models live in the library folder (<dataDir>/models/<id>/), whether a folder really is a
// usable Vosk model, and importing one the user already has. A missing or partial model is a clear
// message, never a crash: the app goes on without transcription. Node only, Electron-free.

import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

export class ModelStoreError extends Error {
  override name = 'ModelStoreError';
}

export function modelsDirectory(dataDir: string): string {
  return join(dataDir, 'models');
}

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function modelDirectory(dataDir: string, id: string): string {
  if (!MODEL_ID.test(id)) throw new ModelStoreError(`"${id}" is not a usable model name (letters, digits, . _ - only).`);
  return join(modelsDirectory(dataDir), id);
}

export type ModelFolderCheck = { ok: true } | { ok: false; reason: string };

async function nonEmptyFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && info.isFile() && info.size > 0;
}

async function isDirectory(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info?.isDirectory() ?? false;
}

/**
 * Whether `folder` has what Vosk's model loader reads (its "V2" layout, used by every current model):
 * the acoustic model am/final.mdl, conf/model.conf and conf/mfcc.conf, and a decoding graph, either a
 * static graph/HCLG.fst or the lookahead pair graph/HCLr.fst + graph/Gr.fst. An empty file counts as
 * missing: that is what an interrupted unpack leaves.
 */
export async function checkModelFolder(folder: string): Promise<ModelFolderCheck> {
  if (!(await isDirectory(folder))) return { ok: false, reason: `${folder} is not a folder` };
  const missing: string[] = [];
  for (const required of ['am/final.mdl', 'conf/model.conf', 'conf/mfcc.conf']) {
    if (!(await nonEmptyFile(join(folder, required)))) missing.push(required);
  }
  const staticGraph = await nonEmptyFile(join(folder, 'graph/HCLG.fst'));
  const lookaheadGraph = (await nonEmptyFile(join(folder, 'graph/HCLr.fst'))) && (await nonEmptyFile(join(folder, 'graph/Gr.fst')));
  if (!staticGraph && !lookaheadGraph) missing.push('graph/HCLG.fst (or graph/HCLr.fst and graph/Gr.fst)');
  if (missing.length === 0) return { ok: true };
  const hasAnyPart = (await isDirectory(join(folder, 'am'))) || (await isDirectory(join(folder, 'conf'))) || (await isDirectory(join(folder, 'graph')));
  return {
    ok: false,
    reason: hasAnyPart
      ? `the model in ${folder} is incomplete (missing or empty: ${missing.join(', ')})`
      : `${folder} does not look like a Vosk model (no am/, conf/ or graph/ folder)`,
  };
}

/**
 * The model folder inside what the user picked: the folder itself, or its only subfolder (an unzipped
 * vosk-model-*.zip holds one top-level folder named after the model).
 */
async function modelRootOf(picked: string): Promise<string> {
  if ((await checkModelFolder(picked)).ok) return picked;
  const entries = await readdir(picked, { withFileTypes: true }).catch(() => []);
  const visible = entries.filter((entry) => !entry.name.startsWith('.'));
  const only = visible[0];
  if (visible.length === 1 && only?.isDirectory()) return join(picked, only.name);
  return picked;
}

export type InstalledModel =
  | { id: string; path: string; state: 'ready' }
  | { id: string; path: string; state: 'partial'; reason: string };

export type ModelStatus = InstalledModel | { id: string; state: 'missing'; reason: string };

/** The state of one model in the library: ready to load, partial (with why), or missing. */
export async function findModel(dataDir: string, id: string): Promise<ModelStatus> {
  const path = modelDirectory(dataDir, id);
  if (!(await isDirectory(path))) {
    return { id, state: 'missing', reason: `The speech model ${id} is not installed (no folder ${path}).` };
  }
  const check = await checkModelFolder(path);
  return check.ok ? { id, path, state: 'ready' } : { id, path, state: 'partial', reason: `The speech model ${id} cannot be used: ${check.reason}.` };
}

/** Every model folder in the library, ready or not (temporary import folders are skipped). */
export async function listInstalledModels(dataDir: string): Promise<InstalledModel[]> {
  const entries = await readdir(modelsDirectory(dataDir), { withFileTypes: true }).catch(() => []);
  const models: InstalledModel[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || !MODEL_ID.test(entry.name)) continue;
    const status = await findModel(dataDir, entry.name);
    if (status.state !== 'missing') models.push(status);
  }
  return models.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Copies a model folder the user already has into <dataDir>/models/<id>/. The source is checked first
 * and copied into a hidden temporary folder that is renamed into place only when complete, so an
 * interrupted import never leaves a folder that looks installed. Returns the installed model.
 */
export async function importModelFolder(dataDir: string, source: string, id?: string): Promise<{ id: string; path: string }> {
  const picked = resolve(source);
  if (!(await isDirectory(picked))) throw new ModelStoreError(`Cannot import ${picked}: it is not a folder.`);
  const root = await modelRootOf(picked);
  const check = await checkModelFolder(root);
  if (!check.ok) throw new ModelStoreError(`Cannot import ${picked}: ${check.reason}.`);
  const modelId = id ?? basename(root);
  const target = modelDirectory(dataDir, modelId);
  if (await stat(target).catch(() => null)) {
    throw new ModelStoreError(`Cannot import ${picked}: a model named ${modelId} is already installed at ${target}.`);
  }
  await mkdir(modelsDirectory(dataDir), { recursive: true });
  const temporary = join(modelsDirectory(dataDir), `.${modelId}.importing-${process.pid}-${Date.now()}`);
  try {
    await cp(root, temporary, { recursive: true, errorOnExist: true, force: false });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelStoreError(`Cannot import ${picked}: copying into ${target} failed (${code ?? String(error)}).`);
  }
  return { id: modelId, path: target };
}
