// `npm run dist [-- electron-builder args]`: builds the app and packages it with electron-builder,
// which rebuilds better-sqlite3 for Electron inside node_modules. Afterwards, whatever happened,
// node_modules gets its Node build back (`npm rebuild better-sqlite3`), so `npm test` and the CLI keep
// working after packaging. Needs the internet (Electron and its headers or prebuilt binaries).

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const shell = process.platform === 'win32';

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell });
  return result.error ? 1 : (result.status ?? 1);
}

let status = run('npx', ['electron-vite', 'build']);
if (status === 0) status = run('npx', ['electron-builder', '--publish', 'never', ...process.argv.slice(2)]);
const restored = run('npm', ['rebuild', 'better-sqlite3']);
if (restored !== 0) console.error('attune: could not restore the Node build of better-sqlite3; run `npm rebuild better-sqlite3` before `npm test`.');
process.exit(status !== 0 ? status : restored);
