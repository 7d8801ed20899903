import { expect, test, type Page } from '@playwright/test';

/**
 * The scenario event editor gives the keyboard back to what opened it — the event's marker, or
 * the + button — when it goes (Close, Escape, Delete); the focus fell to the page body, and Tab
 * started again from the menu bar.
 */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null);

test('closing the scenario event editor gives the focus back to its marker or to +', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const editor = page.getByTestId('scenario-event-editor');
  const add = page.getByRole('button', { name: 'Add a scenario event at the playhead' });

  // + then Escape: the blank note is taken back, the focus is on + again.
  await add.click();
  await expect(editor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  expect(await focused(page)).toBe('Add a scenario event at the playhead');

  // A marker opened from the keyboard, then Close: the marker has the focus again.
  const marker = page.locator('.live-marker').first();
  const label = await marker.getAttribute('aria-label');
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(editor).toBeVisible();
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect(editor).toHaveCount(0);
  expect(await focused(page)).toBe(label);

  // Opened with the mouse and deleted: the focus stays on the timeline, not the page body.
  const count = await page.locator('.live-marker').count();
  await page.locator('.live-marker').last().click();
  await expect(editor).toBeVisible();
  await editor.getByRole('button', { name: 'Delete this event' }).click();
  await expect(page.locator('.live-marker')).toHaveCount(count - 1);
  expect(await focused(page)).toBe('Add a scenario event at the playhead');
});
