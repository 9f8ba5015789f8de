// The shell: navigation between views; the view still to come promises no fake data.

import { test, expect } from './harness/attune-fixture';

test('navigation switches views and marks the current one', async ({ attune }) => {
  const { page } = attune;
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('heading', { name: 'Analyse a call' })).toBeVisible();
  await expect(navigation.getByRole('button', { name: 'Analyse' })).toHaveAttribute('aria-current', 'page');

  for (const view of ['Live', 'Library', 'Settings'] as const) {
    await navigation.getByRole('button', { name: view }).click();
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
    await expect(navigation.getByRole('button', { name: view })).toHaveAttribute('aria-current', 'page');
    // Only the library is still to come; Live and Settings are real.
    await expect(page.getByText('Not available yet.')).toBeVisible({ visible: view === 'Library' });
  }
});
