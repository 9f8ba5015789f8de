// Playwright runs the e2e tests against the built renderer (run `npm run build` first) in Debian's
// Chromium, with the main-process IPC code running in the test's own Node process.

import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  // Screenshots for design review are a tool, not a test: they run only when asked for.
  testIgnore: process.env['ATTUNE_E2E_SCREENSHOTS_DIR'] ? [] : ['screenshots.spec.ts'],
  globalSetup: './tests/e2e/harness/global-setup.ts',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // The machine's Chromium, not a Playwright download (there is no route to Playwright's CDN).
      executablePath: process.env['ATTUNE_E2E_CHROMIUM'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
});
