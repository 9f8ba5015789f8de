// Where the Electron app looks for its better-sqlite3 build, and that scripts/electron-native.mjs
// (what `npm start` runs) puts it in the same place.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { electronNativeBindingFile, electronNativeBindingPath } from '../../src/main/library/electron-native-binding';

const appRoot = mkdtempSync(join(tmpdir(), 'attune-native-test-'));
after(() => rmSync(appRoot, { recursive: true, force: true }));

describe('electronNativeBindingPath', () => {
  it('is undefined until the Electron build exists, then its path', () => {
    assert.equal(electronNativeBindingPath(appRoot, '45.5.0'), undefined);
    const file = join(appRoot, '.electron-native', '45.5.0', 'better_sqlite3.node');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'binary');
    assert.equal(electronNativeBindingPath(appRoot, '45.5.0'), file);
    assert.equal(electronNativeBindingPath(appRoot, '45.5.0', false), file);
    assert.equal(electronNativeBindingPath(appRoot, '46.0.0'), undefined, 'a build for another Electron is not used');
  });

  it('is undefined in a packaged app, whose better-sqlite3 electron-builder already rebuilt', () => {
    assert.equal(electronNativeBindingPath(appRoot, '45.5.0', true), undefined);
  });

  it('matches the folder scripts/electron-native.mjs writes to', async () => {
    const script = (await import(resolve(__dirname, '../../scripts/electron-native.mjs'))) as {
      electronNativeDir(repoRoot: string, electronVersion: string): string;
    };
    assert.equal(electronNativeBindingFile(appRoot, '45.5.0'), join(script.electronNativeDir(appRoot, '45.5.0'), 'better_sqlite3.node'));
  });
});

describe('npm start on an older Node', () => {
  it('warns in one line below Node 22.12, where Electron 45 cannot be installed, and not from 22.12 on', async () => {
    const { oldNodeWarning } = (await import(resolve(__dirname, '../../scripts/electron-native.mjs'))) as {
      oldNodeWarning: (nodeVersion: string) => string | null;
    };
    const warning = oldNodeWarning('20.19.0');
    assert.match(warning ?? '', /^attune: the app needs Node\.js 22\.12 or later .*this is Node 20\.19\.0\. The tests and the attune command line work on Node 20\.19\+\.$/);
    assert.doesNotMatch(warning ?? '', /\n/);
    assert.notEqual(oldNodeWarning('22.11.9'), null);
    assert.equal(oldNodeWarning('22.12.0'), null);
    assert.equal(oldNodeWarning('24.1.0'), null);
  });
});
