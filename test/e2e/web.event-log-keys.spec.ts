import { expect, test, type Page } from '@playwright/test';
import { watchForProblems } from './pageHelpers';

/**
 * The event log from the keyboard: its rows are one Tab stop (the newest row, or the one focused
 * last), and the arrows, Home and End move between them, so a long log costs one Tab, not one per
 * row. Enter on a row still selects its node. Keys only.
 */

/** The focused element's text, or what it is when it is not a log row. */
const focusedRow = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.classList.contains('live-log-row') ? (active.textContent ?? '') : `not a log row: ${active?.tagName} ${active?.getAttribute('aria-label') ?? ''}`;
  });

test('the event log’s rows are one Tab stop, walked with the arrows, Home and End', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();

  // The classic stack run to its end at Max speed (it pauses once, at 20 s): five entries in the log.
  await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('End');
  await page.getByTestId('sandbox-canvas').focus();
  await page.keyboard.press('Space');
  const caption = page.getByTestId('live-caption');
  await expect(caption.getByRole('button', { name: 'Paused here — continue' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(caption).toContainText('Run finished');
  await page.getByRole('tab', { name: 'Charts' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Event log' })).toHaveAttribute('aria-selected', 'true');
  const log = page.getByTestId('live-log');
  await expect(log.locator('.live-log-row')).toHaveCount(5);

  // From the last filter, Tab lands on the newest row; the next Tab leaves the log.
  await log.getByRole('combobox', { name: 'Filter by outcome' }).focus();
  await page.keyboard.press('Tab');
  expect(await focusedRow(page)).toMatch(/^0:41\.0health.*marks app2 up again$/);
  await page.keyboard.press('Tab');
  expect(await focusedRow(page)).toMatch(/^not a log row/);
  await page.keyboard.press('Shift+Tab');
  expect(await focusedRow(page)).toMatch(/^0:41\.0/);

  // Up and down, Home and End, wrapping round.
  await page.keyboard.press('ArrowUp');
  expect(await focusedRow(page)).toMatch(/^0:40\.0recovery/);
  await page.keyboard.press('Home');
  expect(await focusedRow(page)).toMatch(/^0:05\.0narration/);
  await page.keyboard.press('ArrowUp');
  expect(await focusedRow(page)).toMatch(/^0:41\.0/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await focusedRow(page)).toMatch(/^0:20\.0fault/);

  // Tab away and back: the row focused last keeps the Tab stop. Enter selects its node.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedRow(page)).toMatch(/^0:20\.0fault/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('canvas-announcer')).toHaveText(/^app2, app server/);
  expect(problems).toEqual([]);
});
