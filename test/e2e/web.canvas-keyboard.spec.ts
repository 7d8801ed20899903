import { expect, test, type Page } from '@playwright/test';
import { menu } from './pageHelpers';

/**
 * The canvas without a pointer: every step below is a key press. Tab reaches the canvas, Tab and
 * Alt+arrows select nodes (the camera follows), L + arrows + Enter link two nodes through the same
 * rules as a drag, Delete and Ctrl+Z act on that selection, and in a run Shift+F10 opens the
 * selected node's fault menu, and ] / [ reach a node's links for theirs. A polite live region
 * says what is selected.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/live';

type Win = {
  __faultline: { documentText(): string; nodeClientRect(id: string): { x: number; y: number; width: number; height: number } | null };
  __faultlineLive: {
    controller: {
      model: { frame: { timeMs: number; playing: boolean } | null };
      store: { getSelection(): { nodes: readonly string[]; links: readonly string[]; regions: readonly string[] }; getDocument(): { scenario: { action: string; target?: string }[] } };
    };
  };
};

const selection = (page: Page) => page.evaluate(() => (window as unknown as Win).__faultlineLive.controller.store.getSelection());
const selectedNodes = async (page: Page) => (await selection(page)).nodes;
const links = async (page: Page) => (JSON.parse(await page.evaluate(() => (window as unknown as Win).__faultline.documentText())) as { links: { from: string; to: string }[] }).links;
const canvasFocused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'sandbox-canvas');

test('select, move the selection, link, delete, undo and inject a fault with keys only', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const canvas = page.getByTestId('sandbox-canvas');
  await expect(canvas).toHaveAttribute('role', 'application');
  const announcer = page.getByTestId('canvas-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  const counts = page.getByTestId('status-counts');
  await expect(counts).toHaveText('12 nodes · 19 links');

  // Tab from the top of the page until the canvas has focus: it is one Tab stop.
  let presses = 0;
  while (!(await canvasFocused(page))) {
    await page.keyboard.press('Tab');
    expect(++presses, 'Tab reaches the canvas').toBeLessThan(80);
  }
  expect(await selectedNodes(page)).toEqual([]);

  // Tab selects the first node in reading order (DNS, top left); the live region names it.
  await page.keyboard.press('Tab');
  expect(await selectedNodes(page)).toEqual(['dns']);
  await expect(canvas).toBeFocused();
  await expect(announcer).toHaveText('DNS, DNS server, 3 links');
  await canvas.screenshot({ path: `${SHOTS}/40-canvas-keyboard-focus.png` });

  // Alt+arrows: the nearest node that way. Shift+Tab goes back in reading order.
  await page.keyboard.press('Alt+ArrowRight');
  expect(await selectedNodes(page)).toEqual(['app1']);
  await page.keyboard.press('Alt+ArrowDown');
  expect(await selectedNodes(page)).toEqual(['app2']);
  await expect(announcer).toHaveText('app2, app server, 3 links');
  await page.keyboard.press('Shift+Tab');
  expect(await selectedNodes(page)).toEqual(['lb']);
  await page.keyboard.press('Tab');
  expect(await selectedNodes(page)).toEqual(['app2']);
  // Alt+Left is the browser's Back: the page must have kept it.
  await page.keyboard.press('Alt+ArrowLeft');
  expect(await selectedNodes(page)).toEqual(['lb']);
  await page.keyboard.press('Alt+ArrowRight');
  expect(await selectedNodes(page)).toEqual(['app2']);

  // L links from app2: the first target offered (Primary DB) is refused with the drag's reason;
  // the arrow moves on to Replica 1 and Enter links, as one undo step.
  await page.keyboard.press('l');
  const hint = page.getByTestId('canvas-hint');
  await expect(hint).toHaveText(/^app2 already links to Primary DB\.$/);
  await page.keyboard.press('Enter');
  await expect(hint).toHaveText('Not linked: app2 already links to Primary DB.');
  await page.keyboard.press('ArrowRight');
  await expect(hint).toHaveText(/^Link app2 → Replica 1: Enter links/);
  await canvas.screenshot({ path: `${SHOTS}/41-canvas-keyboard-link.png` });
  await page.keyboard.press('Enter');
  await expect(counts).toHaveText('12 nodes · 20 links');
  expect((await links(page)).some((link) => link.from === 'app2' && link.to === 'db-replica1')).toBe(true);
  await expect(announcer).toHaveText('Link app2 to Replica 1');
  await expect(hint).toBeHidden();

  // Escape cancels a keyboard link without linking.
  await page.keyboard.press('Tab');
  expect(await selectedNodes(page)).toEqual(['dns']);
  await page.keyboard.press('l');
  await expect(hint).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(hint).toBeHidden();
  await expect(counts).toHaveText('12 nodes · 20 links');
  expect(await selectedNodes(page)).toEqual(['dns']);

  // Delete and undo act on the keyboard's selection: DNS goes with its three links, then comes back.
  await page.keyboard.press('Delete');
  await expect(counts).toHaveText('11 nodes · 17 links');
  await page.keyboard.press('Control+z');
  await expect(counts).toHaveText('12 nodes · 20 links');
  // Undo also takes the keyboard link away.
  await page.keyboard.press('Control+z');
  await expect(counts).toHaveText('12 nodes · 19 links');

  // Escape clears; Shift+Tab from nothing is the last stop of the walk (the last region), then the
  // first region and the last node; Tab past the last region leaves the canvas.
  await page.keyboard.press('Escape');
  expect(await selectedNodes(page)).toEqual([]);
  await page.keyboard.press('Shift+Tab');
  expect((await selection(page)).regions).toEqual(['us-east']);
  await page.keyboard.press('Shift+Tab');
  expect((await selection(page)).regions).toEqual(['eu-west']);
  await page.keyboard.press('Shift+Tab');
  expect(await selectedNodes(page)).toEqual(['db-replica2']);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect((await selection(page)).regions).toEqual(['us-east']);
  expect(await canvasFocused(page)).toBe(true);
  await page.keyboard.press('Tab');
  expect(await canvasFocused(page)).toBe(false);
  await page.keyboard.press('Shift+Tab');
  expect(await canvasFocused(page)).toBe(true);

  // Zoomed in, the camera pans to keep each node Tab selects in view.
  await page.keyboard.press('Escape');
  for (let i = 0; i < 5; i++) await page.keyboard.press('+');
  const box = (await canvas.boundingBox())!;
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const [id] = await selectedNodes(page);
    const rect = await page.evaluate((nodeId) => (window as unknown as Win).__faultline.nodeClientRect(nodeId), id);
    expect(rect, `node ${id} in view`).not.toBeNull();
    expect(rect!.x, id).toBeGreaterThanOrEqual(box.x);
    expect(rect!.y, id).toBeGreaterThanOrEqual(box.y);
    expect(rect!.x + rect!.width, id).toBeLessThanOrEqual(box.x + box.width);
    expect(rect!.y + rect!.height, id).toBeLessThanOrEqual(box.y + box.height);
  }
  await page.keyboard.press('f');

  // A run: Space on the canvas plays; Shift+F10 opens app1's fault menu with focus on its first item.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await selectedNodes(page)).toEqual(['app1']);
  await page.keyboard.press('Space');
  const frame = () => page.evaluate(() => (window as unknown as Win).__faultlineLive.controller.model.frame);
  await expect.poll(async () => (await frame())?.timeMs ?? 0, { timeout: 20_000 }).toBeGreaterThan(1_000);
  await expect(announcer).toHaveText('app1, app server, 3 links, up');

  // The Menu key opens it too; Escape closes it and gives focus back to the canvas.
  await page.keyboard.press('ContextMenu');
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Slow down ×5' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(canvas).toBeFocused();
  expect((await frame())?.playing).toBe(true);

  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Crash app1' })).toBeFocused();
  // Shift+F10 is a right-click, not F10 (Step): the run goes on playing.
  expect((await frame())?.playing).toBe(true);
  await page.screenshot({ path: `${SHOTS}/42-canvas-keyboard-fault-menu.png` });
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(canvas).toBeFocused();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).__faultlineLive.controller.store.getDocument().scenario.some((event) => event.action === 'crash' && event.target === 'app1')))
    .toBe(true);
  await expect(announcer).toHaveText('app1, app server, 3 links, down');

  // ] and [ walk app1's links (ordered by their other ends); Shift+F10 on a link offers link faults.
  await page.keyboard.press(']');
  expect((await selection(page)).links).toEqual(['app1-cache']);
  await page.keyboard.press(']');
  expect((await selection(page)).links).toEqual(['lb-app1']);
  await expect(announcer).toHaveText('Link Load balancer to app1');
  await canvas.screenshot({ path: `${SHOTS}/43-canvas-keyboard-link-selected.png` });
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: 'Cut Load balancer → app1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).__faultlineLive.controller.store.getDocument().scenario.some((event) => event.action === 'cut' && event.target === 'lb-app1')))
    .toBe(true);
  // Tab carries on from app1, the node the links were walked from.
  await page.keyboard.press('Tab');
  expect(await selectedNodes(page)).toEqual(['cache']);
  await page.keyboard.press('Space');
  expect(errors).toEqual([]);
});

test('the view is fitted again when the canvas grows, unless the user zoomed; New opens at actual size', async ({ page }) => {
  const shots = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/live';
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const zoom = () => page.evaluate(() => (window as unknown as { __faultline: { zoom(): number } }).__faultline.zoom());
  await expect.poll(zoom).toBeLessThan(0.6);
  const small = await zoom();

  // A maximised window: the design is fitted to the bigger canvas, not left in a quarter of it.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(zoom).toBeGreaterThan(small * 1.3);
  await page.screenshot({ path: `${shots}/fit-1920.png` });
  const big = await zoom();

  // After the user zooms, a resize leaves the camera alone.
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  const chosen = await zoom();
  expect(chosen).toBeGreaterThan(big);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(400);
  expect(await zoom()).toBeCloseTo(chosen, 5);

  // New: an empty sandbox at 100 %, whatever the last document needed.
  await menu(page, 'File', 'New');
  const discard = page.getByRole('button', { name: /Discard|Don’t Save|Don't Save/ });
  if (await discard.isVisible().catch(() => false)) await discard.click();
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');
  await expect.poll(zoom).toBe(1);
});
