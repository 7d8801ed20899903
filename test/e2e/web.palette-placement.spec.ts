import { expect, test, type Page } from '@playwright/test';
import { documentText, watchForProblems } from './pageHelpers';

/**
 * Palette clicks lay a design out as one would by hand: kind after kind, left to right, servers of
 * one tier stacked; and no new card lands under the packet legend or the canvas toolbar (a card
 * placed nearest the middle of a short canvas went partly under the legend).
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/palette-placement';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const cardBox = (page: Page, id: string): Promise<Box | null> =>
  page.evaluate((nodeId) => (window as unknown as { __faultline: { nodeClientRect(id: string): Box | null } }).__faultline.nodeClientRect(nodeId), id);

async function addFromPalette(page: Page, name: string): Promise<string> {
  await page.getByTestId('palette').getByRole('button', { name, exact: true }).click();
  // Nodes are saved in the order they were added.
  const nodes = JSON.parse(await documentText(page)).nodes as { id: string }[];
  return nodes.at(-1)!.id;
}

test('clicked kind by kind, a flow goes left to right, a second server under the first, clear of the overlays', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('Alt+n');
  await expect(page.getByText('Untitled').first()).toBeVisible();

  const ids: string[] = [];
  for (const name of ['Clients', 'Load balancer', 'App server', 'App server']) ids.push(await addFromPalette(page, name));
  const [users, lb, app1, app2] = await Promise.all(ids.map((id) => cardBox(page, id)));
  expect(lb!.x).toBeGreaterThan(users!.x + users!.width);
  expect(app1!.x).toBeGreaterThan(lb!.x + lb!.width);
  expect(Math.abs(app2!.x - app1!.x)).toBeLessThan(2);
  expect(app2!.y).toBeGreaterThan(app1!.y + app1!.height);

  // The view made room for the flow by zooming out, so no card already placed went under the
  // legend or the toolbar (a pan to each new card pushed the first ones there).
  const legend = (await page.locator('.live-legend').boundingBox())!;
  const toolbar = (await page.locator('.canvas-toolbar').boundingBox())!;
  for (const [i, box] of [users, lb, app1, app2].entries()) {
    expect(overlaps(box!, legend), `flow card ${i} under the legend`).toBe(false);
    expect(overlaps(box!, toolbar), `flow card ${i} under the toolbar`).toBe(false);
  }

  // Nothing selected: each new card goes near the middle, never under the legend or the toolbar.
  for (let i = 0; i < 6; i++) {
    await page.getByTestId('sandbox-canvas').click({ position: { x: 5, y: 300 } });
    const id = await addFromPalette(page, 'Cache');
    for (const placed of [...ids, id]) {
      const box = (await cardBox(page, placed))!;
      expect(overlaps(box, legend), `${placed} under the legend after cache ${i}`).toBe(false);
      expect(overlaps(box, toolbar), `${placed} under the toolbar after cache ${i}`).toBe(false);
    }
    ids.push(id);
  }
  await page.screenshot({ path: `${SHOTS}/placed.png` });
  expect(problems).toEqual([]);
});
