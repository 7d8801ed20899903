import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { menu, nodeCentre, watchForProblems } from './pageHelpers';

/**
 * The live view speaks the user's names: after renaming app1 "App A" and app2 "App B", the event
 * editor's node list, the canvas's fault menu, the event log and the per-node chart's legend name
 * them so (the saved scenario still targets ids). Once the run has ended the checks give their
 * final verdicts, and a new run (Reset, File → New) starts the charts' time axes afresh.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/live';

type Live = { controller: { model: { frame: { timeMs: number; playing: boolean; ended: boolean } | null } } };

async function state(page: Page) {
  return page.evaluate(() => {
    const frame = (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model.frame;
    return { timeMs: frame?.timeMs ?? 0, playing: frame?.playing ?? false, ended: frame?.ended ?? false };
  });
}

async function documentJson(page: Page): Promise<{ scenario: { action: string; target?: string }[] }> {
  return JSON.parse(await page.evaluate(() => (window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText()));
}

async function rename(page: Page, id: string, name: string) {
  const centre = await nodeCentre(page, id);
  await page.mouse.dblclick(centre.x, centre.y);
  const field = page.getByTestId('rename-field');
  await field.fill(name);
  await field.press('Enter');
  await expect(field).toHaveCount(0);
}

/** Presses Play until the run ends (a scenario `pause` stops playback on the way). */
async function playToEnd(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const s = await state(page);
    if (s.ended) return;
    if (!s.playing) {
      await page.getByTestId('live-play').click();
      await expect.poll(async () => { const n = await state(page); return n.playing || n.ended || n.timeMs !== s.timeMs; }, { timeout: 30_000 }).toBe(true);
    }
    await expect.poll(async () => { const n = await state(page); return n.ended || !n.playing; }, { timeout: 30_000 }).toBe(true);
  }
  throw new Error('the run did not end');
}

/** The x axis's upper end of a chart's plot ('' while it has no data). */
function xMax(page: Page, testId: string) {
  return page.getByTestId(testId).locator('.live-chart-plot').getAttribute('data-x-max');
}

test('renamed nodes are named so in the event editor, the fault menu, the log and the chart legend; checks end final', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await rename(page, 'app1', 'App A');
  await rename(page, 'app2', 'App B');

  // The event editor's node list: names, ids as the values.
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  const editor = page.getByTestId('scenario-event-editor');
  await editor.getByLabel('Action').selectOption('crash');
  const nodeSelect = editor.getByLabel('Node');
  await expect(nodeSelect.locator('option[value="app1"]')).toHaveText('App A');
  await expect(nodeSelect.locator('option[value="lb"]')).toHaveText('Load balancer');
  await expect(nodeSelect.locator('option[value="app3"]')).toHaveText('app3');
  await nodeSelect.selectOption({ label: 'App B' });
  expect((await documentJson(page)).scenario.at(-1)).toMatchObject({ action: 'crash', target: 'app2' });
  await editor.getByRole('button', { name: 'Delete this event' }).click();

  // The canvas's fault menu.
  await page.getByRole('radio', { name: '1×' }).click();
  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await state(page)).timeMs, { timeout: 20_000 }).toBeGreaterThan(2_000);
  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.click(app1.x, app1.y, { button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toHaveAttribute('aria-label', 'Inject a fault: App A');
  await menu.getByRole('menuitem', { name: 'Crash App A' }).click();
  await expect.poll(async () => (await documentJson(page)).scenario.some((event) => event.action === 'crash' && event.target === 'app1')).toBe(true);

  // The log and the charts, at the end of the run.
  await page.getByRole('radio', { name: 'Max' }).click();
  await playToEnd(page);
  await page.getByRole('button', { name: 'Hide caption' }).click().catch(() => undefined);
  await page.getByRole('tab', { name: 'Event log' }).click();
  const log = page.getByTestId('live-log');
  await expect(log).toContainText('App A crashes');
  await expect(log).toContainText('Load balancer health check marks App A down');
  await expect(log).toContainText('Load balancer health check marks App B down');
  await expect(log.locator('.live-log-text', { hasText: /\bapp1\b/ })).toHaveCount(0);
  await expect(log.getByLabel('Filter by node').locator('option[value="app1"]')).toHaveText('App A (app1)');
  await page.screenshot({ path: `${SHOTS}/names-log.png` });
  await page.getByRole('tab', { name: 'Charts' }).click();
  const legend = page.getByTestId('chart-nodes').locator('.live-chart-key');
  await expect(legend.filter({ hasText: /^App A$/ })).toHaveCount(1);
  await expect(legend.filter({ hasText: /^app1$/ })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/names-charts.png` });

  // The run has ended: every check gives its final verdict.
  await page.getByRole('tab', { name: 'Checks' }).click();
  const rows = page.getByTestId('live-checks').locator('li');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row.locator('.live-check-source')).toHaveText('final');
  // A structural edit after the end (a scenario event) re-runs to the end: still final.
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  await page.getByTestId('scenario-event-editor').getByLabel('Narration').fill('the end');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await state(page)).ended).toBe(true);
  // The edit settles (250 ms) and the engine re-runs the edited design to its end.
  await page.waitForTimeout(600);
  for (const row of await rows.all()) await expect(row.locator('.live-check-source')).toHaveText('final');
  await page.screenshot({ path: `${SHOTS}/names-checks.png` });
  expect(errors).toEqual([]);
});

test('a new run starts the charts with fresh time axes: Reset, then File → New', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByRole('radio', { name: 'Max' }).click();
  await playToEnd(page);
  for (const chart of ['chart-throughput', 'chart-latency', 'chart-errors', 'chart-nodes']) await expect.poll(async () => Number(await xMax(page, chart))).toBeGreaterThanOrEqual(50);

  await page.getByRole('button', { name: 'Reset to 0 s' }).click();
  await expect.poll(async () => (await state(page)).timeMs).toBe(0);
  for (const chart of ['chart-throughput', 'chart-latency', 'chart-errors']) await expect.poll(() => xMax(page, chart)).toBe('');
  await page.screenshot({ path: `${SHOTS}/axes-after-reset.png` });

  // Played a little, then a new document: its charts start empty too.
  await page.getByRole('radio', { name: '10×', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await state(page)).timeMs, { timeout: 20_000 }).toBeGreaterThan(12_000);
  await page.getByTestId('live-play').click();
  await expect.poll(async () => Number(await xMax(page, 'chart-throughput'))).toBeGreaterThanOrEqual(10);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'New', exact: true }).click();
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');
  await expect.poll(async () => (await state(page)).timeMs).toBe(0);
  for (const chart of ['chart-throughput', 'chart-latency', 'chart-errors']) await expect.poll(() => xMax(page, chart)).toBe('');
  await page.screenshot({ path: `${SHOTS}/axes-after-new.png` });
});

test('engine warnings are listed with the design problems, name nodes as the canvas does, and follow a rename', async ({ page }) => {
  // The default sandbox with app1 named "App A" and linked only to a replica: the engine warns.
  const sandbox = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'shared', 'examples', 'classic-web-stack.faultline'), 'utf8')) as {
    nodes: { id: string; name?: string }[];
    links: { id: string; to: string }[];
  };
  sandbox.nodes.find((n) => n.id === 'app1')!.name = 'App A';
  sandbox.links.find((l) => l.id === 'app1-db')!.to = 'db-replica1';
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
  });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'File', 'Open…');
  await (await chooser).setFiles({ name: 'warned.faultline', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sandbox)) });
  await expect(page).toHaveTitle('warned.faultline — Faultline');
  // Listed with the design problems (the tab counts them), not raised as an alert.
  await page.getByRole('tab', { name: /^Design problems/ }).click();
  const warnings = page.getByTestId('engine-warnings');
  await expect(warnings).toContainText('App A: linked only to replicas; its writes have no primary to go to');
  await expect(warnings).not.toContainText('app1');
  await expect(page.locator('.live-notice.problem')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/warning-named.png` });
  // Named at display time: a rename reads at once.
  await rename(page, 'app1', 'Checkout');
  await expect(warnings).toContainText('Checkout: linked only to replicas');
  // Clicking the warning selects the node it names.
  await warnings.getByRole('button', { name: /Checkout: linked only to replicas/ }).click();
  await expect(page.getByTestId('inspector-id')).toHaveText('app1');
});

test('a queue just dropped on the canvas raises no alert: the simulation\'s warning about it waits in Design problems', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const tab = page.getByRole('tab', { name: /^Design problems/ });
  await expect(tab).toHaveAccessibleName('Design problems');
  await page.locator('[data-kind="queue"]').click();
  // The lint finds it unreachable; the simulation warns that nothing consumes its jobs.
  await expect(tab).toHaveAccessibleName('Design problems: 2');
  await expect(page.locator('.live-notice.problem')).toHaveCount(0);
  await tab.click();
  await expect(page.getByTestId('lint-panel').locator('[data-rule="unreachable"]')).toHaveCount(1);
  await expect(page.getByTestId('engine-warnings')).toHaveText('queue: a queue with no worker linked; its jobs are never consumed');
  await page.screenshot({ path: `${SHOTS}/queue-warning-listed.png` });
  expect(problems).toEqual([]);
});
