// `npm start`'s first step: makes sure a better-sqlite3 native module built for the installed
// Electron exists in .electron-native/<electron version>/better_sqlite3.node, next to (not instead of)
// the Node build in node_modules that the tests and the CLI use. So `npm test` and `npm start` work
// in any order, and nothing is rebuilt in postinstall. The app finds the file with
// src/main/library/electron-native-binding.ts.
//
// The first run fetches better-sqlite3's prebuilt binary for Electron (prebuild-install, its own
// dependency); failing that it builds one with node-gyp against Electron's headers. Either needs the
// internet once, like Electron's own binary. Later runs only check the stamp and exit.

import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

/** Where the Electron build goes; src/main/library/electron-native-binding.ts reads the same path. */
export function electronNativeDir(repoRoot, electronVersion) {
  return join(repoRoot, '.electron-native', electronVersion);
}

function readVersion(packageJson) {
  return existsSync(packageJson) ? JSON.parse(readFileSync(packageJson, 'utf8')).version : undefined;
}

/** Runs `node <script> ...args` in `cwd`, appending its output to `log`; true on exit status 0. */
function runNode(script, args, cwd, log, timeoutMs) {
  writeFileSync(log, `\n$ node ${script} ${args.join(' ')}\n`, { flag: 'a' });
  const result = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs });
  writeFileSync(log, `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error.message}\n` : ''}\nexit: ${result.status}\n`, {
    flag: 'a',
  });
  return result.status === 0;
}

/** node-gyp: the one installed with the project's tools, else the one npm bundles. */
function findNodeGyp() {
  const candidates = [];
  try {
    candidates.push(createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // Not installed in the project; try npm's own copy below.
  }
  if (process.env.npm_execpath) candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const nodeDir = dirname(process.execPath);
  candidates.push(join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((candidate) => existsSync(candidate));
}

/** Fetches or builds the Electron binary into `targetDir`; returns what it did, or throws with one line. */
export function ensureElectronBinding({ repoRoot = root, arch = process.arch, platform = process.platform } = {}) {
  const electronVersion = readVersion(join(repoRoot, 'node_modules', 'electron', 'package.json'));
  const sqliteDir = join(repoRoot, 'node_modules', 'better-sqlite3');
  const sqliteVersion = readVersion(join(sqliteDir, 'package.json'));
  if (electronVersion === undefined || sqliteVersion === undefined) {
    throw new Error('Electron or better-sqlite3 is not installed: run `npm install` first.');
  }

  const targetDir = electronNativeDir(repoRoot, electronVersion);
  const binary = join(targetDir, 'better_sqlite3.node');
  const stampFile = join(targetDir, 'build-info.json');
  const stamp = JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, platform, arch });
  if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return 'up-to-date';

  // A binary for another better-sqlite3 version or arch must not be loaded by mistake if this run fails.
  rmSync(targetDir, { recursive: true, force: true });
  mkdirSync(dirname(targetDir), { recursive: true });
  const log = join(dirname(targetDir), `build-${electronVersion}.log`);
  writeFileSync(log, `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch})\n`);

  // Work on a copy, so node_modules keeps the Node build whatever happens.
  const workDir = mkdtempSync(join(tmpdir(), 'attune-electron-native-'));
  try {
    const packageDir = join(workDir, 'better-sqlite3');
    cpSync(sqliteDir, packageDir, { recursive: true, filter: (source) => relative(sqliteDir, source) !== 'build' });
    const built = join(packageDir, 'build', 'Release', 'better_sqlite3.node');

    const prebuildInstall = createRequire(join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js');
    let ok = runNode(prebuildInstall, ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform], packageDir, log, 120_000);
    let how = 'downloaded';
    if (!ok || !existsSync(built)) {
      const nodeGyp = findNodeGyp();
      const gypArgs = ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'];
      if (nodeGyp !== undefined) {
        ok = runNode(nodeGyp, gypArgs, packageDir, log, 20 * 60_000);
      } else {
        writeFileSync(log, `\n$ npx node-gyp ${gypArgs.join(' ')}\n`, { flag: 'a' });
        const npx = spawnSync(platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp', ...gypArgs], {
          cwd: packageDir,
          encoding: 'utf8',
          timeout: 20 * 60_000,
          shell: platform === 'win32',
        });
        writeFileSync(log, `${npx.stdout ?? ''}${npx.stderr ?? ''}\nexit: ${npx.status}\n`, { flag: 'a' });
        ok = npx.status === 0;
      }
      how = 'built';
    }
    if (!ok || !existsSync(built)) {
      throw new Error(
        `could not download or build better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}): the first \`npm start\` needs the internet (and Python and a C++ compiler if no prebuilt binary fits); details in ${relative(process.cwd(), log) || log}`,
      );
    }

    // Copy under a temporary name, then rename: the app never sees a half-copied binary.
    mkdirSync(targetDir, { recursive: true });
    copyFileSync(built, `${binary}.partial`);
    renameSync(`${binary}.partial`, binary);
    writeFileSync(stampFile, stamp);
    rmSync(log, { force: true });
    return how;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Electron 45's installer (@electron/get) declares Node ≥ 22.12; the CLI and the tests need only 20.19. */
export const APP_MIN_NODE = [22, 12];

/** One line for a Node too old to install and start Electron, or null. */
export function oldNodeWarning(nodeVersion = process.versions.node) {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  const [needMajor, needMinor] = APP_MIN_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `attune: the app needs Node.js ${needMajor}.${needMinor} or later (Electron 45 requires it to download and start); this is Node ${nodeVersion}. The tests and the attune command line work on Node 20.19+.`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A warning, not a stop: Electron may still start where its binary is already in place.
  const warning = oldNodeWarning();
  if (warning !== null) console.error(warning);
  try {
    const result = ensureElectronBinding();
    if (result !== 'up-to-date') console.log(`attune: better-sqlite3 ${result} for Electron.`);
  } catch (error) {
    console.error(`attune: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
