import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { watchForProblems, documentText, menu } from './pageHelpers';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'files');

/** Opens File → Open Recent and returns its submenu. */
async function openRecentMenu(page: Page) {
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'File', exact: true }).click();
  await page.getByTestId('menu-file').getByRole('menuitem', { name: 'Open Recent' }).click();
  const submenu = page.getByTestId('menu-open-recent');
  await expect(submenu).toBeVisible();
  return submenu;
}

/** The names Open Recent lists, in order. */
const recentNames = async (page: Page) => {
  const submenu = await openRecentMenu(page);
  const names = await submenu.getByRole('menuitem').allTextContents();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  return names;
};

/**
 * Real FileSystemFileHandles, from the origin-private file system (Chromium's real pickers are
 * native dialogs Playwright cannot drive, and OPFS handles need no permission prompt). The page's
 * Open… gets the handle of whatever file `window.__pick` names, on every load.
 */
async function withOpfsPicker(page: Page) {
  await page.addInitScript(() => {
    const win = window as unknown as { __pick: string; showOpenFilePicker: () => Promise<FileSystemFileHandle[]> };
    win.showOpenFilePicker = async () => [await (await navigator.storage.getDirectory()).getFileHandle(win.__pick)];
  });
}

async function writeOpfs(page: Page, name: string, text: string) {
  await page.evaluate(
    async ([fileName, content]) => {
      const handle = await (await navigator.storage.getDirectory()).getFileHandle(fileName, { create: true });
      const writable = await handle.createWritable();
      await writable.write(content);
      await writable.close();
    },
    [name, text] as const,
  );
}

async function openPicked(page: Page, name: string) {
  await page.evaluate((fileName) => void ((window as unknown as { __pick: string }).__pick = fileName), name);
  await menu(page, 'File', 'Open…');
  await expect(page).toHaveTitle(`${name} — Faultline`);
}

test.describe('web edition: Open Recent', () => {
  test('files opened with a handle are listed after a reload and open again; a removed one is reported and leaves the list', async ({ page }) => {
    const problems = watchForProblems(page, { warnings: true });
    const twoTier = await readFile(join(FIXTURES, 'two-tier.faultline'), 'utf8');
    const other = JSON.stringify({ ...JSON.parse(twoTier), meta: { ...JSON.parse(twoTier).meta, title: 'Other' } }, null, 2) + '\n';
    await withOpfsPicker(page);
    await page.goto('/');
    const sandbox = await documentText(page);
    await writeOpfs(page, 'two-tier.faultline', twoTier);
    await writeOpfs(page, 'other.faultline', other);

    expect(await recentNames(page)).toEqual(['No Recent Files']);
    await openPicked(page, 'two-tier.faultline');
    await openPicked(page, 'other.faultline');
    await openPicked(page, 'two-tier.faultline'); // again: moved first, not listed twice

    // A new page: the list comes back from IndexedDB, newest first.
    await page.reload();
    await expect(page).toHaveTitle(/Faultline/);
    expect(await documentText(page)).toBe(sandbox);
    expect(await recentNames(page)).toEqual(['two-tier.faultline', 'other.faultline', 'Clear Recent']);

    // Choosing one opens it (the handle's permission is asked for and granted).
    const submenu = await openRecentMenu(page);
    await page.screenshot({ path: '/tmp/f9/open-recent.png' });
    await submenu.getByRole('menuitem', { name: 'other.faultline' }).click();
    await expect(page).toHaveTitle('other.faultline — Faultline');
    expect(await documentText(page)).toBe(other);
    expect(await recentNames(page)).toEqual(['other.faultline', 'two-tier.faultline', 'Clear Recent']);

    // two-tier.faultline is deleted behind the page's back: choosing it says so, removes it, and
    // changes nothing open.
    await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('two-tier.faultline'));
    await (await openRecentMenu(page)).getByRole('menuitem', { name: 'two-tier.faultline' }).click();
    const dialog = page.getByTestId('problems-dialog');
    await expect(dialog.getByRole('heading')).toHaveText('“two-tier.faultline” could not be opened');
    await expect(dialog).toContainText('“two-tier.faultline” is no longer there');
    await expect(dialog).toContainText('removed from Open Recent');
    await expect(dialog).toContainText('Nothing you had open was changed.');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveTitle('other.faultline — Faultline');
    expect(await documentText(page)).toBe(other);
    expect(await recentNames(page)).toEqual(['other.faultline', 'Clear Recent']);
    await page.reload();
    expect(await recentNames(page)).toEqual(['other.faultline', 'Clear Recent']);

    // Clear Recent empties it, for later pages too.
    await (await openRecentMenu(page)).getByRole('menuitem', { name: 'Clear Recent' }).click();
    await page.reload();
    expect(await recentNames(page)).toEqual(['No Recent Files']);
    expect(problems).toEqual([]);
  });

  test('a file opened with unsaved changes open asks first, as Open… does', async ({ page }) => {
    const twoTier = await readFile(join(FIXTURES, 'two-tier.faultline'), 'utf8');
    await withOpfsPicker(page);
    await page.goto('/');
    await writeOpfs(page, 'two-tier.faultline', twoTier);
    await openPicked(page, 'two-tier.faultline');
    // Unsaved changes: everything on the canvas deleted.
    await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');
    await expect(page).toHaveTitle('• two-tier.faultline — Faultline');

    await (await openRecentMenu(page)).getByRole('menuitem', { name: 'two-tier.faultline' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm).toContainText('Save changes?');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page).toHaveTitle('• two-tier.faultline — Faultline');
    await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');

    await (await openRecentMenu(page)).getByRole('menuitem', { name: 'two-tier.faultline' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Don’t Save' }).click();
    await expect(page).toHaveTitle('two-tier.faultline — Faultline');
    await expect(page.getByTestId('status-counts')).toHaveText('3 nodes · 2 links');
    expect(await documentText(page)).toBe(twoTier);
  });

  test('without the File System Access API there is no Open Recent', async ({ page }) => {
    await page.addInitScript(() => {
      delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
      delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
    });
    await page.goto('/');
    await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'File', exact: true }).click();
    const file = page.getByTestId('menu-file');
    await expect(file.getByRole('menuitem', { name: 'Open…', exact: true })).toBeVisible();
    await expect(file.getByRole('menuitem', { name: /recent/i })).toHaveCount(0);
  });
});
