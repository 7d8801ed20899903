import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { watchForProblems } from './pageHelpers';

/**
 * The bottom dock's height is the user's: the edge between canvas and dock drags (and keeps what
 * it was given after a reload), drags down to fold the run panels, and View → Run Panels (Ctrl+J)
 * folds and unfolds them, so a small projector can give the diagram the room.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/dock';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

/** axe's `region` rule alone (a best practice, not in the WCAG audit): what it finds outside every landmark that is, or holds, the dock edge. */
async function sashOutsideLandmarks(page: Page): Promise<string[]> {
  // Through the DevTools protocol: the app's CSP refuses an inline script (see web.accessibility.spec.ts).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeResult = { violations: { nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['region'] }, resultTypes: ['violations'] });
    const sash = document.querySelector('[data-testid="dock-sash"]');
    const targets = result.violations.flatMap((violation) => violation.nodes.map((node) => node.target.map(String).join(' >> ')));
    return targets.filter((target) => sash !== null && document.querySelector(target)?.contains(sash));
  });
}

test('the dock edge is part of the Simulation landmark, with the panels shown and folded (axe: region)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const sashInLandmark = page.getByRole('region', { name: 'Simulation' }).getByTestId('dock-sash');
  const sash = page.getByTestId('dock-sash');
  for (const state of ['shown', 'folded']) {
    if (state === 'folded') {
      await page.getByTestId('sandbox-canvas').click({ position: { x: 20, y: 200 } });
      await page.keyboard.press('Control+j');
      await expect(page.locator('#live-tab-panel')).toBeHidden();
    }
    expect(await sashOutsideLandmarks(page), `panels ${state}`).toEqual([]);
    await expect(page.locator('[aria-label="Simulation"] [data-testid="dock-sash"]'), `panels ${state}`).toHaveCount(1);
    await expect(sashInLandmark, `panels ${state}`).toHaveCount(1);
    // Still the dock's last Tab stop: Shift+Tab from it is back in the dock, Tab leaves the dock.
    await sash.focus();
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('.live-dock :focus'), `panels ${state}`).toHaveCount(1);
    await expect(sash).not.toBeFocused();
    await sash.focus();
    await page.keyboard.press('Tab');
    await expect(page.locator('.live-dock :focus, .live-dock:focus'), `panels ${state}`).toHaveCount(0);
  }
});
