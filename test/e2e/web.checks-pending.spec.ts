import { expect, test } from '@playwright/test';

/**
 * Before Play nothing is measured: a check's row shows "—" alone (titled "Not measured yet"),
 * not "— so far"; once requests have finished its value is "so far".
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/checks-pending';

test('the Checks panel says nothing "so far" before anything is measured', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('tab', { name: 'Checks' }).click();
  const rows = page.getByTestId('live-checks').locator('li');
  await expect(rows).not.toHaveCount(0);
  for (const row of await rows.all()) {
    await expect(row.locator('.live-check-actual')).toHaveText('—');
    await expect(row.locator('.live-check-source')).toHaveText('');
    await expect(row.locator('.live-check-actual')).toHaveAttribute('title', 'Not measured yet');
  }
  await page.getByTestId('live-checks').screenshot({ path: `${SHOTS}/checks-before-play.png` });

  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect(rows.first().locator('.live-check-source')).toHaveText(/so far|final/, { timeout: 20_000 });
  await expect(rows.first().locator('.live-check-actual')).not.toHaveText('—');
});
