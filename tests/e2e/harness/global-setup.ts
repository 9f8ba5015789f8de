// Runs once before the e2e tests: checks the renderer was built, renders (or finds cached) the
// realistic call fixture the main test opens, and writes the live tests' fake-microphone call.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REALISTIC_CALL_ENV, renderFixtureCall } from './fixture-calls';
import { writeLiveCallWav } from './live-call-audio';
import { RENDERER_DIR } from './renderer-server';

export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html')) || !existsSync(join(RENDERER_DIR, 'overlay.html'))) {
    throw new Error(`No built renderer at ${RENDERER_DIR}. Run \`npm run build\` before \`npx playwright test\`.`);
  }
  // Environment variables set here reach the test workers, which start after global setup.
  process.env[REALISTIC_CALL_ENV] = await renderFixtureCall();
  await writeLiveCallWav();
}
