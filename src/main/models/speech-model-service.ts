// The speech models as the app and the CLI manage them: what models/manifest.json offers and what the
// library holds, the chosen one (preference 'speechModel'), one download or archive import at a time
// with its progress, and the attune-model URL the recognizer loads. Every failure is a one-line
// { ok: false, error }; nothing here throws at its callers. Electron-free (fetch is injectable).

import { rm, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import type { ModelDownloadProgress, SpeechModelInfo } from '../../shared/transcription';
import type { SqliteDatabase } from '../store/database';
import { readPreference, writePreference } from '../store/preferences';
import { ModelDownloadCancelled, ModelDownloadError, downloadArchive } from './model-download';
import { verifyArchiveDigest, type ModelManifest, type ModelManifestEntry } from './model-manifest';
import { modelUrl } from './model-protocol';
import { ModelStoreError, findModel, importModelFolder, listInstalledModels } from './model-store';
import { ModelArchiveError, ModelUnpackCancelled, archiveFormatOf, installModelArchive, removeAbandonedWork } from './model-unpack';

export const SPEECH_MODEL_PREFERENCE = 'speechModel';
/** The chosen model's id, or null once the user cleared the choice. */
export const speechModelPreferenceSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/).nullable();

/** At most this often a progress change is announced through onChange (10 per second). */
const PROGRESS_INTERVAL_MS = 100;

export type DownloadResult =
  /** verified: the archive matched the manifest's sha256; when false, `warning` says why not. */
  | { ok: true; modelId: string; verified: boolean; warning: string | null }
  | { ok: false; error: string };
export type ImportResult = { ok: true; modelId: string } | { ok: false; error: string };
export type SelectResult = { ok: true } | { ok: false; error: string };
export type SelectedModelUrl = { url: string; modelId: string } | { url: null; reason: string };

export interface SpeechModelService {
  listModels(): Promise<SpeechModelInfo[]>;
  selectedModelId(): string | null;
  /** null clears the choice; a model must be installed and complete to be chosen. */
  select(modelId: string | null): Promise<SelectResult>;
  download(modelId: string): Promise<DownloadResult>;
  cancelDownload(): void;
  /** A model folder, or a .zip / .tar.gz (.tgz) archive holding one. */
  importFrom(path: string): Promise<ImportResult>;
  downloadProgress(): ModelDownloadProgress | null;
  selectedModelUrl(): Promise<SelectedModelUrl>;
}

export interface SpeechModelServiceDeps {
  dataDir: string;
  manifest: ModelManifest;
  db: SqliteDatabase;
  fetch?: typeof fetch;
  onChange(): void;
  logError?(message: string, error: unknown): void;
}

type Job = { progress: ModelDownloadProgress; controller: AbortController | null };

export function createSpeechModelService(deps: SpeechModelServiceDeps): SpeechModelService {
  let job: Job | null = null;
  let lastProgressChangeMs = Number.NEGATIVE_INFINITY;

  const changed = (): void => {
    try {
      deps.onChange();
    } catch (error) {
      deps.logError?.('speech models: onChange failed', error);
    }
  };

  let trailingTimer: NodeJS.Timeout | null = null;
  const clearTrailing = (): void => {
    if (trailingTimer) clearTimeout(trailingTimer);
    trailingTimer = null;
  };

  /**
   * Progress within a phase is throttled, with a trailing announcement so the latest figure is never
   * held back (a stalled transfer still shows how far it got); a new phase is always announced.
   */
  const setProgress = (progress: ModelDownloadProgress): void => {
    if (!job) return;
    const phaseChanged = job.progress.phase !== progress.phase;
    job.progress = progress;
    const sinceMs = performance.now() - lastProgressChangeMs;
    if (phaseChanged || sinceMs >= PROGRESS_INTERVAL_MS) {
      clearTrailing();
      lastProgressChangeMs = performance.now();
      changed();
    } else if (!trailingTimer) {
      trailingTimer = setTimeout(() => {
        trailingTimer = null;
        if (!job) return;
        lastProgressChangeMs = performance.now();
        changed();
      }, Math.ceil(PROGRESS_INTERVAL_MS - sinceMs));
    }
  };

  const selectedModelId = (): string | null => readPreference(deps.db, SPEECH_MODEL_PREFERENCE, speechModelPreferenceSchema) ?? null;

  const selectIfNone = (modelId: string): void => {
    if (selectedModelId() === null) writePreference(deps.db, SPEECH_MODEL_PREFERENCE, modelId);
  };

  const busyError = (): string | null =>
    job ? `A model ${job.controller ? 'download' : 'import'} (${job.progress.modelId}) is already running; wait for it to finish${job.controller ? ' or cancel it' : ''}.` : null;

  /** Runs one job in the single slot; the slot is freed and announced whatever happens. */
  const runJob = async <T>(modelId: string, controller: AbortController | null, work: () => Promise<T>): Promise<T> => {
    job = { progress: { modelId, phase: controller ? 'downloading' : 'unpacking', receivedBytes: 0, totalBytes: null }, controller };
    lastProgressChangeMs = performance.now();
    changed();
    try {
      await removeAbandonedWork(deps.dataDir).catch((error: unknown) => deps.logError?.('speech models: removing abandoned install folders failed', error));
      return await work();
    } finally {
      clearTrailing();
      job = null;
      changed();
    }
  };

  const unexpected = (what: string, error: unknown): { ok: false; error: string } => {
    deps.logError?.(`speech models: ${what}`, error);
    return { ok: false, error: `${what}: ${error instanceof Error ? error.message : String(error)}`.replace(/\s*[\r\n]+\s*/g, ' ') };
  };

  const download = async (modelId: string): Promise<DownloadResult> => {
    const busy = busyError();
    if (busy) return { ok: false, error: busy };
    const entry = deps.manifest.models.find((model) => model.id === modelId);
    if (!entry) return { ok: false, error: `There is no model ${modelId} in the model list, so it cannot be downloaded.` };
    const controller = new AbortController();
    // runJob takes the slot before its first await, so a second request made meanwhile is refused.
    return runJob(modelId, controller, async () => {
      try {
        const installed = await findModel(deps.dataDir, modelId);
        if (installed.state === 'ready') return { ok: false, error: `The speech model ${modelId} is already installed.` };
        return await downloadAndInstall(entry, controller.signal);
      } catch (error) {
        if (error instanceof ModelDownloadCancelled || error instanceof ModelDownloadError || error instanceof ModelArchiveError) {
          return { ok: false, error: error.message };
        }
        return unexpected(`The download of ${modelId} failed`, error);
      }
    });
  };

  const downloadAndInstall = async (entry: ModelManifestEntry, signal: AbortSignal): Promise<DownloadResult> => {
    const archive = await downloadArchive({
      dataDir: deps.dataDir,
      entry,
      fetch: deps.fetch,
      signal,
      onProgress: (receivedBytes, totalBytes) => setProgress({ modelId: entry.id, phase: 'downloading', receivedBytes, totalBytes }),
    });
    setProgress({ modelId: entry.id, phase: 'verifying', receivedBytes: archive.sizeBytes, totalBytes: archive.sizeBytes });
    const verdict = verifyArchiveDigest(entry, archive.sha256, archive.sizeBytes);
    // With a known checksum a mismatch is fatal, and the bad file must not be resumed from either.
    if (!verdict.verified && entry.sha256 !== null) {
      await rm(archive.path, { force: true });
      return { ok: false, error: `${verdict.reason} It was deleted; download it again.` };
    }
    let installed;
    try {
      installed = await installModelArchive({
        dataDir: deps.dataDir,
        archivePath: archive.path,
        format: entry.archiveFormat,
        modelId: entry.id,
        replaceExisting: true,
        signal,
        onProgress: (receivedBytes, totalBytes) => setProgress({ modelId: entry.id, phase: 'unpacking', receivedBytes, totalBytes }),
      });
    } catch (error) {
      if (!(error instanceof ModelUnpackCancelled)) throw error;
      // The whole archive stays; with a known size the next download goes straight to unpacking it.
      const kept = entry.sizeBytes !== null ? ' The downloaded archive is kept, so the next download only unpacks it.' : '';
      return { ok: false, error: `The download of ${entry.id} was cancelled while unpacking; nothing was installed.${kept}` };
    }
    await rm(archive.path, { force: true });
    selectIfNone(installed.id);
    return verdict.verified
      ? { ok: true, modelId: installed.id, verified: true, warning: null }
      : { ok: true, modelId: installed.id, verified: false, warning: `${verdict.reason} It was installed unverified.` };
  };

  const importFrom = async (path: string): Promise<ImportResult> => {
    const busy = busyError();
    if (busy) return { ok: false, error: busy };
    const source = resolve(path);
    // Shown as the download's model id until the archive says the real one.
    const shownId = basename(source).replace(/\.(zip|tar\.gz|tgz)$/i, '');
    return runJob(shownId, null, async () => {
      const info = await stat(source).catch(() => null);
      if (!info) return { ok: false, error: `Cannot import ${source}: there is no such file or folder.` };
      const format = info.isFile() ? archiveFormatOf(source) : null;
      if (!info.isDirectory() && format === null) {
        return { ok: false, error: `Cannot import ${source}: choose a model folder, a .zip or a .tar.gz archive.` };
      }
      try {
        const installed = info.isDirectory()
          ? await importModelFolder(deps.dataDir, source)
          : await installModelArchive({
              dataDir: deps.dataDir,
              archivePath: source,
              format: format ?? 'zip',
              onProgress: (receivedBytes, totalBytes) => setProgress({ modelId: shownId, phase: 'unpacking', receivedBytes, totalBytes }),
            });
        selectIfNone(installed.id);
        return { ok: true, modelId: installed.id };
      } catch (error) {
        if (error instanceof ModelStoreError || error instanceof ModelArchiveError) return { ok: false, error: error.message };
        return unexpected(`Cannot import ${source}`, error);
      }
    });
  };

  return {
    async listModels() {
      const installed = await listInstalledModels(deps.dataDir);
      const byId = new Map(installed.map((model) => [model.id, model]));
      const offered: SpeechModelInfo[] = deps.manifest.models.map((entry) => {
        const local = byId.get(entry.id);
        return {
          id: entry.id,
          name: entry.name,
          language: entry.language,
          downloadable: true,
          approxSizeMb: entry.approxSizeMb,
          checksumKnown: entry.sha256 !== null,
          state: local ? local.state : 'not-installed',
          problem: local?.state === 'partial' ? local.reason : null,
        };
      });
      const listed = new Set(deps.manifest.models.map((entry) => entry.id));
      const extra: SpeechModelInfo[] = installed
        .filter((model) => !listed.has(model.id))
        .map((model) => ({
          id: model.id,
          name: model.id,
          language: null,
          downloadable: false,
          approxSizeMb: null,
          checksumKnown: false,
          state: model.state,
          problem: model.state === 'partial' ? model.reason : null,
        }));
      return [...offered, ...extra];
    },

    selectedModelId,

    async select(modelId) {
      if (modelId === null) {
        writePreference(deps.db, SPEECH_MODEL_PREFERENCE, null);
        changed();
        return { ok: true };
      }
      let status;
      try {
        status = await findModel(deps.dataDir, modelId);
      } catch (error) {
        if (error instanceof ModelStoreError) return { ok: false, error: error.message };
        return unexpected(`Cannot choose ${modelId}`, error);
      }
      if (status.state !== 'ready') return { ok: false, error: status.reason };
      writePreference(deps.db, SPEECH_MODEL_PREFERENCE, modelId);
      changed();
      return { ok: true };
    },

    download,

    cancelDownload() {
      job?.controller?.abort();
    },

    importFrom,

    downloadProgress() {
      return job ? { ...job.progress } : null;
    },

    async selectedModelUrl() {
      const modelId = selectedModelId();
      if (modelId === null) return { url: null, reason: 'No speech model is chosen: download or import one in Settings.' };
      const status = await findModel(deps.dataDir, modelId).catch((error: unknown) => ({
        state: 'missing' as const,
        reason: error instanceof Error ? error.message : String(error),
      }));
      if (status.state !== 'ready') return { url: null, reason: status.reason };
      return { url: modelUrl(modelId), modelId };
    },
  };
}
