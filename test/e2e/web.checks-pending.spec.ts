import { expect, test, type Page } from '@playwright/test';
import { watchForProblems } from './pageHelpers';

/**
 * Before Play nothing is measured: a check's row shows "—" alone (titled "Not measured yet"),
 * not "— so far"; once requests have finished its value is "so far". A verdict the rest of its
 * window can still change is pending (neither ✓ nor ✗) until it is final.
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

type Live = { controller: { model: { frame: { timeMs: number; playing: boolean; ended: boolean } | null } } };

async function playback(page: Page) {
  return page.evaluate(() => {
    const frame = (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model.frame;
    return { timeMs: frame?.timeMs ?? 0, playing: frame?.playing ?? false, ended: frame?.ended ?? false };
  });
}

/** Presses Play and waits for the run to stop by itself: at the scenario's next pause, or at the end. */
async function playToStop(page: Page): Promise<{ timeMs: number; ended: boolean }> {
  const before = await playback(page);
  await page.getByTestId('live-play').click();
  await expect.poll(async () => { const now = await playback(page); return now.timeMs !== before.timeMs && !now.playing; }, { timeout: 30_000 }).toBe(true);
  const { timeMs, ended } = await playback(page);
  return { timeMs, ended };
}

test('lesson 10: "the queue reaches its capacity" is pending while it can still happen, not a failure, and final once it has', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-queues-and-back-pressure').click();
  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  const fills = page.getByTestId('check-fills');

  // The lesson pauses at 12 s, the queue about 1,400 deep and climbing towards its 2,000.
  expect(await playToStop(page)).toEqual({ timeMs: 12_000, ended: false });
  await expect(fills).toHaveClass('pending');
  await expect(fills.getByRole('img', { name: 'pending' })).toBeVisible();
  await expect(fills.locator('.live-check-actual')).not.toHaveText('—');
  await expect(fills.locator('.live-check-source')).toHaveText('so far');
  await expect(fills.locator('.live-check-pending')).toHaveText('needs ≥ 1,900 · window ends at 1:00');
  // Nothing on the row reads as a verdict, for the eye or for a screen reader.
  await expect(fills.getByRole('img', { name: 'fail' })).toHaveCount(0);
  await expect(fills.getByRole('img', { name: 'pass' })).toHaveCount(0);
  await page.getByTestId('live-checks').screenshot({ path: `${SHOTS}/lesson10-pending.png` });

  // At the next pause (30 s) the queue has been full for a while: passed for good, half a run early.
  expect(await playToStop(page)).toEqual({ timeMs: 30_000, ended: false });
  await expect(fills).toHaveClass('pass');
  await expect(fills.getByRole('img', { name: 'pass' })).toBeVisible();
  await expect(fills.locator('.live-check-source')).toHaveText('final');
  await expect(fills.locator('.live-check-pending')).toHaveCount(0);
  // "Absorbs the burst" measured requests sent before 15 s: all finished, its verdict final too.
  await expect(page.getByTestId('check-absorbs')).toHaveClass('pass');
  await expect(page.getByTestId('check-absorbs').locator('.live-check-source')).toHaveText('final');
  await page.getByTestId('live-checks').screenshot({ path: `${SHOTS}/lesson10-decided.png` });

  expect((await playToStop(page)).ended).toBe(true);
  await expect(fills).toHaveClass('pass');
  await expect(fills.locator('.live-check-source')).toHaveText('final');
  // Every verdict is final at the end: no row is left pending.
  await expect(page.getByTestId('live-checks').locator('li.pending')).toHaveCount(0);
  expect(problems).toEqual([]);
});
