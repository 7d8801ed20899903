import { expect, test, type Locator, type Page } from '@playwright/test';
import { menu, watchForProblems } from './pageHelpers';

/**
 * A teacher's projector (800×600, 1024×640) or a narrow window: every panel still fits. Each test
 * measures the geometry (boxes inside the window and inside their panel, labels apart, text not
 * cut without an ellipsis), so a layout that only looks right at 1400 px fails here.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const box = async (locator: Locator): Promise<Box> => (await locator.boundingBox())!;

function expectInside(inner: Box, outer: Box, what: string) {
  expect(inner.x, `${what}: left edge`).toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(inner.y, `${what}: top edge`).toBeGreaterThanOrEqual(outer.y - 0.5);
  expect(inner.x + inner.width, `${what}: right edge`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  expect(inner.y + inner.height, `${what}: bottom edge`).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
}

/** A node's card on the page (the editor's read-only debug handle). */
async function nodeRect(page: Page, id: string): Promise<Box> {
  const rect = await page.evaluate((nodeId) => (window as unknown as { __faultline: { nodeClientRect(id: string): Box | null } }).__faultline.nodeClientRect(nodeId), id);
  if (rect === null) throw new Error(`no node ${id} on the canvas`);
  return rect;
}

/** Plays the default sandbox to its end at the fastest speed, past its narration pause. */
async function playToEnd(page: Page) {
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  await page.getByRole('button', { name: 'Paused here — continue' }).click({ timeout: 30_000 });
  await expect(page.getByTestId('live-clock')).toContainText('1:00.0 / 1:00.0', { timeout: 30_000 });
}

/** A label UPlotChart says it drew, as a box in CSS pixels from the plot element's corner. */
interface AxisLabel {
  axis: 'x' | 'y';
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlap = (a: AxisLabel, b: AxisLabel) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

for (const size of [
  { width: 800, height: 600 },
  { width: 640, height: 600 },
]) test(`at ${size.width}×${size.height} the charts keep their axis labels apart and inside the plot, and the per-node picker inside its chart`, async ({ page }, testInfo) => {
  const problems = watchForProblems(page);
  await page.setViewportSize(size);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await playToEnd(page);

  if (size.width === 800) {
    // The speeds share the playback row with the play button (on a second row they took the
    // height the charts' axes need).
    const play = await box(page.getByTestId('live-play'));
    const speeds = await box(page.getByRole('radiogroup').filter({ has: page.getByRole('radio', { name: 'Max', exact: true }) }));
    expect(speeds.y, 'the speeds are on the play button’s row').toBeLessThan(play.y + play.height);
  }

  const dock = await box(page.getByTestId('bottom-dock'));
  for (const id of ['chart-throughput', 'chart-latency', 'chart-errors', 'chart-nodes']) {
    const plot = page.getByTestId(id).locator('.live-chart-plot');
    // A chart below the others is a scroll away in the run panel.
    await plot.scrollIntoViewIfNeeded();
    await expect(plot).toHaveAttribute('data-axis-labels', /"axis":"x"/);
    const room = await plot.evaluate((element) => ({ width: element.clientWidth, height: element.clientHeight }));
    // uPlot draws no narrower than its least width: a host narrower than that cuts the plot.
    expect((await box(plot.locator('.uplot'))).width, `${id}: the plot as drawn fits its place`).toBeLessThanOrEqual(room.width + 0.5);
    const labels = JSON.parse((await plot.getAttribute('data-axis-labels'))!) as AxisLabel[];
    const shown = JSON.stringify(labels);
    expect(labels.filter((l) => l.axis === 'y').length, `${id}: the y axis labels its 0 and its top (${shown})`).toBeGreaterThanOrEqual(2);
    expect(labels.filter((l) => l.axis === 'x').length, `${id}: the time axis has a label (${shown})`).toBeGreaterThanOrEqual(1);
    for (const label of labels) {
      const where = `${id}: ${label.axis} label ${label.text} (${shown})`;
      expect(label.left, `${where} starts inside the plot`).toBeGreaterThanOrEqual(0);
      expect(label.right, `${where} ends inside the plot`).toBeLessThanOrEqual(room.width);
      expect(label.top, `${where} is below the plot's top`).toBeGreaterThanOrEqual(0);
      expect(label.bottom, `${where} is above the plot's bottom`).toBeLessThanOrEqual(room.height);
      for (const other of labels) if (other !== label) expect(overlap(label, other), `${where} clear of ${other.axis} label ${other.text}`).toBe(false);
    }
    // The figure, not only the dock, holds the chart: side by side, none runs into the next.
    const figure = await box(page.getByTestId(id));
    expect(figure.x + figure.width, `${id} ends inside the dock`).toBeLessThanOrEqual(dock.x + dock.width);
  }

  // Side by side or in rows, no chart runs into another.
  const figures = await Promise.all(['chart-throughput', 'chart-latency', 'chart-errors', 'chart-nodes'].map((id) => page.getByTestId(id).evaluate((figure) => ({ id: figure.dataset.testid, rect: figure.parentElement!.classList.contains('live-chart-with-note') ? figure.parentElement!.getBoundingClientRect().toJSON() : figure.getBoundingClientRect().toJSON() }))));
  for (const a of figures) for (const b of figures) {
    if (a === b) continue;
    const clear = a.rect.right <= b.rect.left || b.rect.right <= a.rect.left || a.rect.bottom <= b.rect.top || b.rect.bottom <= a.rect.top;
    expect(clear, `${a.id} clear of ${b.id}`).toBe(true);
  }

  const picker = page.getByRole('combobox', { name: 'Per-node series' });
  expectInside(await box(picker), await box(page.getByTestId('chart-nodes')), 'the per-node series picker');
  // A choice too long for the narrowed picker ends in "…" rather than being cut mid-letter.
  await expect(picker).toHaveCSS('text-overflow', 'ellipsis');

  await page.getByTestId('bottom-dock').screenshot({ path: testInfo.outputPath(`dock-${size.width}x${size.height}.png`) });
  expect(problems).toEqual([]);
});

test('at 800×600 a set event with several settings scrolls inside the window; its header and last field stay reachable', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  // The default sandbox's crash of app2 at 20 s, made a set event that changes four of its settings.
  await page.locator('.live-marker').nth(1).click();
  const editor = page.getByTestId('scenario-event-editor');
  await editor.getByRole('combobox').first().selectOption('set');
  const addSetting = editor.getByRole('combobox').filter({ has: page.getByRole('option', { name: 'Choose…' }) });
  for (let added = 0; added < 4; added++) {
    const first = await addSetting.evaluate((select: HTMLSelectElement) => [...select.options].find((option) => option.value !== '' && !option.disabled)!.value);
    await addSetting.selectOption(first);
  }
  await expect(editor.getByRole('button', { name: /^Stop changing/ })).toHaveCount(4);

  const window = { x: 0, y: 0, width: 800, height: 600 };
  expectInside(await box(editor), window, 'the event editor');
  expectInside(await box(editor.getByRole('button', { name: 'Close' })), window, 'the editor’s Close');
  // The rest is a scroll away, never past the window's edge.
  const pause = editor.getByRole('checkbox', { name: 'Pause playback here' });
  await pause.scrollIntoViewIfNeeded();
  expectInside(await box(pause), await box(editor), 'the last field, scrolled to');
  expect(problems).toEqual([]);
});

test('in a 640-pixel window the run panels’ tabs keep their names on one line and the event log’s filters stay inside the dock', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 640, height: 600 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('tab', { name: 'Event log' }).click();
  const dock = await box(page.getByTestId('bottom-dock'));
  for (const tab of await page.getByRole('tab').all()) {
    const name = (await tab.textContent())!;
    // The lines the tab's name is set on (a Range gives one box per line).
    const lines = await tab.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines, `the ${name} tab on one line`).toBe(1);
    expectInside(await box(tab), dock, `the ${name} tab`);
  }
  const filters = page.getByTestId('live-log').locator('.live-log-filters > *');
  await expect(filters).toHaveCount(4);
  for (const filter of await filters.all()) expectInside(await box(filter), dock, `the log filter ${await filter.evaluate((element) => element.getAttribute('aria-label') ?? element.textContent)}`);
  expect(problems).toEqual([]);
});

test('at 800×600 the per-node chart’s folded keys each keep their line and scroll, never drawn over each other', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await playToEnd(page);
  await page.getByTestId('chart-nodes-more').click();
  const list = page.getByTestId('chart-nodes-more-list');
  const keys = list.getByRole('option');
  expect(await keys.count(), 'the sandbox has more nodes than the key shows').toBeGreaterThan(3);
  const rects = await keys.evaluateAll((elements) => elements.map((key) => ({ name: key.textContent, rect: key.getBoundingClientRect().toJSON() as DOMRect, squeezed: key.scrollHeight > key.clientHeight + 1 })));
  for (const [i, key] of rects.entries()) {
    expect(key.squeezed, `${key.name} has its line's height`).toBe(false);
    if (i > 0) expect(key.rect.top, `${key.name} below ${rects[i - 1].name}`).toBeGreaterThanOrEqual(rects[i - 1].rect.bottom - 0.5);
  }
  // The last key is a scroll away inside the list, which stays in the window.
  expectInside(await box(list), { x: 0, y: 0, width: 800, height: 600 }, 'the folded keys');
  const last = keys.last();
  await last.scrollIntoViewIfNeeded();
  expectInside(await box(last), await box(list), 'the last folded key, scrolled to');
  expect(problems).toEqual([]);
});

test('at 800×600 in classroom mode the fault menu of a node at the window’s right edge opens inside the window', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  // Classroom mode gives the canvas the window's width: the replicas sit near its right edge.
  await menu(page, 'View', 'Classroom Mode');
  const replica = await nodeRect(page, 'db-replica2');
  const point = { x: replica.x + replica.width - 4, y: replica.y + replica.height / 2 };
  expect(point.x, 'the replica is near the window’s right edge').toBeGreaterThan(800 - 220);
  await page.mouse.click(point.x, point.y, { button: 'right' });
  const faults = page.getByTestId('fault-menu');
  await expect(faults).toBeVisible();
  const window = { x: 0, y: 0, width: 800, height: 600 };
  expectInside(await box(faults), window, 'the fault menu');
  for (const item of await faults.getByRole('menuitem').all()) expectInside(await box(item), window, `the item ${await item.textContent()}`);
  expect(problems).toEqual([]);
});

test('in a 640-pixel window the scenario event editor stays inside the window', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 640, height: 600 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.locator('.live-marker').nth(1).click();
  const editor = page.getByTestId('scenario-event-editor');
  const window = { x: 0, y: 0, width: 640, height: 600 };
  expectInside(await box(editor), window, 'the event editor');
  expectInside(await box(editor.getByRole('spinbutton').or(editor.getByRole('textbox')).first()), window, 'its time field');
  expect(problems).toEqual([]);
});
