import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { NODE_CARD } from '../../renderer/editor/geometry';

/**
 * The editor driven like a person drives it: real mouse drags from the palette and between node
 * handles, typing into the inspector, undo and redo from the keyboard. The resulting document, in
 * its saved form, must equal test/fixtures/editor/small-topology.faultline.
 */
const FIXTURE = 'test/fixtures/editor/small-topology.faultline';
const SHOTS = process.env.FAULTLINE_SHOTS_DIR;

function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('CSP eval probe')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/**
 * The saved text with the whole drawing shifted so that the first region's corner is at (0, 0).
 * A region added from the palette lands in the middle of the view, which depends on the window
 * and panel sizes; everything the test placed is placed relative to it, so only that offset varies.
 */
function withRegionAtOrigin(text: string): string {
  const doc = JSON.parse(text) as { regions: { x: number; y: number }[]; nodes: { x: number; y: number }[] };
  const { x, y } = doc.regions[0];
  for (const record of [...doc.regions, ...doc.nodes]) {
    record.x -= x;
    record.y -= y;
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

async function documentText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText());
}

async function documentJson(page: Page): Promise<{ nodes: { id: string; region?: string; config?: Record<string, unknown> }[]; links: { id: string; from: string; to: string; kind?: string }[]; regions: { id: string }[] }> {
  return JSON.parse(await documentText(page));
}

async function nodeRect(page: Page, id: string) {
  const rect = await page.evaluate((nodeId) => (window as unknown as { __faultline: { nodeClientRect(id: string): { x: number; y: number; width: number; height: number } | null } }).__faultline.nodeClientRect(nodeId), id);
  expect(rect, `node ${id} is on the canvas`).not.toBeNull();
  return rect!;
}

/** A real drag: press, move in steps (so every pointermove fires), release. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
}

async function dragFromPalette(page: Page, kind: string, to: { x: number; y: number }) {
  const box = (await page.locator(`.palette-item[data-kind="${kind}"]`).boundingBox())!;
  await drag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, to);
}

async function handleOf(page: Page, id: string) {
  const rect = await nodeRect(page, id);
  return { x: rect.x + rect.width, y: rect.y + rect.height / 2 };
}

async function centreOf(page: Page, id: string) {
  const rect = await nodeRect(page, id);
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

test('builds, links and edits a small topology with the mouse, then undoes and redoes', async ({ page }) => {
  // Many real drags under software WebGL on a shared 2-core machine: give the runner room.
  test.setTimeout(150_000);
  const problems = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
  const canvas = page.locator('[data-testid="sandbox-canvas"] canvas');
  await expect(canvas).toBeVisible();

  // Start from an empty canvas: select all, delete.
  await canvas.click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');

  // A region, then three nodes dropped inside it from the palette.
  await page.locator('.palette-item[data-kind="region"]').click();
  await page.keyboard.press('f');
  // Drop points are chosen in world units inside the region, so the document does not depend on
  // the window size: a card centred half a card right and down of (left + 20·k, top + 20·m) has its
  // corner snapped to exactly there.
  const region = await page.evaluate(() => (window as unknown as { __faultline: { regionClientRect(id: string): { x: number; y: number } } }).__faultline.regionClientRect('region'));
  const zoom = await page.evaluate(() => (window as unknown as { __faultline: { zoom(): number } }).__faultline.zoom());
  const inRegion = (cornerX: number, cornerY: number) => ({ x: region.x + (cornerX + NODE_CARD.width / 2) * zoom, y: region.y + (cornerY + NODE_CARD.height / 2) * zoom });
  await dragFromPalette(page, 'client', inRegion(40, 80));
  await expect(page.getByTestId('status-counts')).toHaveText('1 node · 0 links');
  await dragFromPalette(page, 'lb', inRegion(280, 80));
  await dragFromPalette(page, 'app', inRegion(520, 80));
  await expect(page.getByTestId('status-counts')).toHaveText('3 nodes · 0 links');
  let doc = await documentJson(page);
  expect(doc.nodes.map((node) => node.id)).toEqual(['users', 'lb', 'app']);
  expect(doc.nodes.every((node) => node.region === 'region'), 'nodes dropped in the region belong to it').toBe(true);

  // Link client → lb → app by dragging from each node's handle to the next node.
  await drag(page, await handleOf(page, 'users'), await centreOf(page, 'lb'));
  await expect(page.getByTestId('status-counts')).toHaveText('3 nodes · 1 link');
  await drag(page, await handleOf(page, 'lb'), await centreOf(page, 'app'));
  await expect(page.getByTestId('status-counts')).toHaveText('3 nodes · 2 links');

  // An app server may not send to clients: the drag is refused with the reason shown.
  await drag(page, await handleOf(page, 'app'), await centreOf(page, 'users'));
  await expect(page.getByTestId('canvas-hint')).toContainText('not to a client.');
  await expect(page.getByTestId('status-counts')).toHaveText('3 nodes · 2 links');

  // Two databases, linked by a replication link.
  await dragFromPalette(page, 'db', inRegion(280, 240));
  await dragFromPalette(page, 'db', inRegion(520, 240));
  await drag(page, await handleOf(page, 'db'), await centreOf(page, 'db2'));
  await drag(page, await handleOf(page, 'app'), await centreOf(page, 'db'));
  doc = await documentJson(page);
  expect(doc.links.find((link) => link.from === 'db' && link.to === 'db2')?.kind).toBe('replication');

  // Select the app server and edit its workers in the inspector.
  await page.mouse.click((await centreOf(page, 'app')).x, (await centreOf(page, 'app')).y);
  await expect(page.getByTestId('inspector-title')).toHaveText('app');
  const workers = page.locator('input[data-field="workers"]');
  await expect(workers).toHaveAttribute('placeholder', '8 (default)');
  await workers.fill('0');
  await expect(page.locator('[data-field-error="workers"]')).toHaveText('must be a whole number from 1 to 100,000');
  doc = await documentJson(page);
  expect(doc.nodes.find((node) => node.id === 'app')?.config, 'an invalid value is never committed').toBeUndefined();
  // Leaving the field keeps the bad value in view with its reason; Escape puts back the document's.
  await workers.blur();
  await expect(page.locator('[data-field-error="workers"]')).toHaveCount(1);
  await expect(workers).toHaveValue('0');
  await workers.press('Escape');
  await expect(page.locator('[data-field-error="workers"]')).toHaveCount(0);
  await expect(workers).toHaveValue('');
  await workers.fill('16');
  await expect(page.locator('[data-field-error="workers"]')).toHaveCount(0);
  // Shortcuts do not fire while typing: Ctrl+A in the field selects its text, not every node.
  await workers.press('Control+a');
  await expect(page.getByTestId('inspector-title')).toHaveText('app');
  await workers.blur();
  doc = await documentJson(page);
  expect(doc.nodes.find((node) => node.id === 'app')?.config).toEqual({ workers: 16 });

  // Undo the edit (one step, though typed in two keystrokes' worth of changes), then redo it.
  await canvas.click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('Control+z');
  doc = await documentJson(page);
  expect(doc.nodes.find((node) => node.id === 'app')?.config).toBeUndefined();
  await page.keyboard.press('Control+Shift+z');
  doc = await documentJson(page);
  expect(doc.nodes.find((node) => node.id === 'app')?.config).toEqual({ workers: 16 });

  const text = withRegionAtOrigin(await documentText(page));
  if (process.env.FAULTLINE_UPDATE_FIXTURES) writeFileSync(FIXTURE, text);
  expect(text).toBe(readFileSync(FIXTURE, 'utf8'));
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/editor-built.png` });
  expect(problems).toEqual([]);
});

test('a node drag is one undo step and Escape cancels a drag in progress', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
  const before = await documentText(page);
  const start = await centreOf(page, 'lb');

  await drag(page, start, { x: start.x + 80, y: start.y + 60 });
  const moved = JSON.parse(await documentText(page)).nodes.find((node: { id: string }) => node.id === 'lb');
  const original = JSON.parse(before).nodes.find((node: { id: string }) => node.id === 'lb');
  expect(moved.x).not.toBe(original.x);
  await page.keyboard.press('Control+z');
  expect(await documentText(page)).toBe(before);

  // Escape mid-drag: the node goes back and nothing enters history.
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 120, start.y + 90, { steps: 8 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  expect(await documentText(page)).toBe(before);
  // The cancelled drag left no step: history holds only the first drag, undone, ready to redo.
  await expect(page.getByTestId('undo')).toBeDisabled();
  await page.getByTestId('redo').click();
  expect(JSON.parse(await documentText(page)).nodes.find((node: { id: string }) => node.id === 'lb')).toEqual(moved);
});

test('while a card is dragged the legend and the toolbar fade and let it pass under them', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
  const legend = page.getByTestId('packet-legend');
  const toolbar = page.locator('.canvas-toolbar');
  const opacity = (locator: typeof legend) => locator.evaluate((element) => Number(getComputedStyle(element).opacity));
  const start = await centreOf(page, 'lb');
  const legendBox = (await legend.boundingBox())!;

  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(legendBox.x + legendBox.width / 2, legendBox.y + legendBox.height / 2, { steps: 8 });
  await expect.poll(() => opacity(legend)).toBeLessThan(0.5);
  await expect.poll(() => opacity(toolbar)).toBeLessThan(0.5);
  // The pointer over the legend still reaches the canvas, not the legend's fold button.
  expect(await legend.evaluate((element) => getComputedStyle(element).pointerEvents)).toBe('none');
  await page.mouse.up();
  await expect.poll(() => opacity(legend)).toBe(1);
  await expect.poll(() => opacity(toolbar)).toBe(1);
  await expect(legend.getByRole('list', { name: 'Packet colors' })).toBeVisible();

  // A press that only selects (no drag) leaves them as they are.
  const app1 = await centreOf(page, 'app1');
  await page.mouse.move(app1.x, app1.y);
  await page.mouse.down();
  expect(await opacity(legend)).toBe(1);
  await page.mouse.up();
});

test('box select, duplicate, the lint panel, and both themes', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
  const app1 = await nodeRect(page, 'app1');
  const app3 = await nodeRect(page, 'app3');
  // Box-select the three app servers from empty canvas to the right of them.
  await drag(page, { x: app1.x - 12, y: app1.y - 12 }, { x: app3.x + app3.width + 8, y: app3.y + app3.height + 8 });
  await expect(page.getByTestId('inspector-title')).toHaveText('3 × App server');
  // Several nodes of one kind are edited together.
  await page.locator('input[data-field="queueLimit"]').fill('50');
  let doc = JSON.parse(await documentText(page));
  for (const id of ['app1', 'app2', 'app3']) expect(doc.nodes.find((node: { id: string }) => node.id === id).config.queueLimit).toBe(50);

  await page.keyboard.press('Escape');
  await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 12, y: 12 } });
  await page.mouse.click((await centreOf(page, 'cache')).x, (await centreOf(page, 'cache')).y);
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('status-counts')).toHaveText('13 nodes · 19 links');
  // The duplicated cache is used by nobody: the lint panel (a tab of the bottom dock) says so,
  // and clicking the finding selects the cache.
  // The tab's name says how many, apart from its own words ("Design problems: 1", not "Design problems1").
  await page.getByRole('tab', { name: /^Design problems: \d+$/ }).click();
  const finding = page.locator('.lint-panel button[data-rule="unused-cache"]');
  await expect(finding).toContainText('Nobody uses');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 12, y: 12 } });
  await finding.click();
  await expect(page.getByTestId('inspector-id')).toHaveText('cache2');
  doc = JSON.parse(await documentText(page));
  expect(doc.nodes.some((node: { id: string }) => node.id === 'cache2')).toBe(true);

  // Rename inline: double-click the card, type, Enter. One undo step brings the old name back.
  const lb = await centreOf(page, 'lb');
  await page.mouse.dblclick(lb.x, lb.y);
  const rename = page.getByTestId('rename-field');
  await expect(rename).toBeFocused();
  await rename.fill('Front door');
  await rename.press('Enter');
  await expect(rename).toHaveCount(0);
  doc = JSON.parse(await documentText(page));
  expect(doc.nodes.find((node: { id: string }) => node.id === 'lb').name).toBe('Front door');
  await page.keyboard.press('Control+z');
  doc = JSON.parse(await documentText(page));
  expect(doc.nodes.find((node: { id: string }) => node.id === 'lb').name).toBe('Load balancer');

  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/editor-${await page.evaluate(() => document.documentElement.dataset.theme)}.png` });
    await page.getByTestId('theme-toggle').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/editor-${await page.evaluate(() => document.documentElement.dataset.theme)}.png` });
  }
});

test('copy, cut and paste go through the system clipboard as .faultline text, checked on the way in', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
  const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());

  // Copy two linked nodes: the clipboard holds a small .faultline document with both and their link.
  await page.mouse.click((await centreOf(page, 'app1')).x, (await centreOf(page, 'app1')).y);
  await page.keyboard.down('Shift');
  await page.mouse.click((await centreOf(page, 'cache')).x, (await centreOf(page, 'cache')).y);
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('inspector')).toContainText('2 nodes of different kinds');
  await page.keyboard.press('Control+c');
  const copied = JSON.parse(await readClipboard()) as { format: string; nodes: { id: string }[]; links: { from: string; to: string }[] };
  expect(copied.format).toBe('faultline');
  expect(copied.nodes.map((node) => node.id)).toEqual(['app1', 'cache']);
  expect(copied.links.map((link) => [link.from, link.to])).toEqual([['app1', 'cache']]);

  // Paste: fresh ids, the link among them comes along, and the copies are selected.
  const original = new Set((await documentJson(page)).nodes.map((node) => node.id));
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('status-counts')).toHaveText('14 nodes · 20 links');
  let doc = await documentJson(page);
  const pasted = doc.nodes.map((node) => node.id).filter((id) => !original.has(id));
  expect(pasted).toHaveLength(2);
  expect(doc.links.filter((link) => pasted.includes(link.from) && pasted.includes(link.to))).toHaveLength(1);
  // The copies landed in their originals' region, which the system clipboard's small document does
  // not carry: where one expects them, so no region notice (the originals here still tell).
  const regionOf = (id: string) => doc.nodes.find((node) => node.id === id)!.region;
  expect(pasted.map(regionOf)).toEqual(['app1', 'cache'].map(regionOf));
  expect(await page.getByTestId('file-notice').count()).toBe(0);

  // Cut removes them (one undo step brings them back) and leaves them on the clipboard.
  await page.keyboard.press('Control+x');
  await expect(page.getByTestId('status-counts')).toHaveText('12 nodes · 19 links');
  expect((JSON.parse(await readClipboard()) as { nodes: { id: string }[] }).nodes.map((node) => node.id)).toEqual(pasted);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status-counts')).toHaveText('14 nodes · 20 links');

  // Text that is not Faultline content is left alone; broken Faultline content is refused, with the reason.
  await page.evaluate(() => navigator.clipboard.writeText('just some words'));
  await page.keyboard.press('Control+v');
  await page.evaluate(() => navigator.clipboard.writeText(JSON.stringify({ format: 'faultline', version: 1, nodes: [{ id: 'x', kind: 'teleporter', x: 0, y: 0 }], links: [] })));
  await page.keyboard.press('Control+v');
  const refusal = page.locator('.file-notice-error');
  await expect(refusal).toContainText('Nothing was pasted');
  await expect(refusal).toContainText('teleporter');
  await expect(page.getByTestId('status-counts')).toHaveText('14 nodes · 20 links');

  // The in-page Edit menu does the same (and Duplicate, Delete, Select All).
  const edit = async (item: string) => {
    await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'Edit', exact: true }).click();
    await page.getByRole('menuitem', { name: item, exact: true }).click();
  };
  await page.mouse.click((await centreOf(page, 'app2')).x, (await centreOf(page, 'app2')).y);
  await edit('Copy');
  expect((JSON.parse(await readClipboard()) as { nodes: { id: string }[] }).nodes.map((node) => node.id)).toEqual(['app2']);
  await edit('Paste');
  await expect(page.getByTestId('status-counts')).toHaveText('15 nodes · 20 links');
  await edit('Duplicate');
  await expect(page.getByTestId('status-counts')).toHaveText('16 nodes · 20 links');
  await edit('Delete');
  await expect(page.getByTestId('status-counts')).toHaveText('15 nodes · 20 links');
  await edit('Select All');
  await expect(page.getByTestId('inspector')).toContainText('15 nodes of different kinds');
  // Undo the delete, the duplicate and the paste.
  for (let step = 0; step < 3; step++) await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status-counts')).toHaveText('14 nodes · 20 links');
  // Edit → Paste with words on the clipboard says there is nothing to paste (it did nothing, silently).
  await page.evaluate(() => navigator.clipboard.writeText('just some words'));
  await edit('Paste');
  await expect(page.getByText(/^Nothing to paste: the clipboard holds no Faultline nodes/)).toBeVisible();
  await expect(page.getByTestId('status-counts')).toHaveText('14 nodes · 20 links');

  // A text field keeps its own clipboard: pasting into the node name does not add nodes.
  await page.mouse.click((await centreOf(page, 'lb')).x, (await centreOf(page, 'lb')).y);
  await page.evaluate(() => navigator.clipboard.writeText('Front door'));
  const name = page.locator('input[data-field="name"]');
  await name.click();
  await name.fill('');
  await page.keyboard.press('Control+v');
  await expect(name).toHaveValue('Front door');
  await expect(page.getByTestId('status-counts')).toHaveText('14 nodes · 20 links');
  doc = await documentJson(page);
  expect(doc.nodes.find((node) => node.id === 'lb')).toMatchObject({ name: 'Front door' });
});

test('names typed key by key keep their spaces; keys on a focused tab stay with the tab', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
  const lb = await centreOf(page, 'lb');
  await page.mouse.click(lb.x, lb.y);
  const name = page.locator('input[data-field="name"]');
  await name.fill('');
  await name.pressSequentially('Front door');
  await expect(name).toHaveValue('Front door');
  let doc = await documentJson(page);
  expect(doc.nodes.find((node) => node.id === 'lb')).toMatchObject({ name: 'Front door' });

  // With the node still selected, Backspace on the focused Checks tab belongs to the tab.
  await page.getByRole('tab', { name: 'Checks' }).focus();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ArrowRight');
  doc = await documentJson(page);
  expect(doc.nodes.some((node) => node.id === 'lb')).toBe(true);
  await expect(page.getByTestId('status-counts')).toHaveText('12 nodes · 19 links');
});

test('a replication link offers no Weight (it shares out DNS and load-balancer traffic only); a traffic link does', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
  const selectedLinks = () => page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { store: { getSelection(): { links: readonly string[] } } } } }).__faultlineLive.controller.store.getSelection().links);
  const primary = await centreOf(page, 'db-primary');
  await page.mouse.click(primary.x, primary.y);
  await expect(page.getByTestId('inspector-id')).toHaveText('db-primary');
  // ] walks the selected node's links: a traffic link from an app server, then the replication links.
  const seen: string[] = [];
  for (let step = 0; step < 5 && !seen.includes('repl-1'); step++) {
    await page.keyboard.press(']');
    const [link] = await selectedLinks();
    seen.push(link);
    if (link === 'app1-db') {
      await expect(page.getByTestId('inspector-title')).toHaveText('app1 → Primary DB');
      await expect(page.locator('[data-field="weight"]')).toBeVisible();
    }
  }
  expect(seen).toContain('repl-1');
  expect(seen).toContain('app1-db');
  await page.keyboard.press(']');
  await page.keyboard.press('[');
  expect(await selectedLinks()).toEqual(['repl-1']);
  await expect(page.getByTestId('inspector-title')).toHaveText('Primary DB → Replica 1');
  await expect(page.locator('[data-field="latencyMs"]')).toBeVisible();
  await expect(page.locator('[data-field="weight"]')).toHaveCount(0);
});

test('several links selected: the inspector says what kinds they are, not "Traffic" for replication links too', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
  const midpoint = async (from: string, to: string) => {
    const [a, b] = [await centreOf(page, from), await centreOf(page, to)];
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  };
  const summary = page.getByTestId('inspector').locator('.inspector-summary');
  const repl1 = await midpoint('db-primary', 'db-replica1');
  const repl2 = await midpoint('db-primary', 'db-replica2');
  await page.mouse.click(repl1.x, repl1.y);
  await expect(summary).toHaveText('Replication: joins databases into a cluster.');
  await page.keyboard.down('Shift');
  await page.mouse.click(repl2.x, repl2.y);
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('inspector-title')).toHaveText('2 links');
  await expect(summary).toHaveText('Replication: joins databases into a cluster.');
  const traffic = await midpoint('lb', 'app2');
  await page.keyboard.down('Shift');
  await page.mouse.click(traffic.x, traffic.y);
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('inspector-title')).toHaveText('3 links');
  await expect(summary).toHaveText('Traffic links (requests go one way, responses come back) and replication links (they join databases into a cluster).');
});

test('a share code pasted on the canvas is named, and pointed to Open Share Code, instead of doing nothing', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
  const before = await documentText(page);
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Copy Share Code', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('file-notice')).toContainText('the clipboard holds a share code, a whole sandbox. Open it with File → Open Share Code');
  expect(await documentText(page)).toBe(before);
});

test('another node selected starts at the top of its inspector, not where the last one was scrolled to', async ({ page }) => {
  // Short enough that both the lb's inspector and the client's scroll.
  await page.setViewportSize({ width: 1024, height: 560 });
  await page.goto('/');
  await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
  const inspector = page.getByTestId('inspector');
  const lb = await centreOf(page, 'lb');
  await page.mouse.click(lb.x, lb.y);
  await inspector.evaluate((panel) => panel.scrollTo(0, panel.scrollHeight));
  await expect.poll(() => inspector.evaluate((panel) => panel.scrollTop)).toBeGreaterThan(50);
  const users = await centreOf(page, 'users-us');
  await page.mouse.click(users.x, users.y);
  await expect(inspector.locator('.inspector-header')).toContainText('Users (US)');
  expect(await inspector.evaluate((panel) => panel.scrollHeight - panel.clientHeight), 'the client\'s inspector scrolls too').toBeGreaterThan(50);
  expect(await inspector.evaluate((panel) => panel.scrollTop)).toBe(0);
});
