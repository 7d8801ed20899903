import { expect, test, type Locator } from '@playwright/test';
import { watchForProblems } from './pageHelpers';

/**
 * The event log keeps its newest row in sight. Lesson 7 paused at 24 s ("Count the lost writes…")
 * with eight rows in a log a few rows tall: the Event log tab opened on the 2 s narration and the
 * failovers the caption speaks of were below the fold. A log scrolled up by the user stays put.
 */
async function lastRowInSight(list: Locator): Promise<boolean> {
  return list.evaluate((element) => {
    const last = element.querySelector(':scope > li:last-child');
    if (last === null) return false;
    const box = element.getBoundingClientRect();
    const row = last.getBoundingClientRect();
    return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
  });
}

test('the event log opens on its newest rows at a pause, and leaves a log scrolled up where it is', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-failover-and-lost-writes').click();
  await expect(page.getByTestId('status-counts')).toHaveText('8 nodes · 8 links');
  await page.getByRole('radio', { name: '10×', exact: true }).click();
  await page.getByTestId('live-play').click();
  const resume = page.getByRole('button', { name: 'Paused here — continue' });
  for (const caption of ['A network fault cuts', 'Both primaries crash', 'Count the lost writes']) {
    await expect(page.getByTestId('live-caption')).toContainText(caption, { timeout: 30_000 });
    await expect(resume).toBeVisible();
    if (caption !== 'Count the lost writes') await resume.click();
  }

  await page.getByRole('tab', { name: 'Event log' }).click();
  const list = page.locator('.live-log-rows');
  // More rows than the panel shows: the test is about scrolling.
  await expect.poll(() => list.evaluate((element) => element.scrollHeight > element.clientHeight + 20)).toBe(true);
  await expect(list.locator(':scope > li').last()).toContainText('Count the lost writes');
  await expect.poll(() => lastRowInSight(list)).toBe(true);

  // Scrolled back to the top by the user, the log stays there as rows arrive.
  await list.evaluate((element) => {
    element.scrollTop = 0;
  });
  const rowsBefore = await list.locator(':scope > li').count();
  await resume.click();
  await expect.poll(() => list.locator(':scope > li').count(), { timeout: 30_000 }).toBeGreaterThan(rowsBefore);
  expect(await list.evaluate((element) => element.scrollTop)).toBe(0);
  expect(problems).toEqual([]);
});
