import { expect, test, type Page } from '@playwright/test';
import { documentText, nodeCentre } from './pageHelpers';

/**
 * The scenario event editor and the check editor give the keyboard back to what opened them — the
 * event's marker or +, the check's pencil or Add check — when they go (Close, Done, Escape,
 * Delete); the focus fell to the page body, and Tab started again from the menu bar.
 */
/** The focused element by its accessible name (aria-label, else its text), or BODY. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? (document.activeElement === document.body ? 'BODY' : document.activeElement?.textContent?.trim()) ?? null);

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

test("Tab past the event editor's last control, or Shift+Tab before its first, goes back to the marker that opened it", async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const editor = page.getByTestId('scenario-event-editor');
  const marker = page.locator('.live-marker').nth(1);
  const label = await marker.getAttribute('aria-label');
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(editor).toBeVisible();
  await editor.getByRole('checkbox', { name: 'Pause playback here' }).focus();
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(label);
  // The editor stays open: it is not modal.
  await expect(editor).toBeVisible();
  await editor.getByRole('button', { name: 'Delete this event' }).focus();
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toBe(label);
});

test('closing the check editor gives the focus back to its pencil or to Add check', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('tab', { name: 'Checks' }).click();
  const checkEditor = page.getByTestId('check-editor');

  await page.getByTestId('add-check').click();
  await expect(checkEditor).toBeVisible();
  await checkEditor.getByRole('button', { name: 'Done' }).click();
  await expect(checkEditor).toHaveCount(0);
  expect(await focused(page)).toBe('Add check');

  const pencil = page.getByRole('button', { name: /^Edit check / }).first();
  const label = await pencil.getAttribute('aria-label');
  await pencil.click();
  await expect(checkEditor).toBeVisible();
  await checkEditor.getByRole('button', { name: 'Done' }).click();
  expect(await focused(page)).toBe(label);

  await page.getByRole('button', { name: /^Edit check / }).last().click();
  await checkEditor.getByRole('button', { name: 'Delete this check' }).click();
  await expect(checkEditor).toHaveCount(0);
  expect(await focused(page)).toBe('Add check');
});

test('Delete where the check and event editors leave the focus deletes no node selected on the canvas', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const nodeIds = async () => (JSON.parse(await documentText(page)) as { nodes: { id: string }[] }).nodes.map((node) => node.id);
  const before = await nodeIds();
  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.click(app1.x, app1.y);
  await expect(page.getByTestId('inspector')).toContainText('app1');
  const deleteThere = async (expectedFocus: string) => {
    expect(await focused(page)).toBe(expectedFocus);
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    expect(await nodeIds()).toEqual(before);
  };

  await page.getByRole('tab', { name: 'Checks' }).click();
  const checkEditor = page.getByTestId('check-editor');
  const pencil = page.getByRole('button', { name: /^Edit check / }).first();
  const label = (await pencil.getAttribute('aria-label'))!;
  await pencil.click();
  await checkEditor.getByRole('button', { name: 'Done' }).click();
  await deleteThere(label);
  await page.getByTestId('add-check').click();
  await checkEditor.getByRole('button', { name: 'Done' }).click();
  await deleteThere('Add check');

  const add = page.getByRole('button', { name: 'Add a scenario event at the playhead' });
  await add.click();
  await expect(page.getByTestId('scenario-event-editor')).toBeVisible();
  await page.keyboard.press('Escape');
  await deleteThere('Add a scenario event at the playhead');
  // On the canvas, Delete still deletes the selection.
  await page.mouse.click(app1.x, app1.y);
  await page.keyboard.press('Delete');
  expect(await nodeIds()).not.toContain('app1');
});

test('continue at a scenario pause, and Hide caption, leave the keyboard on the canvas, not the page body', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  const carryOn = page.getByRole('button', { name: 'Paused here — continue' });
  await expect(carryOn).toBeVisible({ timeout: 30_000 });
  // Slowly on from here: at Max the next pause's caption came before Hide caption was pressed.
  await page.getByRole('radio', { name: '1/10×', exact: true }).click();
  await carryOn.click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('sandbox-canvas') ?? false)).toBe(true);
  const caption = page.getByTestId('live-caption');
  await caption.getByRole('button', { name: 'Hide caption' }).focus();
  await caption.getByRole('button', { name: 'Hide caption' }).press('Enter');
  await expect(caption).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('sandbox-canvas') ?? false)).toBe(true);
});
