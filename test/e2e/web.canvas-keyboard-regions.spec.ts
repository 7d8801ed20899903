import { expect, test, type Page } from '@playwright/test';

/**
 * Regions without a pointer: R / Shift+R select them (the live region names them with their node
 * count), arrows move one with its nodes, Ctrl+arrows resize it (a node it takes in is told in a
 * notice, as for a drag), F2 renames it and Delete deletes it; every edit is one Ctrl+Z. Tab walks
 * the regions after the nodes, selecting each as R does.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/live';

type Win = {
  __faultline: { documentText(): string; regionClientRect(id: string): { x: number; y: number; width: number; height: number } | null };
  __faultlineLive: { controller: { store: { getSelection(): { nodes: readonly string[]; links: readonly string[]; regions: readonly string[] } } } };
};
type Doc = { regions: { id: string; name: string; x: number; y: number; w: number; h: number }[]; nodes: { id: string; x: number; y: number; region?: string }[] };

const selection = (page: Page) => page.evaluate(() => (window as unknown as Win).__faultlineLive.controller.store.getSelection());
const doc = async (page: Page) => JSON.parse(await page.evaluate(() => (window as unknown as Win).__faultline.documentText())) as Doc;
const region = async (page: Page, id: string) => (await doc(page)).regions.find((r) => r.id === id);
const nodeOf = async (page: Page, id: string) => (await doc(page)).nodes.find((n) => n.id === id)!;
const canvasFocused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'sandbox-canvas');

/**
 * The selected region `id` has a focus halo: a few pixels just outside its left edge (4 world
 * units out, clear of the selection stroke) change when Escape clears the selection.
 */
async function expectFocusHalo(page: Page, id: string, message: string): Promise<void> {
  const box = (await page.evaluate((regionId) => (window as unknown as Win).__faultline.regionClientRect(regionId), id))!;
  const outside = { x: Math.round(box.x - (4 * box.width) / 220) - 1, y: Math.round(box.y + box.height / 2) - 1, width: 2, height: 2 };
  const halo = await page.screenshot({ clip: outside });
  await page.keyboard.press('Escape');
  expect((await selection(page)).regions).toEqual([]);
  await expect.poll(async () => Buffer.compare(await page.screenshot({ clip: outside }), halo), { message, timeout: 3000 }).not.toBe(0);
}

/** The default sandbox (12 nodes, two regions) drawn with WebGL; uncaught errors are collected. */
async function openDefaultSandbox(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
  await expect(page.getByTestId('status-counts')).toHaveText('12 nodes · 19 links');
  return { errors, canvas: page.getByTestId('sandbox-canvas'), announcer: page.getByTestId('canvas-announcer') };
}

test('select, move, resize, rename and delete a region with keys only, each edit one undo step', async ({ page }) => {
  const { errors, canvas, announcer } = await openDefaultSandbox(page);
  // The canvas's key description names the region keys.
  await expect(page.locator('#canvas-keys')).toContainText('R and Shift+R the next and previous region');
  await expect(canvas).toHaveAccessibleDescription(/R and Shift\+R the next and previous region/);

  let presses = 0;
  while (!(await canvasFocused(page))) {
    await page.keyboard.press('Tab');
    expect(++presses, 'Tab reaches the canvas').toBeLessThan(80);
  }

  // R selects the first region in reading order; Shift+R goes back, wrapping round.
  await page.keyboard.press('r');
  expect((await selection(page)).regions).toEqual(['eu-west']);
  await expect(announcer).toHaveText('Region EU West, 1 node');
  // The inspector counts the same way (it said "1 nodes inside.").
  await expect(page.locator('.inspector-summary')).toHaveText('A region: a data center or a continent. 1 node inside.');
  await page.keyboard.press('Shift+R');
  expect((await selection(page)).regions).toEqual(['us-east']);
  await expect(announcer).toHaveText('Region US East, 11 nodes');
  await page.keyboard.press('r');
  expect((await selection(page)).regions).toEqual(['eu-west']);
  await expect(canvas).toBeFocused();
  await canvas.screenshot({ path: `${SHOTS}/44-canvas-keyboard-region.png` });
  await expectFocusHalo(page, 'eu-west', 'a focus halo round the selected region');
  await page.keyboard.press('r');
  expect((await selection(page)).regions).toEqual(['eu-west']);

  // Arrows move it with its node; the run of presses is one undo step.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await region(page, 'eu-west')).toMatchObject({ x: 0, y: 40, w: 220, h: 420 });
  expect(await nodeOf(page, 'users-eu')).toMatchObject({ x: 40, y: 220, region: 'eu-west' });
  await page.keyboard.press('Control+z');
  expect(await region(page, 'eu-west')).toMatchObject({ x: 0, y: 0 });
  expect(await nodeOf(page, 'users-eu')).toMatchObject({ x: 40, y: 180 });

  // Ctrl+Shift+Right twice: 420 wide, so the US users' card centre (382, 210) falls inside the
  // smaller box and they move to EU West — said in a notice, as for a pointer resize.
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  expect(await region(page, 'eu-west')).toMatchObject({ x: 0, y: 0, w: 420, h: 420 });
  expect((await nodeOf(page, 'users-us')).region).toBe('eu-west');
  const notice = page.getByTestId('file-notice');
  await expect(notice).toContainText('1 node moved from “US East” to “EU West”: Users (US).');
  await expect(canvas).toBeFocused();
  await canvas.screenshot({ path: `${SHOTS}/45-canvas-keyboard-region-resized.png` });
  // Shrinking stops at the minimum size (200 × 140).
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+ArrowUp');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowLeft');
  expect(await region(page, 'eu-west')).toMatchObject({ w: 200, h: 140 });
  expect((await nodeOf(page, 'users-eu')).region).toBeUndefined();
  // The whole resize is one undo step.
  await page.keyboard.press('Control+z');
  expect(await region(page, 'eu-west')).toMatchObject({ x: 0, y: 0, w: 220, h: 420 });
  expect((await nodeOf(page, 'users-us')).region).toBe('us-east');
  expect((await nodeOf(page, 'users-eu')).region).toBe('eu-west');

  // F2 renames the selected region.
  await page.keyboard.press('F2');
  const field = page.getByTestId('rename-field');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('EU West');
  await field.fill('Europe');
  await page.keyboard.press('Enter');
  expect((await region(page, 'eu-west'))?.name).toBe('Europe');
  await expect(announcer).toHaveText('Region Europe, 1 node');

  // Delete deletes it (its node stays, in no region); Ctrl+Z brings it back.
  if (!(await canvasFocused(page))) await canvas.focus();
  await page.keyboard.press('Delete');
  expect(await region(page, 'eu-west')).toBeUndefined();
  expect((await nodeOf(page, 'users-eu')).region).toBeUndefined();
  await page.keyboard.press('Control+z');
  expect(await region(page, 'eu-west')).toMatchObject({ name: 'Europe', w: 220 });
  expect((await nodeOf(page, 'users-eu')).region).toBe('eu-west');
  expect(errors).toEqual([]);
});

test('Tab walks the nodes, then the regions, then leaves the canvas; a region Tab selects is the one R would', async ({ page }) => {
  const { errors, canvas, announcer } = await openDefaultSandbox(page);
  await expect(canvas).toHaveAccessibleDescription(/Tab and Shift\+Tab select the next and previous node and then the regions/);

  let presses = 0;
  while (!(await canvasFocused(page))) {
    await page.keyboard.press('Tab');
    expect(++presses, 'Tab reaches the canvas').toBeLessThan(80);
  }

  // Twelve Tabs walk the twelve nodes in reading order (the last is Replica 2, bottom right)...
  const walked: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    walked.push(...(await selection(page)).nodes);
  }
  expect(walked).toHaveLength(12);
  expect(new Set(walked).size).toBe(12);
  expect(walked.at(-1)).toBe('db-replica2');
  // ...and the next Tab selects the first region, just as R does: alone, named, with its halo.
  await page.keyboard.press('Tab');
  expect(await selection(page)).toEqual({ nodes: [], links: [], regions: ['eu-west'] });
  await expect(canvas).toBeFocused();
  await expect(announcer).toHaveText('Region EU West, 1 node');
  await page.screenshot({ path: `${SHOTS}/tab-walk-region.png` });
  await expectFocusHalo(page, 'eu-west', 'a focus halo round the Tab-selected region');

  // Shift+Tab from nothing is the last stop: the last region. The keys then act on it.
  await page.keyboard.press('Shift+Tab');
  expect((await selection(page)).regions).toEqual(['us-east']);
  await expect(announcer).toHaveText('Region US East, 11 nodes');
  await page.keyboard.press('ArrowDown');
  expect(await region(page, 'us-east')).toMatchObject({ x: 260, y: 20 });
  expect(await nodeOf(page, 'dns')).toMatchObject({ x: 520, y: 80 });
  await page.keyboard.press('Control+z');
  expect(await region(page, 'us-east')).toMatchObject({ x: 260, y: 0 });
  await page.keyboard.press('F2');
  const field = page.getByTestId('rename-field');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('US East');
  await page.keyboard.press('Escape');
  if (!(await canvasFocused(page))) await canvas.focus();
  expect((await selection(page)).regions).toEqual(['us-east']);

  // Tab past the last region leaves the canvas (the region stays selected); Shift+Tab comes back,
  // and walks back through the first region to the last node.
  await page.keyboard.press('Tab');
  expect(await canvasFocused(page)).toBe(false);
  expect((await selection(page)).regions).toEqual(['us-east']);
  await page.keyboard.press('Shift+Tab');
  expect(await canvasFocused(page)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect((await selection(page)).regions).toEqual(['eu-west']);
  await page.keyboard.press('Shift+Tab');
  expect(await selection(page)).toEqual({ nodes: ['db-replica2'], links: [], regions: [] });
  expect(errors).toEqual([]);
});

test('Help → Documentation lists the region keys', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'Help', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Documentation', exact: true }).click();
  const guide = page.getByTestId('guide-dialog');
  await expect(guide).toBeVisible();
  const regionRow = guide.getByRole('row', { name: /^R \/ Shift\+R Select the next \/ previous region/ });
  await expect(regionRow).toBeVisible();
  await expect(guide.getByRole('row', { name: /^Ctrl\+Arrow keys \(Shift: ×5\) Resize the selected region/ })).toBeVisible();
  await expect(guide.getByRole('row', { name: /^F2 Rename the selected node or region/ })).toBeVisible();
  await expect(guide.getByRole('row', { name: /^Tab \/ Shift\+Tab Select the next \/ previous node, .* then the regions in the same order/ })).toBeVisible();
  await regionRow.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/46-help-region-keys.png` });
});

test('two regions selected: the inspector says so, not the document settings as if nothing were', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
  const [first, second] = (await doc(page)).regions;
  const corner = async (id: string) => (await page.evaluate((regionId) => (window as unknown as Win).__faultline.regionClientRect(regionId), id))!;
  const a = await corner(first.id);
  const b = await corner(second.id);
  // Each region's label strip, clear of its nodes.
  await page.mouse.click(a.x + 20, a.y + 8);
  await page.keyboard.down('Shift');
  await page.mouse.click(b.x + 20, b.y + 8);
  await page.keyboard.up('Shift');
  expect(await selection(page)).toEqual({ nodes: [], links: [], regions: [first.id, second.id] });
  await expect(page.getByTestId('inspector-title')).toHaveText('2 regions');
  await expect(page.getByTestId('inspector')).toContainText('2 regions are selected. Select one region to rename it.');
  await expect(page.getByTestId('document-settings')).toHaveCount(0);
  // A screen reader hears what is selected, not "2 items selected".
  await expect(page.getByTestId('canvas-announcer')).toHaveText('2 regions selected');
});
