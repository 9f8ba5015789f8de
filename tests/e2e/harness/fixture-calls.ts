// Access to the espeak-rendered call fixtures (tests/fixtures) for e2e tests that want a realistic call.
// The fixture module is ESM-flavoured (import.meta.url), which Playwright's CommonJS transform cannot
// load, so it runs in a child `node --import tsx` process (print-fixture-call.ts) from global setup.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A call with both voices, phone noise and customer bleed into the agent mic: the realistic case. */
export const REALISTIC_CALL_ID = 'billing-estimate--all';

/** Global setup puts the realistic call's WAV path here for the test workers. */
export const REALISTIC_CALL_ENV = 'ATTUNE_E2E_REALISTIC_CALL';

const REPO_ROOT = join(__dirname, '../../..');
/** A cold cache renders 16 calls with espeak and sox; a warm one is a file lookup. */
const RENDER_TIMEOUT_MS = 300_000;

/** Renders the fixtures if missing or stale and returns the WAV path of fixture `id`. */
export async function renderFixtureCall(id: string = REALISTIC_CALL_ID): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(__dirname, 'print-fixture-call.ts'), id], {
    cwd: REPO_ROOT,
    timeout: RENDER_TIMEOUT_MS,
    encoding: 'utf8',
  });
  const { wavPath } = JSON.parse(stdout) as { wavPath: string };
  return wavPath;
}

/** The realistic call's path, as global setup rendered it. */
export function realisticCallPath(): string {
  const path = process.env[REALISTIC_CALL_ENV];
  if (!path) throw new Error(`${REALISTIC_CALL_ENV} is not set; the Playwright global setup renders it`);
  return path;
}
