// Model folders in the library: a complete Vosk layout is ready, an interrupted one is partial with
// what is missing, an absent one is missing; importing copies a real folder into place and refuses
// anything that is not a model, without leaving a half-copied folder behind.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import {
  ModelStoreError,
  checkModelFolder,
  findModel,
  importModelFolder,
  listInstalledModels,
  modelDirectory,
} from '../../../src/main/models/model-store';

/** Writes a Vosk-layout folder; `graph` picks the lookahead pair (small models) or a static HCLG. */
function writeModel(folder: string, options: { graph?: 'lookahead' | 'static'; skip?: string[]; empty?: string[] } = {}): void {
  const files = ['am/final.mdl', 'conf/model.conf', 'conf/mfcc.conf', 'ivector/final.ie'];
  files.push(...(options.graph === 'static' ? ['graph/HCLG.fst', 'graph/words.txt'] : ['graph/HCLr.fst', 'graph/Gr.fst']));
  for (const file of files) {
    if (options.skip?.includes(file)) continue;
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), options.empty?.includes(file) ? '' : `contents of ${file}\n`);
  }
}

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `attune-${prefix}-`));
}

describe('model folder check', () => {
  it('accepts both graph layouts', async () => {
    const lookahead = tempDir('model');
    writeModel(lookahead);
    assert.deepEqual(await checkModelFolder(lookahead), { ok: true });
    const staticGraph = tempDir('model');
    writeModel(staticGraph, { graph: 'static' });
    assert.deepEqual(await checkModelFolder(staticGraph), { ok: true });
  });

  it('names what a partial model is missing, counting empty files as missing', async () => {
    const partial = tempDir('model');
    writeModel(partial, { skip: ['graph/Gr.fst'], empty: ['am/final.mdl'] });
    const check = await checkModelFolder(partial);
    assert.equal(check.ok, false);
    if (!check.ok) {
      assert.match(check.reason, /is incomplete \(missing or empty: am\/final\.mdl, graph\/HCLG\.fst \(or graph\/HCLr\.fst and graph\/Gr\.fst\)\)/);
    }
  });

  it('says when a folder is not a model at all', async () => {
    const photos = tempDir('photos');
    writeFileSync(join(photos, 'holiday.jpg'), 'jpeg');
    const check = await checkModelFolder(photos);
    assert.equal(check.ok, false);
    if (!check.ok) assert.match(check.reason, /does not look like a Vosk model \(no am\/, conf\/ or graph\/ folder\)/);
    const nothing = await checkModelFolder(join(photos, 'nope'));
    assert.equal(nothing.ok, false);
  });
});

describe('models in the library', () => {
  it('reports missing, partial and ready models by id', async () => {
    const dataDir = tempDir('library');
    const missing = await findModel(dataDir, 'vosk-model-small-en-us-0.15');
    assert.equal(missing.state, 'missing');
    assert.match(missing.state === 'missing' ? missing.reason : '', /The speech model vosk-model-small-en-us-0\.15 is not installed/);

    writeModel(modelDirectory(dataDir, 'half'), { skip: ['conf/mfcc.conf'] });
    writeModel(modelDirectory(dataDir, 'whole'));
    mkdirSync(join(dataDir, 'models', '.whole.importing-1-2'), { recursive: true });
    const half = await findModel(dataDir, 'half');
    assert.equal(half.state, 'partial');
    if (half.state === 'partial') assert.match(half.reason, /^The speech model half cannot be used: .*conf\/mfcc\.conf/);
    assert.deepEqual(await findModel(dataDir, 'whole'), { id: 'whole', path: join(dataDir, 'models', 'whole'), state: 'ready' });
    assert.deepEqual(
      (await listInstalledModels(dataDir)).map((model) => [model.id, model.state]),
      [
        ['half', 'partial'],
        ['whole', 'ready'],
      ],
    );
  });

  it('refuses model names that would leave the models folder', () => {
    assert.throws(() => modelDirectory('/data', '../etc'), ModelStoreError);
    assert.throws(() => modelDirectory('/data', ''), ModelStoreError);
  });
});

describe('importing a model folder', () => {
  it('copies an unzipped model (one top-level folder) into <dataDir>/models/<its name>/', async () => {
    const download = tempDir('download');
    writeModel(join(download, 'vosk-model-small-en-us-0.15'));
    const dataDir = tempDir('library');
    const installed = await importModelFolder(dataDir, download);
    assert.deepEqual(installed, { id: 'vosk-model-small-en-us-0.15', path: join(dataDir, 'models', 'vosk-model-small-en-us-0.15') });
    assert.equal(readFileSync(join(installed.path, 'am/final.mdl'), 'utf8'), 'contents of am/final.mdl\n');
    assert.equal((await findModel(dataDir, installed.id)).state, 'ready');
    // The source stays where it was.
    assert.ok(existsSync(join(download, 'vosk-model-small-en-us-0.15', 'am/final.mdl')));
  });

  it('refuses a partial model, a non-model and a second copy, leaving nothing behind', async () => {
    const dataDir = tempDir('library');
    const partial = tempDir('partial');
    writeModel(partial, { skip: ['am/final.mdl'] });
    await assert.rejects(importModelFolder(dataDir, partial, 'mine'), /^ModelStoreError: Cannot import .*: the model in .* is incomplete \(missing or empty: am\/final\.mdl\)\.$/);
    const notAModel = tempDir('docs');
    writeFileSync(join(notAModel, 'a.txt'), 'x');
    writeFileSync(join(notAModel, 'b.txt'), 'y');
    await assert.rejects(importModelFolder(dataDir, notAModel, 'mine'), /does not look like a Vosk model/);
    await assert.rejects(importModelFolder(dataDir, join(notAModel, 'a.txt'), 'mine'), /it is not a folder/);
    assert.equal(existsSync(join(dataDir, 'models', 'mine')), false);

    const good = tempDir('good');
    writeModel(good, { graph: 'static' });
    await importModelFolder(dataDir, good, 'mine');
    await assert.rejects(importModelFolder(dataDir, good, 'mine'), /a model named mine is already installed/);
    assert.deepEqual(readdirSync(join(dataDir, 'models')), ['mine']);
  });
});
