import { expect, test, type Page } from '@playwright/test';
import { watchForProblems } from './pageHelpers';

/**
 * A screen reader reads out what changes in a live region that was already in the page; a region
 * that arrives together with its text is not reliably read. So the narration, the scenario's
 * pauses and the run's end must reach a live region present before the run starts. Keys only.
 */

/** Marks every live region in the page now, so a later check can tell them from new ones. */
async function markLiveRegions(page: Page): Promise<number> {
  return page.evaluate(() => {
    const regions = document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]');
    for (const region of regions) region.setAttribute('data-e2e-live-before', '');
    return regions.length;
  });
}

/** The text of the live regions marked by markLiveRegions, one string per region. */
const announced = (page: Page): Promise<string[]> => page.evaluate(() => [...document.querySelectorAll('[data-e2e-live-before]')].map((region) => region.textContent ?? ''));

test('a lesson’s narration, its pauses and the run’s end are announced by a live region that was there before the run', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();

  // F1, then Tab to lesson 1 and Enter: focus lands on the canvas.
  await page.keyboard.press('F1');
  const lesson = page.getByTestId('lesson-load-balancing-and-health-checks');
  await expect(lesson).toBeVisible();
  // The dialog takes the focus a moment after it shows (its first focus, Close): Tab before that walks the page behind it.
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
  for (let presses = 0; !(await lesson.evaluate((button) => button === document.activeElement)); presses++) {
    expect(presses, 'Tab reaches lesson 1').toBeLessThan(5);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle(/Load balancing and health checks/);
  await expect(page.getByTestId('sandbox-canvas')).toBeFocused();
  expect(await markLiveRegions(page)).toBeGreaterThan(0);

  // At Max speed the run reaches the pause at 10 s at once.
  await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('End');
  await page.getByTestId('sandbox-canvas').focus();
  await page.keyboard.press('Space');
  const caption = page.getByTestId('live-caption');
  await expect(caption.getByRole('button', { name: 'Paused here — continue' })).toBeVisible();
  await expect(caption).toContainText('app2 crashes. The load balancer does not know yet');
  await expect.poll(async () => (await announced(page)).join(' | ')).toContain('app2 crashes. The load balancer does not know yet');
  await expect.poll(async () => (await announced(page)).join(' | ')).toContain('Paused here. Press Space');

  // Space goes on, to the next pause (25 s): its narration is read, and again how to go on.
  await page.keyboard.press('Space');
  await expect(caption).toContainText('app2 is back. Will it get traffic at once?');
  await expect.poll(async () => (await announced(page)).join(' | ')).toContain('app2 is back. Will it get traffic at once?');
  await expect.poll(async () => (await announced(page)).join(' | ')).toContain('Paused here. Press Space');

  // On to the end: the run's summary is read, and no pause line is left over.
  await page.keyboard.press('Space');
  await expect(caption).toContainText('Run finished');
  await expect.poll(async () => (await announced(page)).join(' | ')).toContain('Run finished');
  expect((await announced(page)).join(' | ')).not.toContain('Paused here');
  expect(problems).toEqual([]);
});

test('a scenario crash with no narration is announced as the event log words it', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  expect(await markLiveRegions(page)).toBeGreaterThan(0);

  // A crash of app1 at 5 s, with no narration, added from the timeline with the keyboard.
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).focus();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('scenario-event-editor');
  await expect(editor.getByRole('textbox', { name: 'At (s)' })).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('combobox', { name: 'Action' })).toBeFocused();
  await page.keyboard.type('crash');
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('combobox', { name: 'Node' })).toBeFocused();
  await page.keyboard.type('app1');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  // The timeline's Page Up goes to 10 s: app1 is down, and a live region says so.
  await page.getByTestId('live-timeline').focus();
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('live-clock')).toContainText(/^0:10\.0/);
  await expect.poll(async () => (await announced(page)).join(' | ')).toContain('app1 crashes.');
  expect(problems).toEqual([]);
});
