import { expect, test, type Page } from '@playwright/test';
import { watchForProblems } from './pageHelpers';

/**
 * The consistency chart: lesson 6 asks the class to "watch the stale-read count" when the
 * replication links slow at 20 s. The Charts tab shows stale reads, lost writes and sessions lost
 * per second by send second, picked by default for a lesson that checks them, each key with the
 * run's total — the count the Checks tab's consistency line gives.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/consistency-chart';

type Live = { controller: { model: { consistency: { columns: Record<string, Float64Array> } } } };

/** The chart's per-second stale reads so far, from the live model (NaN: not received). */
const staleReadsPerSecond = (page: Page) =>
  page.evaluate(() => Array.from((window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model.consistency.columns.staleReads));

/** Lesson 6 in a window of `size`, played at Max to its pause at 20 s (144 stale reads by then). */
async function lesson6PausedAt20s(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-replication-lag-and-stale-reads').click();
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect(page.getByTestId('live-clock')).toHaveText(/^0:20/, { timeout: 60_000 });
}

/** The totals a chart key shows, by the key's full name (its tooltip: a narrow chart shows a word, or none). */
async function keyTotals(page: Page): Promise<Record<string, number>> {
  const keys = page.getByTestId('chart-consistency-keys').locator('.live-chart-key');
  const entries = await keys.evaluateAll((elements) => elements.map((key) => [key.getAttribute('title') ?? '', key.querySelector('.live-chart-key-count')?.textContent ?? '']));
  return Object.fromEntries(entries.map(([name, count]) => [name, Number(count.replaceAll(',', ''))]));
}

/** The Checks tab's consistency line ("3,411 stale reads · 0 lost writes · 0 sessions lost"), as numbers. */
async function checksTotals(page: Page): Promise<Record<string, number>> {
  await page.getByRole('tab', { name: 'Checks' }).click();
  const text = (await page.getByTestId('live-consistency').locator('.live-consistency-counts').textContent()) ?? '';
  await page.getByRole('tab', { name: 'Charts' }).click();
  const count = (noun: RegExp) => Number((noun.exec(text)?.[1] ?? 'NaN').replaceAll(',', ''));
  return { 'stale reads': count(/([\d,]+) stale reads?/), 'lost writes': count(/([\d,]+) lost writes?/), 'sessions lost': count(/([\d,]+) sessions? lost/) };
}

test('lesson 6: the Consistency chart is shown, its stale reads jump when replication slows, and its totals are the Checks tab\'s', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-replication-lag-and-stale-reads').click();
  await page.getByRole('tab', { name: 'Charts' }).click();
  // The lesson checks stale reads: its fourth chart is Consistency from the start.
  await expect(page.getByRole('combobox', { name: 'Per-node series' })).toHaveValue('consistency');
  const chart = page.getByTestId('chart-consistency');
  await expect(chart).toBeVisible();
  await expect(page.getByTestId('chart-nodes')).toHaveCount(0);
  const keys = page.getByRole('listbox', { name: 'Consistency key' });
  await expect(keys.getByRole('option')).toHaveCount(3);

  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  // Paused at 20 s as the links slow ("Watch the stale-read count"): seconds still finishing are marked.
  await expect(page.getByTestId('live-clock')).toHaveText(/^0:20/, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /continue/i })).toBeVisible();
  await expect(chart.locator('.live-chart-plot')).toHaveAttribute('data-pending', /"fromS":/);
  const atTwenty = await keyTotals(page);
  expect(atTwenty['stale reads']).toBeGreaterThan(0);
  expect(await checksTotals(page)).toEqual(atTwenty);

  // On to the pause at 40 s (reads move to the primary), then to the end.
  await page.getByRole('button', { name: /continue/i }).click();
  await expect(page.getByTestId('live-clock')).toHaveText(/^0:40/, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /continue/i })).toBeVisible();
  await page.getByRole('button', { name: /continue/i }).click();
  await expect(page.getByTestId('live-clock')).toHaveText(/^1:00\.0/, { timeout: 60_000 });
  await expect(chart.locator('.live-chart-plot')).not.toHaveAttribute('data-pending', /.*/);

  // The final totals: nonzero stale reads, the same as the Checks tab's line and the chart's seconds added up.
  await expect.poll(async () => (await checksTotals(page))['stale reads']).toBeGreaterThan(atTwenty['stale reads']);
  const totals = await keyTotals(page);
  expect(totals['stale reads']).toBeGreaterThan(0);
  expect(await checksTotals(page)).toEqual(totals);
  await expect(keys.getByRole('option', { name: `stale reads ${totals['stale reads'].toLocaleString('en-US')}` })).toHaveCount(1);
  const perSecond = await staleReadsPerSecond(page);
  expect(perSecond.reduce((sum, n) => sum + n, 0)).toBe(totals['stale reads']);
  // What the lesson is about: the stale-read rate jumps when the links slow at 20 s, and stops when reads go to the primary.
  const mean = (from: number, to: number) => perSecond.slice(from, to).reduce((sum, n) => sum + n, 0) / (to - from);
  expect(mean(21, 40)).toBeGreaterThan(5 * mean(0, 20));
  expect(mean(41, 60)).toBe(0);

  // The keys are reachable from the keyboard: Tab onto them, the arrows move, focus highlights.
  await keys.getByRole('option').first().focus();
  await expect(chart.locator('.live-chart-plot')).toHaveAttribute('data-focused', 'stale reads');
  await page.keyboard.press('ArrowRight');
  await expect(chart.locator('.live-chart-plot')).toHaveAttribute('data-focused', 'lost writes');
  await chart.screenshot({ path: `${SHOTS}/lesson6-consistency.png` });
  expect(problems).toEqual([]);
});

test('a design that checks no consistency count keeps utilization first; Consistency is one pick away', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const picker = page.getByRole('combobox', { name: 'Per-node series' });
  await expect(picker).toHaveValue('utilization');
  await expect(page.getByTestId('chart-nodes')).toBeVisible();
  await picker.selectOption('consistency');
  await expect(page.getByTestId('chart-consistency')).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Consistency key' }).getByRole('option')).toHaveText(['stale reads', 'lost writes', 'sessions lost']);
  expect(problems).toEqual([]);
});

test('at 800×600 the keys keep their totals in sight: colour and total, the name in the tooltip and accessible name', async ({ page }) => {
  const problems = watchForProblems(page);
  await lesson6PausedAt20s(page, { width: 800, height: 600 });
  const keys = page.getByTestId('chart-consistency-keys');
  // "stale reads 144" alone left no room for "+2 more": all three totals show, none folded away.
  await expect(page.getByTestId('chart-consistency-more')).toHaveCount(0);
  await expect(keys.locator('.live-chart-key-count')).toHaveCount(3);
  for (const count of await keys.locator('.live-chart-key-count').all()) await expect(count).toBeVisible();
  const stale = page.getByRole('option', { name: /^stale reads \d/ });
  await expect(stale).toHaveAttribute('title', 'stale reads');
  expect((await keyTotals(page))['stale reads']).toBeGreaterThan(0);
  await page.getByTestId('chart-consistency').screenshot({ path: `${SHOTS}/lesson6-consistency-800.png` });
  expect(problems).toEqual([]);
});

test('lesson 13 at 1280×800: a key with a large total keeps its whole name where there is room ("sessions lost 1,274")', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-sessions-and-clones').click();
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect(page.getByRole('button', { name: /continue/i })).toBeVisible({ timeout: 60_000 });
  const sessions = page.getByRole('listbox', { name: 'Consistency key' }).getByRole('option', { name: /^sessions lost [\d,]+$/ });
  await expect(sessions).toContainText(/sessions lost\s*[1-9][\d,]{2,}/);
  // The name is drawn whole: no ellipsis (its text is as wide as its box).
  const cut = await sessions.locator('.live-chart-key-name').evaluate((name) => name.scrollWidth > name.clientWidth);
  expect(cut).toBe(false);
});

test('at 1280×720, where the names leave no room, each key keeps a word beside its total ("stale 144"), not a bare number', async ({ page }) => {
  const problems = watchForProblems(page);
  await lesson6PausedAt20s(page, { width: 1280, height: 720 });
  const keys = page.getByTestId('chart-consistency-keys');
  await expect(page.getByTestId('chart-consistency-more')).toHaveCount(0);
  await expect(keys.locator('.live-chart-key-name')).toHaveText(['stale', 'lost', 'sessions']);
  for (const count of await keys.locator('.live-chart-key-count').all()) await expect(count).toBeVisible();
  // The full name stays the key's tooltip and accessible name.
  await expect(page.getByRole('option', { name: /^stale reads \d/ })).toHaveAttribute('title', 'stale reads');
  expect(problems).toEqual([]);
});
