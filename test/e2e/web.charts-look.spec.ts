import { expect, test, type Page } from '@playwright/test';
import { watchForProblems } from './pageHelpers';

/**
 * What the charts look like: their axes and grid follow the theme when it is switched mid-run
 * (they kept the colours of the theme they were built in), a key too long for its place ends in
 * "…" (it was cut mid-letter), and a check whose window has not begun waits instead of passing or
 * failing on nothing.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/charts-look';

const cssVar = (page: Page, name: string) => page.evaluate((variable) => getComputedStyle(document.documentElement).getPropertyValue(variable).trim(), name);

async function playToPause(page: Page) {
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
}

test('the charts redraw their axes and grid in the new theme', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await playToPause(page);
  const charts = page.locator('.live-charts [data-axis-colors]');
  await expect(charts).toHaveCount(4);
  for (const themeNow of ['first', 'switched', 'back'] as const) {
    if (themeNow !== 'first') await page.getByTestId('theme-toggle').click();
    const expected = `${await cssVar(page, '--muted')} ${await cssVar(page, '--panel-border')}`;
    for (const chart of await charts.all()) await expect(chart, `${themeNow} theme`).toHaveAttribute('data-axis-colors', expected);
    if (themeNow === 'switched') await page.getByTestId('bottom-dock').screenshot({ path: `${SHOTS}/switched-theme.png` });
  }
  expect(problems).toEqual([]);
});

test('a chart key too long for its place ends in an ellipsis', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-cache-write-policies').click();
  await playToPause(page);
  const names = page.getByTestId('chart-nodes-keys').locator('.live-chart-key-name');
  await expect.poll(() => names.count()).toBeGreaterThan(0);
  // The name's own box is what is cut (where the ellipsis is drawn), never the key around it.
  const cut = await names.evaluateAll((elements) =>
    elements.map((name) => ({ text: name.textContent, nameCut: name.scrollWidth > name.clientWidth, keyCut: name.parentElement!.scrollWidth > name.parentElement!.clientWidth + 1, ellipsis: getComputedStyle(name).textOverflow })),
  );
  expect(cut.some((key) => key.nameCut), JSON.stringify(cut)).toBe(true);
  for (const key of cut) {
    expect(key.keyCut, `${key.text}: the key itself is not cut`).toBe(false);
    expect(key.ellipsis).toBe('ellipsis');
  }
  await page.getByTestId('chart-nodes').screenshot({ path: `${SHOTS}/long-keys.png` });
});

test('a check whose window has not begun shows no verdict yet', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-replication-lag-and-stale-reads').click();
  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByRole('radio', { name: '1×', exact: true }).click();
  await page.getByTestId('live-play').click();
  // Past the first settled seconds, long before the later windows (20 s and 41 s) begin.
  await expect(page.getByTestId('live-clock')).toHaveText(/0:0[4-9]/, { timeout: 20_000 });
  await page.getByTestId('live-play').click();
  const rows = page.getByTestId('live-checks').locator('li');
  const later = rows.filter({ hasText: /slow replication link|primary/i });
  await expect(later).not.toHaveCount(0);
  for (const row of await later.all()) {
    await expect(row.locator('.live-check-actual')).toHaveText('—');
    await expect(row.locator('.live-check-source')).toHaveText('');
  }
  await page.getByTestId('live-checks').screenshot({ path: `${SHOTS}/checks-before-window.png` });
});
