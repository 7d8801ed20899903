import { expect, test, type Page } from '@playwright/test';
import { menu, nodeCentre, watchForProblems } from './pageHelpers';

/**
 * The palette and the inspector fold as the run panels do: a button on each panel's edge, View →
 * Palette (Ctrl+B) and View → Inspector (Ctrl+I), remembered after a reload. A folded panel
 * leaves a strip that unfolds it, the canvas takes the room and a fitted lesson is fitted again
 * larger; while the inspector is folded, Enter or a double-click on the selection unfolds it.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/side-panels';

const canvasWidth = async (page: Page): Promise<number> => (await page.getByTestId('sandbox-canvas').boundingBox())!.width;
const zoom = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __faultline: { zoom(): number } }).__faultline.zoom());

async function viewItem(page: Page, name: string) {
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'View', exact: true }).click();
  return page.getByTestId('menu-view').getByRole('menuitemcheckbox', { name, exact: true });
}

async function openLesson(page: Page, id: string, counts: string): Promise<void> {
  await menu(page, 'Help', 'Lessons');
  await page.getByTestId(`lesson-${id}`).click();
  await expect(page.getByTestId('status-counts')).toHaveText(counts);
}

test('at 800×600 the side panels fold from their edge and the View menu, the canvas and the lesson grow, and a reload keeps them folded', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await openLesson(page, 'cache-write-policies', '12 nodes · 9 links');
  const widthAtStart = await canvasWidth(page);
  const zoomAtStart = await zoom(page);

  // The inspector's edge button, from the keyboard: it folds to a strip that keeps the focus.
  const inspectorFold = page.getByTestId('fold-inspector');
  await expect(inspectorFold).toHaveAccessibleName('Inspector');
  await expect(inspectorFold).toHaveAttribute('aria-expanded', 'true');
  await inspectorFold.focus();
  await page.keyboard.press('Enter');
  await expect(inspectorFold).toHaveAttribute('aria-expanded', 'false');
  await expect(inspectorFold).toBeFocused();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  const strip = (await inspectorFold.boundingBox())!;
  expect(strip.width).toBeLessThanOrEqual(28);
  expect(strip.x + strip.width).toBeCloseTo(800, 0);
  await expect.poll(() => canvasWidth(page)).toBeGreaterThan(widthAtStart + 150);
  // The lesson was fitted: it is fitted again to the wider canvas (it glides there).
  await expect.poll(() => zoom(page)).toBeGreaterThan(zoomAtStart * 1.1);

  // Ctrl+B from the canvas folds the palette too; the menu checks both off and names the keys.
  const widthInspectorFolded = await canvasWidth(page);
  await page.getByTestId('sandbox-canvas').focus();
  await page.keyboard.press('Control+b');
  await expect(page.getByTestId('fold-palette')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await expect.poll(() => canvasWidth(page)).toBeGreaterThan(widthInspectorFolded + 20);
  const widthBothFolded = await canvasWidth(page);
  const palette = await viewItem(page, 'Palette');
  await expect(palette).toHaveAttribute('aria-checked', 'false');
  await expect(palette).toContainText('Ctrl+B');
  const inspector = page.getByTestId('menu-view').getByRole('menuitemcheckbox', { name: 'Inspector', exact: true });
  await expect(inspector).toHaveAttribute('aria-checked', 'false');
  await expect(inspector).toContainText('Ctrl+I');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${SHOTS}/both-folded-800x600.png` });

  // Remembered after a reload, with the dock's layout.
  await page.reload();
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await expect(page.getByTestId('fold-palette')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('fold-inspector')).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => canvasWidth(page)).toBeCloseTo(widthBothFolded, 0);

  // View → Inspector and the palette's strip bring them back; the canvas is as it was.
  await (await viewItem(page, 'Inspector')).click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await page.getByTestId('fold-palette').click();
  await expect(page.getByTestId('palette')).toBeVisible();
  await expect.poll(() => canvasWidth(page)).toBeCloseTo(widthAtStart, 0);
  await page.keyboard.press('Control+i');
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await page.keyboard.press('Control+i');
  await expect(page.getByTestId('inspector')).toBeVisible();
  expect(problems).toEqual([]);
});

test('with the inspector folded, a click only selects; Enter on the canvas or a double-click unfolds it on the selection', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await openLesson(page, 'load-balancing-and-health-checks', '6 nodes · 7 links');
  await page.keyboard.press('Control+i');
  await expect(page.getByTestId('inspector')).toHaveCount(0);

  const lb = await nodeCentre(page, 'lb');
  await page.mouse.click(lb.x, lb.y);
  await expect(page.getByTestId('sandbox-canvas')).toBeFocused();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector-title')).toHaveText('Load balancer');

  await page.keyboard.press('Control+i');
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.dblclick(app1.x, app1.y);
  await expect(page.getByTestId('inspector-id')).toHaveText('app1');
  // The double-click still renames in place.
  await page.keyboard.press('Escape');

  // Folded again, Enter with nothing selected does nothing.
  await page.keyboard.press('Control+i');
  await page.getByTestId('sandbox-canvas').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toHaveCount(0);

  // The guide lists the keys.
  await menu(page, 'Help', 'Documentation');
  const guide = page.getByTestId('guide-dialog');
  await expect(guide.getByRole('row', { name: /^Ctrl\+B Fold or unfold the palette/ })).toBeVisible();
  await expect(guide.getByRole('row', { name: /^Ctrl\+I Fold or unfold the inspector/ })).toBeVisible();
  await expect(guide.getByRole('row', { name: /^Enter on the canvas Edit the selection in the inspector: its first field takes the keyboard/ })).toBeVisible();
  await expect(guide.getByRole('row', { name: /^Double-click on the canvas With the inspector folded: unfold it/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('from the keyboard alone: Tab selects a node on the canvas, Enter takes the keyboard to its inspector', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await openLesson(page, 'load-balancing-and-health-checks', '6 nodes · 7 links');
  await page.getByTestId('sandbox-canvas').focus();
  // Tab walks the nodes (each stop selects one): on to app2, in the middle of the walk.
  const selected = () => page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { store: { getSelection(): { nodes: readonly string[] } } } } }).__faultlineLive.controller.store.getSelection().nodes.join());
  for (let stop = 0; stop < 8 && (await selected()) !== 'app2'; stop++) await page.keyboard.press('Tab');
  await expect(page.getByTestId('inspector-id')).toHaveText('app2');
  await page.keyboard.press('Enter');
  const name = page.getByTestId('inspector').getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await expect(page.getByTestId('inspector-id')).toHaveText('app2');
  await name.fill('Checkout');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => (JSON.parse((window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText()) as { nodes: { id: string; name?: string }[] }).nodes.find((node) => node.id === 'app2')?.name)).toBe('Checkout');
  expect(problems).toEqual([]);
});

test('folding the inspector with Ctrl+I while typing in it leaves the keyboard on its strip, not the page body', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const title = page.locator('.side-inspector').getByRole('textbox', { name: 'Title' });
  await title.focus();
  await page.keyboard.press('Control+i');
  const strip = page.getByTestId('fold-inspector');
  await expect(strip).toHaveAttribute('aria-expanded', 'false');
  await expect(strip).toBeFocused();
  // And Enter on it brings the inspector back.
  await page.keyboard.press('Enter');
  await expect(strip).toHaveAttribute('aria-expanded', 'true');
  expect(problems).toEqual([]);
});
