import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadDocument } from '../../shared/model/load';
import { encodeShareCode } from '../../shared/model/shareCode';
import { menu, openFileText, watchForProblems } from './pageHelpers';

const LESSON_DIR = join(import.meta.dirname, '..', '..', 'shared', 'examples', 'lessons');

/**
 * Focus settles on the canvas (not on the dialog's trigger), and Space there plays the simulation
 * and opens no dialog.
 */
async function spacePlays(page: Page): Promise<void> {
  await expect(page.getByTestId('sandbox-canvas')).toBeFocused();
  const play = page.getByTestId('live-play');
  await expect(play).toBeEnabled();
  await expect(play).toHaveAttribute('aria-label', 'Play (Space)');
  await page.keyboard.press('Space');
  await expect(play).toHaveAttribute('aria-label', 'Pause (Space)');
  await expect(page.getByTestId('live-clock')).not.toContainText(/^0:00\.0 /);
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test.describe('focus after a dialog', () => {
  test('a lesson opened from the start screen leaves focus on the canvas, where Space plays (not on “Browse lessons…”)', async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto('/');
    const browse = page.getByTestId('start-lessons').getByRole('button', { name: /Browse lessons/ });
    await browse.click();
    const dialog = page.getByTestId('lessons-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('lesson-failover-and-lost-writes').click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveTitle(/Primary failover and lost writes/);

    await spacePlays(page);
    await expect(dialog).toBeHidden();
    expect(problems).toEqual([]);
  });

  test('Escape still gives focus back to the dialog’s trigger', async ({ page }) => {
    await page.goto('/');
    const browse = page.getByTestId('start-lessons').getByRole('button', { name: /Browse lessons/ });
    await browse.click();
    const dialog = page.getByTestId('lessons-dialog');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(browse).toBeFocused();
  });

  test('a share code opened from its dialog leaves focus on the canvas, where Space plays', async ({ page }) => {
    const problems = watchForProblems(page);
    const loaded = loadDocument(await readFile(join(LESSON_DIR, '07-failover-and-lost-writes.faultline'), 'utf8'));
    if (!loaded.ok) throw new Error('lesson 7 does not load');
    const code = encodeShareCode(loaded.document);
    await page.goto('/');
    await menu(page, 'File', 'Open Share Code…');
    const dialog = page.getByTestId('share-code-input-dialog');
    await page.getByRole('textbox', { name: 'Share code' }).fill(code);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveTitle(/Primary failover and lost writes/);

    await spacePlays(page);
    expect(problems).toEqual([]);
  });

  test('with unsaved work, “Browse lessons…” → a lesson → “Don’t Save” leaves focus on the canvas, where Space plays', async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto('/');
    // Unsaved changes: everything on the canvas deleted.
    await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');
    await page.getByTestId('start-lessons').getByRole('button', { name: /Browse lessons/ }).click();
    const dialog = page.getByTestId('lessons-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('lesson-failover-and-lost-writes').click();
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm).toContainText('Save changes?');
    await confirm.getByRole('button', { name: 'Don’t Save' }).click();
    await expect(confirm).toBeHidden();
    await expect(page).toHaveTitle(/Primary failover and lost writes/);

    await spacePlays(page);
    expect(problems).toEqual([]);
  });

  test('a file opened from the File menu (no dialog of ours) leaves focus on the canvas too, not on the page', async ({ page }) => {
    const problems = watchForProblems(page);
    await openFileText(page, 'queues.faultline', await readFile(join(LESSON_DIR, '10-queues-and-back-pressure.faultline'), 'utf8'));
    await spacePlays(page);
    expect(problems).toEqual([]);
  });

  test('a dialog opened by a shortcut gives focus back to the canvas on Escape, not to the page body', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('live-play')).toBeEnabled();
    const canvas = page.getByTestId('sandbox-canvas');
    await canvas.click({ position: { x: 20, y: 200 } });
    await page.keyboard.press('Tab'); // the first node
    await page.keyboard.press('Control+d'); // unsaved work
    await page.keyboard.press('Alt+n');
    const ask = page.getByRole('dialog', { name: 'Save changes?' });
    await expect(ask).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(ask).toBeHidden();
    // It was left on the body, where the next key reached nothing.
    await expect(canvas).toBeFocused();
  });

  test('while a dialog is open, F10 does not step the run behind it, nor F1 open a second dialog over it', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('live-play')).toBeEnabled();
    await menu(page, 'Help', 'About Faultline');
    await expect(page.getByRole('dialog')).toHaveCount(1);
    await page.keyboard.press('F10');
    await page.keyboard.press('F1');
    await expect(page.getByRole('dialog')).toHaveCount(1);
    await expect(page.getByTestId('live-clock')).toContainText(/^0:00\.0/);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    // With the dialog answered, both work again.
    await page.getByTestId('sandbox-canvas').click({ position: { x: 20, y: 200 } });
    await page.keyboard.press('F10');
    await expect(page.getByTestId('live-clock')).not.toContainText(/^0:00\.0/);
    await page.keyboard.press('F1');
    await expect(page.getByTestId('lessons-dialog')).toBeVisible();
  });
});
