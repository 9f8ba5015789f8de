// The speech model service over a real library folder, a migrated database and a local HTTP server:
// the list (manifest ∪ installed), a verified download that is selected when none was, a checksum
// mismatch that installs nothing and deletes the file, an entry without a checksum installed but said
// to be unverified, one job at a time, cancel then resume, imports of folders and archives, choosing a
// model and the URL the recognizer gets.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { partPath } from '../../../src/main/models/model-download';
import type { ModelManifest, ModelManifestEntry } from '../../../src/main/models/model-manifest';
import { createSpeechModelService, type SpeechModelService } from '../../../src/main/models/speech-model-service';
import type { ModelDownloadProgress } from '../../../src/shared/transcription';
import { migratedMemoryDb } from '../../db/store-fixtures';
import { buildTarGz, buildZip, entryFor, modelTarItems, modelZipItems, startArchiveServer, writeModelFolder, type ArchiveServer } from './model-fixtures';

const zip = buildZip(modelZipItems('vosk-model-test'));
let server: ArchiveServer;

before(async () => {
  server = await startArchiveServer({ '/model.zip': zip, '/gone.zip': { status: 404 } });
});
after(() => server.close());

interface Harness {
  service: SpeechModelService;
  dataDir: string;
  /** downloadProgress() at each onChange. */
  changes: (ModelDownloadProgress | null)[];
  /** performance.now() at each onChange. */
  changeTimesMs: number[];
  errors: string[];
}

function harness(models: ModelManifestEntry[], onProgress?: (progress: ModelDownloadProgress) => void): Harness {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-models-'));
  const manifest: ModelManifest = { version: 1, models };
  const changes: (ModelDownloadProgress | null)[] = [];
  const changeTimesMs: number[] = [];
  const errors: string[] = [];
  const service: SpeechModelService = createSpeechModelService({
    dataDir,
    manifest,
    db: migratedMemoryDb(),
    onChange: () => {
      const progress = service.downloadProgress();
      changes.push(progress);
      changeTimesMs.push(performance.now());
      if (progress) onProgress?.(progress);
    },
    logError: (message) => errors.push(message),
  });
  return { service, dataDir, changes, changeTimesMs, errors };
}

const verifiedEntry = (): ModelManifestEntry => entryFor('vosk-model-test', server.url('/model.zip'), zip);

describe('speech model service: downloads', () => {
  it('downloads, verifies, unpacks and selects a model, announcing each phase', async () => {
    const { service, dataDir, changes, changeTimesMs } = harness([verifiedEntry()]);
    assert.deepEqual(await service.download('vosk-model-test'), { ok: true, modelId: 'vosk-model-test', verified: true, warning: null });
    // At most 10 announcements a second within a phase (a new phase, or the end, is announced at once).
    changes.forEach((progress, index) => {
      const previous = changes[index - 1];
      if (index === 0 || !progress || !previous || previous.phase !== progress.phase) return;
      assert.ok((changeTimesMs[index] ?? 0) - (changeTimesMs[index - 1] ?? 0) >= 90, `changes ${index - 1} and ${index} too close`);
    });
    assert.equal(service.selectedModelId(), 'vosk-model-test');
    assert.equal(service.downloadProgress(), null);
    const phases = changes.flatMap((progress) => (progress ? [progress.phase] : []));
    assert.deepEqual([...new Set(phases)], ['downloading', 'verifying', 'unpacking']);
    assert.equal(changes.at(-1), null, 'the end of the job is announced');
    assert.deepEqual(readdirSync(join(dataDir, 'models')).sort(), ['.downloads', 'vosk-model-test']);
    assert.deepEqual(readdirSync(join(dataDir, 'models', '.downloads')), [], 'the archive is removed once installed');
    const [model] = await service.listModels();
    assert.deepEqual(model, {
      id: 'vosk-model-test',
      name: 'Test model vosk-model-test',
      language: 'en-US',
      downloadable: true,
      approxSizeMb: 1,
      checksumKnown: true,
      state: 'ready',
      problem: null,
    });
    assert.deepEqual(await service.selectedModelUrl(), { url: 'attune-model://library/vosk-model-test/model.tar.gz', modelId: 'vosk-model-test' });
  });

  it('installs nothing and deletes the file when the checksum does not match', async () => {
    const entry = { ...verifiedEntry(), sha256: 'f'.repeat(64) };
    const { service, dataDir } = harness([entry]);
    assert.deepEqual(await service.download(entry.id), {
      ok: false,
      error: 'The vosk-model-test download does not match its checksum: corrupt or wrong file. It was deleted; download it again.',
    });
    assert.equal(existsSync(partPath(dataDir, entry)), false);
    assert.equal(existsSync(join(dataDir, 'models', entry.id)), false);
    assert.equal(service.selectedModelId(), null);
    assert.equal((await service.listModels())[0]?.state, 'not-installed');
  });

  it('installs an entry without a checksum but says it is unverified', async () => {
    const entry = { ...verifiedEntry(), sha256: null };
    const { service } = harness([entry]);
    assert.deepEqual(await service.download(entry.id), {
      ok: true,
      modelId: entry.id,
      verified: false,
      warning: 'No checksum is known for vosk-model-test, so the download cannot be verified. It was installed unverified.',
    });
    assert.equal((await service.listModels())[0]?.checksumKnown, false);
    assert.equal((await service.listModels())[0]?.state, 'ready');
  });

  it('passes on the server error, and refuses unknown and installed models', async () => {
    const { service } = harness([entryFor('gone', server.url('/gone.zip'), zip), verifiedEntry()]);
    assert.deepEqual(await service.download('gone'), { ok: false, error: `The download of gone failed: the server answered 404 Not Found for ${server.url('/gone.zip')}.` });
    assert.deepEqual(await service.download('nope'), { ok: false, error: 'There is no model nope in the model list, so it cannot be downloaded.' });
    assert.equal((await service.download('vosk-model-test')).ok, true);
    assert.deepEqual(await service.download('vosk-model-test'), { ok: false, error: 'The speech model vosk-model-test is already installed.' });
  });

  it('runs one job at a time; a cancel keeps the part and the next download resumes from it', async () => {
    let cancelled = false;
    const { service, dataDir } = harness([verifiedEntry()], (progress) => {
      // Cancel once some bytes are on disk (the server holds the rest back).
      if (!cancelled && progress.phase === 'downloading' && progress.receivedBytes >= 30_000) {
        cancelled = true;
        service.cancelDownload();
      }
    });
    server.holdNextAfter(30_000);
    const first = service.download('vosk-model-test');
    assert.deepEqual(await service.download('vosk-model-test'), {
      ok: false,
      error: 'A model download (vosk-model-test) is already running; wait for it to finish or cancel it.',
    });
    assert.deepEqual(await service.importFrom(dataDir), {
      ok: false,
      error: 'A model download (vosk-model-test) is already running; wait for it to finish or cancel it.',
    });
    assert.deepEqual(await first, {
      ok: false,
      error: 'The download of vosk-model-test was cancelled; 30000 bytes are kept and the next download resumes from there.',
    });
    assert.equal(service.downloadProgress(), null);
    assert.equal(statSync(partPath(dataDir, verifiedEntry())).size, 30_000);
    assert.equal(existsSync(join(dataDir, 'models', 'vosk-model-test')), false);
    const before = server.requests.length;
    assert.equal((await service.download('vosk-model-test')).ok, true);
    assert.deepEqual(server.requests.slice(before).map((request) => request.range), ['bytes=30000-']);
  });
});

describe('speech model service: cancel while unpacking', () => {
  it('installs nothing, keeps the whole archive, and the next download only unpacks it', async () => {
    let cancelled = false;
    const { service, dataDir } = harness([verifiedEntry()], (progress) => {
      if (!cancelled && progress.phase === 'unpacking') {
        cancelled = true;
        service.cancelDownload();
      }
    });
    assert.deepEqual(await service.download('vosk-model-test'), {
      ok: false,
      error: 'The download of vosk-model-test was cancelled while unpacking; nothing was installed. The downloaded archive is kept, so the next download only unpacks it.',
    });
    assert.deepEqual(readdirSync(join(dataDir, 'models')), ['.downloads']);
    assert.equal(statSync(partPath(dataDir, verifiedEntry())).size, zip.length);
    const before = server.requests.length;
    assert.equal((await service.download('vosk-model-test')).ok, true);
    assert.equal(server.requests.length, before, 'no second transfer');
  });
});

describe('speech model service: imports and choice', () => {
  it('imports a folder, a zip and a tar.gz; the first one is selected, later ones are not', async () => {
    const { service } = harness([verifiedEntry()]);
    const source = mkdtempSync(join(tmpdir(), 'attune-import-'));
    writeModelFolder(join(source, 'my-folder-model'));
    writeFileSync(join(source, 'zipped.zip'), buildZip(modelZipItems('zipped-model')));
    writeFileSync(join(source, 'tarred.tar.gz'), buildTarGz(modelTarItems('tarred-model')));
    assert.deepEqual(await service.importFrom(join(source, 'my-folder-model')), { ok: true, modelId: 'my-folder-model' });
    assert.deepEqual(await service.importFrom(join(source, 'zipped.zip')), { ok: true, modelId: 'zipped-model' });
    assert.deepEqual(await service.importFrom(join(source, 'tarred.tar.gz')), { ok: true, modelId: 'tarred-model' });
    assert.equal(service.selectedModelId(), 'my-folder-model');
    const models = await service.listModels();
    assert.deepEqual(
      models.map((model) => [model.id, model.state, model.downloadable]),
      [
        ['vosk-model-test', 'not-installed', true],
        ['my-folder-model', 'ready', false],
        ['tarred-model', 'ready', false],
        ['zipped-model', 'ready', false],
      ],
    );
    assert.deepEqual(models[1], {
      id: 'my-folder-model',
      name: 'my-folder-model',
      language: null,
      downloadable: false,
      approxSizeMb: null,
      checksumKnown: false,
      state: 'ready',
      problem: null,
    });
  });

  it('refuses what is not a model folder or archive, in one line', async () => {
    const { service } = harness([verifiedEntry()]);
    const source = mkdtempSync(join(tmpdir(), 'attune-import-'));
    writeFileSync(join(source, 'model.rar'), 'x');
    assert.deepEqual(await service.importFrom(join(source, 'model.rar')), {
      ok: false,
      error: `Cannot import ${join(source, 'model.rar')}: choose a model folder, a .zip or a .tar.gz archive.`,
    });
    assert.deepEqual(await service.importFrom(join(source, 'missing')), {
      ok: false,
      error: `Cannot import ${join(source, 'missing')}: there is no such file or folder.`,
    });
    writeFileSync(join(source, 'evil.zip'), buildZip([...modelZipItems('evil'), { name: 'evil/../../x', data: Buffer.from('x') }]));
    assert.deepEqual(await service.importFrom(join(source, 'evil.zip')), {
      ok: false,
      error: 'evil.zip was refused: its entry "evil/../../x" is a path that leads out of the archive (..); nothing was installed.',
    });
    assert.equal(service.selectedModelId(), null);
  });

  it('chooses only a complete model; null clears the choice; the URL says why there is none', async () => {
    const { service, dataDir } = harness([verifiedEntry()]);
    assert.deepEqual(await service.selectedModelUrl(), { url: null, reason: 'No speech model is chosen: download or import one in Settings.' });
    const missing = await service.select('vosk-model-test');
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.error : '', /^The speech model vosk-model-test is not installed/);
    mkdirSync(join(dataDir, 'models', 'broken', 'am'), { recursive: true });
    const partial = await service.select('broken');
    assert.match(!partial.ok ? partial.error : '', /^The speech model broken cannot be used: the model in .* is incomplete/);
    assert.equal((await service.listModels()).find((model) => model.id === 'broken')?.state, 'partial');
    writeModelFolder(join(dataDir, 'models', 'good'));
    assert.deepEqual(await service.select('good'), { ok: true });
    assert.equal(service.selectedModelId(), 'good');
    assert.deepEqual(await service.selectedModelUrl(), { url: 'attune-model://library/good/model.tar.gz', modelId: 'good' });
    assert.deepEqual(await service.select('../etc'), { ok: false, error: '"../etc" is not a usable model name (letters, digits, . _ - only).' });
    assert.deepEqual(await service.select(null), { ok: true });
    assert.equal(service.selectedModelId(), null);
  });

  it('says why the chosen model cannot be loaded once its folder is gone', async () => {
    const { service, dataDir } = harness([]);
    writeModelFolder(join(dataDir, 'models', 'good'));
    assert.deepEqual(await service.select('good'), { ok: true });
    writeFileSync(join(dataDir, 'models', 'good', 'am', 'final.mdl'), '');
    const url = await service.selectedModelUrl();
    assert.equal(url.url, null);
    assert.match(url.url === null ? url.reason : '', /^The speech model good cannot be used: .*am\/final\.mdl/);
  });
});
