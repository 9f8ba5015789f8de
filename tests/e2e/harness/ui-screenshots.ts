// Where the UI tests write their 1280×800 review screenshots (test-results/ui-screenshots/), for a
// person to open and check: the content pane scrolls, not the page, so each shot is one viewport.

import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';

export const UI_SCREENSHOTS_DIR = join('test-results', 'ui-screenshots');
export const REVIEW_VIEWPORT = { width: 1280, height: 800 } as const;

/** Shoots the window at 1280×800, scrolled so that `top` (when given) is at the top of the pane. */
export async function reviewScreenshot(page: Page, name: string, top?: Locator): Promise<void> {
  await page.setViewportSize(REVIEW_VIEWPORT);
  // The test project has no DOM types; in the page this is the element's scrollIntoView.
  await top?.evaluate((element) => (element as unknown as { scrollIntoView(options: { block: 'start' }): void }).scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(UI_SCREENSHOTS_DIR, `${name}-1280x800.png`) });
}
