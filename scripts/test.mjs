// `npm test`: every suite, in order — unit, CLI, service, call-store and accuracy tests on Node's test runner,
// then a build of the app, then the Playwright tests against the built renderer — and one closing
// line with the totals. Any failure fails the run; skipped tests are counted and named.
// `--node-only` stops after Node's test runner (`npm run test:unit`).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const nodeOnly = process.argv.includes('--node-only');
const reportDir = mkdtempSync(join(tmpdir(), 'attune-test-'));

/** Test files below `dir` whose names end in `.test.ts`. */
function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) found.push(relative(root, path));
  }
  return found.sort();
}

/** "file › title — reason" for every skipped Playwright test. */
function skippedPlaywrightTests(suites = []) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'skipped')
        .map((t) => {
          const reason = t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
          return `${spec.file} › ${spec.title} — ${reason}`;
        }),
    ),
    ...skippedPlaywrightTests(suite.suites),
  ]);
}

function run(command, args, env = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = 0;

// 1. Node's test runner: unit tests, CLI and service tests, the call store, accuracy on the generated calls.
const nodeTests = [...findTests(join(root, 'tests/unit')), ...findTests(join(root, 'tests/db')), ...findTests(join(root, 'tests/accuracy'))];
const tapFile = join(reportDir, 'node.tap');
const nodeStatus = run(process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=2',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tapFile}`,
  ...nodeTests,
]);
const tap = readFileSync(tapFile, 'utf8');
const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
totals.passed += count('pass');
totals.failed += count('fail') + count('cancelled');
totals.skipped += count('skipped') + count('todo');
for (const line of tap.split('\n').filter((l) => /# SKIP/.test(l))) console.log(`skipped: ${line.trim()}`);
if (nodeStatus !== 0) failedSteps += 1;

// 2. The app build the browser tests load.
if (nodeOnly) {
  // Node's suites only.
} else if (run('npx', ['electron-vite', 'build']) !== 0) {
  failedSteps += 1;
  totals.failed += 1;
} else {
  // 3. Playwright against the built renderer in Debian's Chromium.
  const jsonFile = join(reportDir, 'playwright.json');
  const e2eStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile });
  try {
    const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
    const stats = report.stats;
    for (const line of skippedPlaywrightTests(report.suites)) console.log(`skipped: ${line}`);
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } catch {
    totals.failed += 1;
  }
  if (e2eStatus !== 0) failedSteps += 1;
}

rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps === 0 && totals.failed === 0 ? 0 : 1);
