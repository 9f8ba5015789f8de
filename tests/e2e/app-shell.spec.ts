// The shell: navigation between views, placeholders that promise no fake data.

import { test, expect } from './harness/attune-fixture';

test('navigation switches views and marks the current one', async ({ attune }) => {
  const { page } = attune;
  await expect(page.getByRole('heading', { name: 'Analyse a call' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Analyse' })).toHaveAttribute('aria-current', 'page');

  for (const view of ['Live', 'Library', 'Settings'] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view }).click();
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
    await expect(page.getByText('Not available yet.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view })).toHaveAttribute('aria-current', 'page');
  }
});
