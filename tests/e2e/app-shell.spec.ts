// The shell: navigation between views, each of them real (no placeholder left).

import { test, expect } from './harness/attune-fixture';

test('navigation switches views and marks the current one', async ({ attune }) => {
  const { page } = attune;
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('heading', { name: 'Analyse a call' })).toBeVisible();
  await expect(navigation.getByRole('button', { name: 'Analyse' })).toHaveAttribute('aria-current', 'page');

  for (const view of ['Live', 'Library', 'Trends', 'Settings'] as const) {
    await navigation.getByRole('button', { name: view }).click();
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
    await expect(navigation.getByRole('button', { name: view })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('Not available yet.')).toHaveCount(0);
  }
});
