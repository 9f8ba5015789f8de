// Chromium launch options for specs that need extra flags (fake media devices): the same browser and
// base flags as playwright.config.ts, plus the extras. Playwright replaces launchOptions as a whole.

import type { LaunchOptions } from '@playwright/test';

export const BASE_CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] as const;

export function chromiumLaunchOptions(extraArgs: readonly string[]): LaunchOptions {
  return {
    executablePath: process.env['ATTUNE_E2E_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...BASE_CHROMIUM_ARGS, ...extraArgs],
  };
}

/** Fake microphone playing `wavPath` in a loop; with `grantPermission`, no prompt (always allowed). */
export function fakeMicrophoneArgs(wavPath: string, grantPermission: boolean): string[] {
  return [
    ...(grantPermission ? ['--use-fake-ui-for-media-stream'] : []),
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wavPath}`,
    // Audio must run without a user gesture in an automated page.
    '--autoplay-policy=no-user-gesture-required',
  ];
}
