import { expect, test } from '@playwright/test';
import { watchForProblems } from './pageHelpers';

/**
 * The canvas toolbar from the keyboard: a button whose action disables it (Delete leaves nothing
 * selected, Undo nothing to undo, Redo nothing to redo) gives focus to the canvas, not to the
 * page body, where the next key would reach nothing. Keys only.
 */
test('Delete, Undo and Redo pressed with Enter leave focus on the canvas, where Tab walks the diagram', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const canvas = page.getByTestId('sandbox-canvas');
  const counts = page.getByTestId('status-counts');
  const announcer = page.getByTestId('canvas-announcer');
  const toolbar = page.getByRole('toolbar', { name: 'Canvas' });
  await expect(counts).toHaveText('12 nodes · 19 links');

  // Tab on the canvas selects DNS; the toolbar's Delete deletes it.
  await canvas.focus();
  await page.keyboard.press('Tab');
  await expect(announcer).toHaveText('DNS, DNS server, 3 links');
  const remove = toolbar.getByRole('button', { name: 'Delete', exact: true });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(counts).toHaveText('11 nodes · 16 links');
  await expect(remove).toBeDisabled();
  await expect(canvas).toBeFocused();
  // The next key acts on the diagram: Tab selects its first node.
  await page.keyboard.press('Tab');
  await expect(announcer).toHaveText(/, \d+ links?$/);

  // Undo brings DNS back; with nothing left to undo, focus goes to the canvas.
  const undo = toolbar.getByRole('button', { name: 'Undo', exact: true });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(counts).toHaveText('12 nodes · 19 links');
  await expect(undo).toBeDisabled();
  await expect(canvas).toBeFocused();

  // Redo deletes it again; with nothing left to redo, the same.
  const redo = toolbar.getByRole('button', { name: 'Redo', exact: true });
  await redo.focus();
  await page.keyboard.press('Enter');
  await expect(counts).toHaveText('11 nodes · 16 links');
  await expect(redo).toBeDisabled();
  await expect(canvas).toBeFocused();

  // A button that stays enabled keeps focus: Undo with more to undo.
  await canvas.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+d');
  await expect(counts).toHaveText('12 nodes · 16 links');
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(counts).toHaveText('11 nodes · 16 links');
  await expect(undo).toBeEnabled();
  await expect(undo).toBeFocused();
  expect(problems).toEqual([]);
});
