// electron-builder.yml as electron-builder itself reads and validates it (its own loader and JSON
// schema, without packaging anything), plus the facts the app depends on: the targets, the macOS
// usage strings, better-sqlite3 unpacked from asar and rebuilt at packaging time only, and a product
// name that makes Electron's userData the same folder the CLI uses as the library.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { APP_FOLDER_NAME } from '../../../src/main/library/data-dir';

const root = join(import.meta.dirname, '../../..');
const requireFromRoot = createRequire(join(root, 'package.json'));

interface TargetEntry {
  target: string;
}
interface BuilderConfig {
  productName?: string;
  files?: Array<string | { filter?: string[] }>;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  mac?: { target?: string | string[]; icon?: string; entitlements?: string; extendInfo?: Record<string, string> };
  win?: { target?: string | string[]; icon?: string };
  linux?: { target?: Array<string | TargetEntry>; icon?: string; maintainer?: string };
}

const { getConfig, validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: unknown) => Promise<BuilderConfig>;
  validateConfiguration: (config: BuilderConfig, debugLogger: unknown) => Promise<void>;
};
const { DebugLogger } = requireFromRoot('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
// electron-builder logs "• loaded configuration" to stdout, which Node's test runner reserves for its
// own protocol when it runs test files in child processes; its log goes to stderr here instead.
const { log: builderLog } = requireFromRoot('builder-util/out/log') as { log: { stream: NodeJS.WritableStream } };
builderLog.stream = process.stderr;

const targets = (value: string | Array<string | TargetEntry> | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder configuration', () => {
  it('is valid for electron-builder and builds the promised installers', async () => {
    const config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    assert.deepEqual(targets(config.linux?.target), ['AppImage', 'deb']);
    assert.deepEqual(targets(config.win?.target), ['nsis']);
    assert.deepEqual(targets(config.mac?.target), ['dmg']);
    assert.ok(config.linux?.maintainer, 'a deb needs a maintainer');
  });

  it('asks macOS for the microphone and the system audio in words, and entitles the microphone', async () => {
    const config = await getConfig(root, null, null);
    const info = config.mac?.extendInfo ?? {};
    for (const key of ['NSMicrophoneUsageDescription', 'NSAudioCaptureUsageDescription']) {
      assert.ok((info[key] ?? '').length > 20, `${key} explains why`);
    }
    const entitlements = readFileSync(join(root, config.mac?.entitlements ?? 'missing'), 'utf8');
    assert.match(entitlements, /<key>com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/);
  });

  it('ships the build and the icons, unpacks better-sqlite3 and rebuilds it only when packaging', async () => {
    const config = await getConfig(root, null, null);
    // electron-builder normalises `files` into file sets; flatten them back to patterns.
    const files = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry.filter ?? [])));
    assert.ok(files.includes('out/**') && files.includes('package.json'), files.join(', '));
    assert.ok(!files.some((pattern) => pattern.includes('src')), 'sources stay out of the app');
    assert.ok(config.asarUnpack?.some((pattern) => pattern.includes('better-sqlite3') && pattern.endsWith('.node')));
    assert.equal(config.npmRebuild, true);
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon, 'resources/tray.png', 'resources/trayTemplate.png']) {
      assert.ok(icon !== undefined && existsSync(join(root, icon)), `${icon} exists`);
    }
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall']) {
      assert.ok(!/rebuild|electron-builder/.test(packageJson.scripts?.[hook] ?? ''), `no native rebuild in ${hook}`);
    }
  });

  it('names the app so that Electron’s userData is the library folder the CLI computes', async () => {
    const config = await getConfig(root, null, null);
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { productName?: string };
    // Electron names userData after package.json's productName (the packaged app too).
    assert.equal(packageJson.productName, APP_FOLDER_NAME);
    assert.equal(config.productName, APP_FOLDER_NAME);
  });
});
