import { expect, test, type Page } from '@playwright/test';
import { watchForProblems } from './pageHelpers';

/**
 * The bottom dock's height is the user's: the edge between canvas and dock drags (and keeps what
 * it was given after a reload), drags down to fold the run panels, and View → Run Panels (Ctrl+J)
 * folds and unfolds them, so a small projector can give the diagram the room.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/dock';

const height = async (page: Page, testId: string): Promise<number> => (await page.getByTestId(testId).boundingBox())!.height;

async function dragSash(page: Page, dy: number): Promise<void> {
  const box = (await page.getByTestId('dock-sash').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + dy, { steps: 6 });
  await page.mouse.up();
}

async function runPanelsItem(page: Page) {
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'View', exact: true }).click();
  return page.getByTestId('menu-view').getByRole('menuitemcheckbox', { name: 'Run Panels' });
}

test('the dock edge drags, folds the run panels near the tabs, and is remembered', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const dockAtStart = await height(page, 'bottom-dock');
  const canvasAtStart = await height(page, 'sandbox-canvas');

  // Up by 150 px: the dock grows by that much, the canvas gives it up.
  await dragSash(page, -150);
  await expect.poll(() => height(page, 'bottom-dock')).toBeCloseTo(dockAtStart + 150, -1);
  expect(await height(page, 'sandbox-canvas')).toBeCloseTo(canvasAtStart - 150, -1);
  const sash = page.getByTestId('dock-sash');
  await expect(sash).toHaveAttribute('aria-valuenow', String(Math.round(dockAtStart + 150)));

  // Remembered after a reload.
  await page.reload();
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await expect.poll(() => height(page, 'bottom-dock')).toBeCloseTo(dockAtStart + 150, -1);

  // Far up: the canvas keeps 160 px.
  await dragSash(page, -2000);
  await expect.poll(() => height(page, 'sandbox-canvas')).toBeCloseTo(160, -1);

  // Down to the tabs: the panels fold; the tabs stay, and the canvas has nearly all the height.
  await dragSash(page, 2000);
  await expect(page.locator('#live-tab-panel')).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Charts' })).toBeVisible();
  await expect(page.locator('.live-charts')).toHaveCount(0);
  expect(await height(page, 'bottom-dock')).toBeLessThan(dockAtStart - 60);
  await expect(sash).toHaveAttribute('aria-valuetext', 'folded');
  await page.screenshot({ path: `${SHOTS}/folded.png` });

  // A tab unfolds them at the height they had.
  await page.getByRole('tab', { name: 'Event log' }).click();
  await expect(page.locator('#live-tab-panel')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Event log' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => height(page, 'sandbox-canvas')).toBeCloseTo(160, -1);

  // Double-click: the default height again.
  await sash.dblclick();
  await expect.poll(() => height(page, 'bottom-dock')).toBeCloseTo(dockAtStart, 0);
  expect(problems).toEqual([]);
});

test('View → Run Panels and Ctrl+J fold and unfold the panels, and the menu says which', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const canvasAtStart = await height(page, 'sandbox-canvas');

  let item = await runPanelsItem(page);
  await expect(item).toHaveAttribute('aria-checked', 'true');
  await expect(item).toContainText('Ctrl+J');
  await item.click();
  await expect(page.locator('#live-tab-panel')).toBeHidden();
  await expect.poll(() => height(page, 'sandbox-canvas')).toBeGreaterThan(canvasAtStart + 60);
  item = await runPanelsItem(page);
  await expect(item).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Escape');

  // Ctrl+J from the canvas: back, at the height they had; Space still plays after it.
  await page.getByTestId('sandbox-canvas').click({ position: { x: 20, y: 200 } });
  await page.keyboard.press('Control+j');
  await expect(page.locator('#live-tab-panel')).toBeVisible();
  await expect.poll(() => height(page, 'sandbox-canvas')).toBeCloseTo(canvasAtStart, -1);
  await expect(await runPanelsItem(page)).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  expect(problems).toEqual([]);
});

test('the dock edge is a focusable splitter: arrows resize, Enter folds and unfolds', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const sash = page.getByTestId('dock-sash');
  await expect(sash).toHaveAttribute('role', 'separator');
  const dockAtStart = await height(page, 'bottom-dock');
  await sash.focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => height(page, 'bottom-dock')).toBeCloseTo(dockAtStart + 16, 0);
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => height(page, 'bottom-dock')).toBeCloseTo(dockAtStart + 16 - 64, 0);
  await page.keyboard.press('Enter');
  await expect(page.locator('#live-tab-panel')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.locator('#live-tab-panel')).toBeVisible();
  await expect.poll(() => height(page, 'bottom-dock')).toBeCloseTo(dockAtStart + 16 - 64, 0);
});

test('Ctrl+J while a run panel\'s control has the keyboard leaves it on the chosen tab, which unfolds them', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('tab', { name: 'Event log' }).click();
  await page.getByRole('combobox', { name: 'Filter by node' }).focus();
  await page.keyboard.press('Control+j');
  const tab = page.getByRole('tab', { name: 'Event log' });
  await expect(tab).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Filter by node' })).toBeVisible();
  expect(problems).toEqual([]);
});
