// Installing a model from a real .zip or .tar.gz: the model lands in models/<id>/ complete, and every
// refused archive (an entry escaping with .., an absolute path, a link, no model inside, not an
// archive at all, an unwritable library) leaves nothing installed and no working folder behind.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeFileError } from '../../../src/main/models/model-file-errors';
import { findModel } from '../../../src/main/models/model-store';
import { ModelArchiveError, ModelUnpackCancelled, archiveFormatOf, installModelArchive, removeAbandonedWork, unsafeEntryName } from '../../../src/main/models/model-unpack';
import { buildTarGz, buildZip, modelFiles, modelTarItems, modelZipItems, writeModelFolder } from './model-fixtures';

function setUp(name: string, archive: Buffer): { dataDir: string; archivePath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'attune-unpack-'));
  const archivePath = join(dir, name);
  writeFileSync(archivePath, archive);
  return { dataDir: join(dir, 'library'), archivePath };
}

/** What models/ holds: the installed folders, and any hidden working folder a failure left. */
function modelsFolder(dataDir: string): string[] {
  const folder = join(dataDir, 'models');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

async function assertRefused(name: string, archive: Buffer, message: string | RegExp): Promise<string> {
  const { dataDir, archivePath } = setUp(name, archive);
  const format = archiveFormatOf(name);
  assert.ok(format);
  await assert.rejects(installModelArchive({ dataDir, archivePath, format }), (error: unknown) => {
    assert.ok(error instanceof ModelArchiveError, String(error));
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
  assert.deepEqual(modelsFolder(dataDir), [], 'nothing installed, no working folder left');
  return dataDir;
}

describe('installModelArchive', () => {
  for (const [format, archive] of [
    ['zip', buildZip(modelZipItems('vosk-model-small-xx-0.1'))],
    ['tar.gz', buildTarGz(modelTarItems('vosk-model-small-xx-0.1'))],
  ] as const) {
    it(`installs a ${format} under its top-level folder's name, byte for byte, with progress`, async () => {
      const { dataDir, archivePath } = setUp(`model.${format}`, archive);
      const progress: number[] = [];
      const installed = await installModelArchive({ dataDir, archivePath, format, onProgress: (read, total) => progress.push(read / total) });
      const target = join(dataDir, 'models', 'vosk-model-small-xx-0.1');
      assert.deepEqual(installed, { id: 'vosk-model-small-xx-0.1', path: target });
      assert.deepEqual(modelsFolder(dataDir), ['vosk-model-small-xx-0.1']);
      for (const [name, data] of modelFiles('.')) assert.deepEqual(readFileSync(join(target, name)), data, name);
      assert.equal((await findModel(dataDir, installed.id)).state, 'ready');
      assert.ok(progress.every((fraction, index) => fraction >= (progress[index - 1] ?? 0) && fraction <= 1));
      assert.ok((progress.at(-1) ?? 0) > 0.9, `last progress ${progress.at(-1)}`);
    });
  }

  it('installs under the given id when downloading, replacing a partial folder of that name', async () => {
    const { dataDir, archivePath } = setUp('download.zip', buildZip(modelZipItems('some-other-name')));
    mkdirSync(join(dataDir, 'models', 'wanted-id', 'am'), { recursive: true });
    const installed = await installModelArchive({ dataDir, archivePath, format: 'zip', modelId: 'wanted-id', replaceExisting: true });
    assert.equal(installed.id, 'wanted-id');
    assert.deepEqual(modelsFolder(dataDir), ['wanted-id']);
    assert.equal((await findModel(dataDir, 'wanted-id')).state, 'ready');
  });

  it('takes the archive name as the id when the model files sit at the top level', async () => {
    const items = [...modelFiles('.')].map(([name, data]) => ({ name: name.slice(2), data }));
    const { dataDir, archivePath } = setUp('my-model.tar.gz', buildTarGz(items));
    const installed = await installModelArchive({ dataDir, archivePath, format: 'tar.gz' });
    assert.equal(installed.id, 'my-model');
    assert.equal((await findModel(dataDir, 'my-model')).state, 'ready');
  });

  it('refuses to install over a model of the same name', async () => {
    const { dataDir, archivePath } = setUp('model.zip', buildZip(modelZipItems('dup')));
    writeModelFolder(join(dataDir, 'models', 'dup'));
    await assert.rejects(
      installModelArchive({ dataDir, archivePath, format: 'zip' }),
      new ModelArchiveError(`Cannot install model.zip: a model named dup is already installed at ${join(dataDir, 'models', 'dup')}.`),
    );
    assert.deepEqual(modelsFolder(dataDir), ['dup']);
  });

  it('refuses a zip with an entry that climbs out (zip-slip), writing nothing outside', async () => {
    const items = [...modelZipItems('evil'), { name: 'evil/../../escaped.txt', data: Buffer.from('gotcha') }];
    const dataDir = await assertRefused('evil.zip', buildZip(items), 'evil.zip was refused: its entry "evil/../../escaped.txt" is a path that leads out of the archive (..); nothing was installed.');
    assert.equal(existsSync(join(dataDir, 'escaped.txt')), false);
    assert.equal(existsSync(join(dataDir, '..', 'escaped.txt')), false);
  });

  it('refuses a zip with an absolute path', async () => {
    const items = [...modelZipItems('evil'), { name: '/tmp/attune-absolute.txt', data: Buffer.from('gotcha') }];
    await assertRefused('absolute.zip', buildZip(items), 'absolute.zip was refused: its entry "/tmp/attune-absolute.txt" is an absolute path; nothing was installed.');
  });

  it('refuses a zip holding a symbolic link', async () => {
    const items = [...modelZipItems('evil'), { name: 'evil/conf/link', symlinkTo: '/etc/passwd' }];
    await assertRefused('link.zip', buildZip(items), 'link.zip was refused: its entry "evil/conf/link" is a symbolic link; nothing was installed.');
  });

  it('refuses a tar.gz with an entry that climbs out', async () => {
    const items = [...modelTarItems('evil'), { name: 'evil/../../escaped.txt', data: Buffer.from('gotcha') }];
    const dataDir = await assertRefused('evil.tar.gz', buildTarGz(items), 'evil.tar.gz was refused: its entry "evil/../../escaped.txt" is a path that leads out of the archive (..); nothing was installed.');
    assert.equal(existsSync(join(dataDir, 'escaped.txt')), false);
  });

  it('refuses a tar.gz with an absolute path or a symbolic link', async () => {
    await assertRefused(
      'absolute.tar.gz',
      buildTarGz([...modelTarItems('evil'), { name: '/tmp/attune-absolute.txt', data: Buffer.from('x') }]),
      'absolute.tar.gz was refused: its entry "/tmp/attune-absolute.txt" is an absolute path; nothing was installed.',
    );
    await assertRefused(
      'link.tar.gz',
      buildTarGz([...modelTarItems('evil'), { name: 'evil/graph/link', type: '2', linkTo: '/etc/passwd' }]),
      'link.tar.gz was refused: its entry "evil/graph/link" is a link; nothing was installed.',
    );
  });

  it('refuses an archive without a model in it, saying what is missing', async () => {
    const items = modelZipItems('half').filter((item) => !item.name.includes('graph'));
    await assertRefused('half.zip', buildZip(items), /^half\.zip does not hold a usable Vosk model: the model in the archive is incomplete \(missing or empty: graph\/HCLG\.fst \(or graph\/HCLr\.fst and graph\/Gr\.fst\)\)\.$/);
    await assertRefused('notes.zip', buildZip([{ name: 'notes/readme.txt', data: Buffer.from('hello') }]), /^notes\.zip does not hold a usable Vosk model: the archive does not look like a Vosk model/);
  });

  it('refuses a file that is not an archive, or a truncated one', async () => {
    await assertRefused('junk.zip', Buffer.from('this is not a zip file at all, just some text'), /^junk\.zip is not a readable zip archive \(.+\); nothing was installed\.$/);
    const whole = buildTarGz(modelTarItems('cut'));
    await assertRefused('cut.tar.gz', whole.subarray(0, Math.floor(whole.length / 2)), /^cut\.tar\.gz is not a readable tar\.gz archive \(.+\); nothing was installed\.$/);
  });

  for (const [format, archive] of [
    ['zip', buildZip(modelZipItems('m'))],
    ['tar.gz', buildTarGz(modelTarItems('m'))],
  ] as const) {
    it(`stops a ${format} unpack when cancelled, leaving nothing`, async () => {
      const { dataDir, archivePath } = setUp(`model.${format}`, archive);
      const controller = new AbortController();
      const unpacking = installModelArchive({ dataDir, archivePath, format, signal: controller.signal, onProgress: () => controller.abort() });
      await assert.rejects(unpacking, new ModelUnpackCancelled(`Unpacking model.${format} was cancelled; nothing was installed.`));
      assert.deepEqual(modelsFolder(dataDir), []);
    });
  }

  it('says in one line when the library folder cannot be written', async () => {
    const { dataDir, archivePath } = setUp('model.zip', buildZip(modelZipItems('m')));
    // models/ is a file here, so no folder can be made in it (root ignores permission bits, not this).
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'models'), 'not a folder');
    await assert.rejects(
      installModelArchive({ dataDir, archivePath, format: 'zip' }),
      new ModelArchiveError(`Cannot unpack model.zip: part of ${join(dataDir, 'models')} is a file, not a folder.`),
    );
  });
});

describe('removeAbandonedWork', () => {
  it('removes working folders whose process is gone, and nothing else', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'attune-abandoned-'));
    // No process has a pid above Linux's limit (2^22); pid 1 always runs.
    const names = ['.unpacking-999999999-1', '.some-model.importing-999999999-2', `.unpacking-${process.pid}-3`, '.unpacking-1-4', '.downloads', 'a-model'];
    for (const name of names) mkdirSync(join(dataDir, 'models', name, 'am'), { recursive: true });
    assert.deepEqual((await removeAbandonedWork(dataDir)).sort(), ['.some-model.importing-999999999-2', '.unpacking-999999999-1']);
    assert.deepEqual(modelsFolder(dataDir), ['.downloads', `.unpacking-${process.pid}-3`, '.unpacking-1-4', 'a-model'].sort());
    assert.deepEqual(await removeAbandonedWork(join(dataDir, 'nowhere')), []);
  });
});

describe('archive names and file errors', () => {
  it('knows the archive formats by name', () => {
    assert.equal(archiveFormatOf('/a/vosk-model-small-en-us-0.15.zip'), 'zip');
    assert.equal(archiveFormatOf('/a/model.TAR.GZ'), 'tar.gz');
    assert.equal(archiveFormatOf('/a/model.tgz'), 'tar.gz');
    assert.equal(archiveFormatOf('/a/model.rar'), null);
  });

  it('finds unsafe entry names', () => {
    assert.equal(unsafeEntryName('model/am/final.mdl'), null);
    assert.equal(unsafeEntryName('model/..hidden'), null);
    assert.equal(unsafeEntryName('model/../x'), 'a path that leads out of the archive (..)');
    assert.equal(unsafeEntryName('..\\x'), 'a path that leads out of the archive (..)');
    assert.equal(unsafeEntryName('/etc/x'), 'an absolute path');
    assert.equal(unsafeEntryName('C:/x'), 'an absolute path');
  });

  it('says a full disk and a refused folder in words', () => {
    const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });
    assert.equal(describeFileError(errno('ENOSPC'), '/data/models'), 'the disk holding /data/models is full');
    assert.equal(describeFileError(errno('EACCES'), '/data/models'), 'no permission to write to /data/models');
    assert.equal(describeFileError(errno('EROFS'), '/data/models'), '/data/models is on a read-only disk');
  });
});
