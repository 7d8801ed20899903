import { expect, test, type Page } from '@playwright/test';
import { openLessonAt, watchForProblems } from './pageHelpers';

/**
 * Far labels (renderer/canvas/farLabels.ts): below zoom 0.4375, where a card's 16 px name would
 * draw under 7 screen px, a card draws no text of its own, so its name is written over it at a
 * readable screen size. At 800×600 lesson 8 (18 nodes in three regions) opens at about 0.235: it
 * was a field of blank rectangles; at 1024×768 it opens at about 0.33, where its names drew at
 * 5 px. Zoomed in to 0.4375 or more, the cards write their own names again and the far labels go.
 */
const FAR_ZOOM = 7 / 16;

type Box = { x: number; y: number; width: number; height: number };
interface Handle {
  documentText(): string;
  nodeClientRect(id: string): Box | null;
  nodeCardText(id: string): { name: string[]; kind: string | null } | null;
  nodeFarLabel(id: string): string | null;
  zoom(): number;
}

const zoom = (page: Page) => page.evaluate(() => (window as unknown as { __faultline: Handle }).__faultline.zoom());

/** Every node whose card lies inside the canvas: its name, its far label and its card's text. */
function visibleNodes(page: Page) {
  return page.evaluate(() => {
    const handle = (window as unknown as { __faultline: Handle }).__faultline;
    const doc = JSON.parse(handle.documentText()) as { nodes: { id: string; name?: string }[] };
    const canvas = document.querySelector('[data-testid="sandbox-canvas"]')!.getBoundingClientRect();
    return doc.nodes
      .filter((node) => {
        const box = handle.nodeClientRect(node.id)!;
        return box.x >= canvas.left && box.y >= canvas.top && box.x + box.width <= canvas.right && box.y + box.height <= canvas.bottom;
      })
      .map((node) => ({ id: node.id, name: node.name ?? node.id, farLabel: handle.nodeFarLabel(node.id), cardText: handle.nodeCardText(node.id) }));
  });
}

test('lesson 8 at 800×600 names its cards with far labels, and zoomed in the cards name themselves', async ({ page }) => {
  const problems = watchForProblems(page);
  await openLessonAt(page, 'sharding-and-hot-keys', { width: 800, height: 600 });
  await expect.poll(() => zoom(page)).toBeLessThan(FAR_ZOOM);

  // Every card in view has a label, its name whole or its start cut with "…" (a short word at least).
  await expect.poll(async () => (await visibleNodes(page)).filter((node) => node.farLabel === null).map((node) => node.id)).toEqual([]);
  const far = await visibleNodes(page);
  expect(far.length).toBe(18);
  for (const node of far) {
    const label = node.farLabel!;
    const shown = label.endsWith('…') ? label.slice(0, -1) : label;
    expect(label === node.name || (label.endsWith('…') && node.name.startsWith(shown)), `${node.id}: "${label}" for "${node.name}"`).toBe(true);
    expect(shown.length, `${node.id}: "${label}"`).toBeGreaterThanOrEqual(3);
  }
  // The first word of each card's name reads: the client, the app, the router and the shards.
  const byId = new Map(far.map((node) => [node.id, node.farLabel!]));
  expect(byId.get('users-hash')).toMatch(/^Users/);
  expect(byId.get('app-hash')).toMatch(/^App/);
  expect(byId.get('hash-shard1')).toMatch(/^Shard 1/);
  expect(byId.get('ring-shard3')).toMatch(/^Shard 3/);

  // Zoomed in to FAR_ZOOM or more, no far label is left; the cards write their own names.
  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
  while ((await zoom(page)) < FAR_ZOOM) await zoomIn.click();
  await expect.poll(async () => (await visibleNodes(page)).filter((node) => node.farLabel !== null).map((node) => node.id)).toEqual([]);
  const near = await visibleNodes(page);
  expect(near.length).toBeGreaterThan(0);
  for (const node of near) expect(node.cardText?.name.join(' ')).toBe(node.name);

  // And zoomed back out, the labels return.
  const zoomOut = page.getByRole('button', { name: 'Zoom out', exact: true });
  while ((await zoom(page)) >= FAR_ZOOM) await zoomOut.click();
  await expect.poll(async () => (await visibleNodes(page)).filter((node) => node.farLabel !== null).length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('lesson 8 at 1024×768, where its cards would write their names at 5 px, names them with far labels', async ({ page }) => {
  const problems = watchForProblems(page);
  await openLessonAt(page, 'sharding-and-hot-keys', { width: 1024, height: 768 });
  // Fitted between the old threshold (0.3) and the new one.
  await expect.poll(() => zoom(page)).toBeLessThan(FAR_ZOOM);
  expect(await zoom(page)).toBeGreaterThan(0.3);
  await expect.poll(async () => (await visibleNodes(page)).filter((node) => node.farLabel === null).map((node) => node.id)).toEqual([]);
  expect((await visibleNodes(page)).length).toBe(18);
  expect(problems).toEqual([]);
});

test('lesson 7 at 1280×800 opens with its cards writing their own names (7 px or more)', async ({ page }) => {
  const problems = watchForProblems(page);
  await openLessonAt(page, 'failover-and-lost-writes', { width: 1280, height: 800 });
  await expect.poll(() => zoom(page)).toBeGreaterThanOrEqual(FAR_ZOOM);
  const nodes = await visibleNodes(page);
  expect(nodes.length).toBe(8);
  for (const node of nodes) {
    expect(node.farLabel, node.id).toBeNull();
    expect(node.cardText?.name.join(' ')).toBe(node.name);
  }
  expect(problems).toEqual([]);
});

test('in classroom type (30 % larger) the cards keep their own names out to zoom 1/3, where they too would draw under 7 px', async ({ page }) => {
  const problems = watchForProblems(page);
  await openLessonAt(page, 'failover-and-lost-writes', { width: 1280, height: 800 });
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'View' }).click();
  await page.getByRole('menuitemcheckbox', { name: /Classroom/ }).click();
  // The fitted view is fitted again for classroom mode's layout, gliding for a quarter of a second.
  await expect.poll(async () => {
    const before = await zoom(page);
    await page.waitForTimeout(300);
    return (await zoom(page)) === before;
  }).toBe(true);
  const zoomOut = page.getByRole('button', { name: 'Zoom out', exact: true });
  // Between the two thresholds: the usual type would be far labels here, classroom type is not.
  while ((await zoom(page)) >= FAR_ZOOM) await zoomOut.click();
  const between = await zoom(page);
  expect(between).toBeGreaterThanOrEqual(1 / 3);
  await expect.poll(async () => (await visibleNodes(page)).filter((node) => node.farLabel !== null).map((node) => node.id)).toEqual([]);
  const nodes = await visibleNodes(page);
  expect(nodes.length).toBe(8);
  for (const node of nodes) expect(node.cardText?.name.join(' '), `${node.id} at zoom ${between}`).toBe(node.name);
  // Further out than 1/3 the classroom cards too are named by far labels.
  while ((await zoom(page)) >= 1 / 3) await zoomOut.click();
  await expect.poll(async () => (await visibleNodes(page)).filter((node) => node.farLabel === null).map((node) => node.id)).toEqual([]);
  expect(problems).toEqual([]);
});

/** Pixels in a square of `size` client px round (x, y) that are clearly green (the status dot's 0x22c55e). */
async function greenPixelsAround(page: Page, x: number, y: number, size: number): Promise<number> {
  const png = await page.screenshot({ clip: { x: Math.round(x - size / 2), y: Math.round(y - size / 2), width: size, height: size } });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let green = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 1] - Math.max(data[i], data[i + 2]) > 60) green++;
    return green;
  }, png.toString('base64'));
}

test("in a run, a card's green status dot stays under its far label (it used to cover the label's last letters)", async ({ page }) => {
  const problems = watchForProblems(page);
  await openLessonAt(page, 'sharding-and-hot-keys', { width: 1024, height: 768 });
  await expect.poll(() => zoom(page)).toBeLessThan(FAR_ZOOM);
  await page.getByTestId('live-play').click();
  await expect(page.getByTestId('live-clock')).not.toHaveText(/^0:00\.0/);
  await page.getByTestId('live-play').click();
  const scale = await zoom(page);
  expect(scale).toBeLessThan(FAR_ZOOM);
  // The dot is drawn 9 world units in from the card's top-right corner (NODE_STATUS_DOT), where a
  // far label, wider and taller than the card this far out, lies over it.
  const checked: string[] = [];
  for (const id of ['hash-shard1', 'range-shard1', 'ring-shard3', 'users-ring']) {
    expect(await page.evaluate((node) => (window as unknown as { __faultline: Handle }).__faultline.nodeFarLabel(node), id), id).not.toBeNull();
    const card = (await page.evaluate((node) => (window as unknown as { __faultline: Handle }).__faultline.nodeClientRect(node), id))!;
    expect(await greenPixelsAround(page, card.x + card.width - 9 * scale, card.y + 9 * scale, 8), id).toBe(0);
    checked.push(id);
  }
  expect(checked.length).toBe(4);
  // Zoomed in, where the cards name themselves, the dots show again.
  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
  while ((await zoom(page)) < FAR_ZOOM) await zoomIn.click();
  const near = await zoom(page);
  const inView = (await visibleNodes(page))[0].id;
  const card = (await page.evaluate((node) => (window as unknown as { __faultline: Handle }).__faultline.nodeClientRect(node), inView))!;
  await expect.poll(() => greenPixelsAround(page, card.x + card.width - 9 * near, card.y + 9 * near, 8), inView).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
