import { expect, test, type Page } from '@playwright/test';
import { nodeCentre } from './pageHelpers';

/**
 * The live view driven like a class would: play the default sandbox, crash an app server from the
 * canvas's context menu, watch the load balancer's health check mark it down in the event log and
 * the failures show up in the charts, then replay the saved scenario and get the same run.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/live';

interface LiveProbe {
  timeMs: number;
  playing: boolean;
  ended: boolean;
  packetCount: number;
  drawnParticles: number;
  log: string[];
  report: Record<string, unknown> | null;
  scenario: { atS: number; action: string; target?: string }[];
  failedBySecond: number[];
}

async function probe(page: Page): Promise<LiveProbe> {
  return page.evaluate(() => {
    type Live = {
      controller: {
        model: {
          frame: { timeMs: number; playing: boolean; ended: boolean; packetCount: number } | null;
          log: { text: string; timeMs: number }[];
          report: Record<string, unknown> | null;
          metrics: { length: number; columns: Record<string, Float64Array> };
        };
        store: { getDocument(): { scenario: { atS: number; action: string; target?: string }[] } };
      };
      addon: { drawnParticles: number };
    };
    const live = (window as unknown as { __faultlineLive: Live }).__faultlineLive;
    const model = live.controller.model;
    const frame = model.frame;
    const failed: number[] = [];
    for (let t = 0; t < model.metrics.length; t++) {
      const c = model.metrics.columns;
      failed.push(['error', 'timeout', 'rejected', 'dropped'].reduce((sum, k) => sum + (Number.isFinite(c[k][t]) ? c[k][t] : 0), 0));
    }
    return {
      timeMs: frame?.timeMs ?? 0,
      playing: frame?.playing ?? false,
      ended: frame?.ended ?? false,
      packetCount: frame?.packetCount ?? 0,
      drawnParticles: live.addon.drawnParticles,
      log: model.log.map((entry) => `${(entry.timeMs / 1000).toFixed(3)} ${entry.text}`),
      report: model.report,
      scenario: live.controller.store.getDocument().scenario.map(({ atS, action, target }) => ({ atS, action, target })),
      failedBySecond: failed,
    };
  });
}

test('play, crash an app server from the context menu, see the health check and the error spike, replay the same run', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
  await expect(page.getByTestId('live-play')).toBeEnabled();

  await page.getByRole('radio', { name: '1×' }).click();
  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await probe(page)).timeMs, { timeout: 20_000 }).toBeGreaterThan(3_000);
  await page.screenshot({ path: `${SHOTS}/01-playing-1x.png` });

  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.click(app1.x, app1.y, { button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/02-context-menu.png` });
  await menu.getByRole('menuitem', { name: 'Crash app1' }).click();
  await expect.poll(async () => (await probe(page)).scenario.some((event) => event.action === 'crash' && event.target === 'app1')).toBe(true);

  await page.getByRole('tab', { name: 'Event log' }).click();
  // The log names nodes as the canvas does (lb is "Load balancer"; app1 has its id for a name).
  await expect(page.getByTestId('live-log')).toContainText('Load balancer health check marks app1 down', { timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}/03-marked-down.png` });
  // Clicking the row selects the node it is about (and pulses it on the canvas).
  await page.getByTestId('live-log').getByRole('button', { name: /Load balancer health check marks app1 down/ }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { store: { getSelection(): { nodes: readonly string[] } }; highlightedNodeId: string | null } } }).__faultlineLive.controller.store.getSelection().nodes))
    .toEqual(['app1']);
  const crashed = await probe(page);
  const crashS = crashed.scenario.find((event) => event.action === 'crash' && event.target === 'app1')!.atS;
  const markedDown = crashed.log.find((line) => line.includes('lb health check marks app1 down'))!;
  // Default health checks: every 1 s, 3 failures ⇒ marked within about 3.5 s of the crash.
  const markedAtS = Number(markedDown.split(' ')[0]);
  expect(markedAtS).toBeGreaterThan(crashS);
  expect(markedAtS).toBeLessThan(crashS + 5);

  // The failures chart: nothing failed before the crash, requests sent just after it did.
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.getByTestId('chart-errors-peak')).toContainText('Peak:');
  const charted = await probe(page);
  const crashSecond = Math.floor(crashS);
  // Requests sent more than the client timeout (1 s) before the crash had all finished: none failed.
  expect(charted.failedBySecond.slice(0, crashSecond - 1).every((failures) => failures === 0)).toBe(true);
  expect(charted.failedBySecond.slice(crashSecond, crashSecond + 5).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/04-error-spike.png` });

  // Slow motion: individual packets are drawn on the canvas.
  await page.getByRole('radio', { name: '1/100×' }).click();
  await expect.poll(async () => (await probe(page)).drawnParticles, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/05-slow-motion.png` });

  // Space pauses and plays once focus is on the canvas (on a focused button Space presses it).
  await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Space');
  await expect.poll(async () => (await probe(page)).playing).toBe(false);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await probe(page)).playing).toBe(true);

  // As fast as possible: the scenario's `pause: true` at 20 s stops playback and captions its note.
  await page.getByRole('radio', { name: 'Max' }).click();
  await expect.poll(async () => { const s = await probe(page); return !s.playing && s.timeMs === 20_000; }, { timeout: 30_000 }).toBe(true);
  await expect(page.getByTestId('live-caption')).toContainText('app2 crashes');
  await expect(page.getByRole('button', { name: 'Paused here — continue' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/06-scenario-pause.png` });

  // Play the rest of the run.
  const first = await playToEnd(page);
  const requests = first.requests as { total: number; ok: number };
  expect(requests.total - requests.ok).toBeGreaterThan(0);
  await expect(page.getByTestId('live-clock')).toContainText('1:00.0 / 1:00.0');
  // The last narration gives way to how the run went, in the report's own numbers.
  await expect(page.getByTestId('live-caption')).toContainText(`Run finished: ${((100 * requests.ok) / requests.total).toFixed(1)}% of ${requests.total.toLocaleString('en-US')} requests ok`);
  await page.screenshot({ path: `${SHOTS}/07-finished.png` });
  // The checks panel shows the finished run's verdicts, the report's own.
  await page.getByRole('tab', { name: 'Checks' }).click();
  for (const check of first.checks as { id: string; pass: boolean }[]) {
    const row = page.getByTestId(`check-${check.id}`);
    await expect(row).toContainText('final');
    await expect(row).toHaveClass(check.pass ? 'pass' : 'fail');
  }
  // Selecting a node shows its state now and its line of the finished run's report.
  const cacheLine = (first.nodes as Record<string, Record<string, number>>).cache;
  const cache = await nodeCentre(page, 'cache');
  await page.mouse.click(cache.x, cache.y);
  await expect(page.getByTestId('node-live-now')).toContainText('At 1:00.0');
  const reportBlock = page.getByTestId('node-live-report');
  await expect(reportBlock.getByTestId('node-report-hits')).toHaveText(cacheLine.hits.toLocaleString('en-US'));
  await expect(reportBlock.getByTestId('node-report-misses')).toHaveText(cacheLine.misses.toLocaleString('en-US'));
  await expect(reportBlock.getByTestId('node-report-hitRatio')).toHaveText(`${(cacheLine.hitRatio * 100).toFixed(1)}%`);
  await expect(reportBlock.getByTestId('node-report-arrivals')).toHaveText(cacheLine.arrivals.toLocaleString('en-US'));
  await page.screenshot({ path: `${SHOTS}/08-node-stats.png` });
  // A client's line counts requests sent to it (none): no row of zeros that reads as "sent nothing".
  const users = await nodeCentre(page, 'users-us');
  await page.mouse.click(users.x, users.y);
  await expect(reportBlock.getByTestId('node-report-downS')).toBeVisible();
  await expect(reportBlock.getByTestId('node-report-arrivals')).toHaveCount(0);
  await expect(reportBlock.getByTestId('node-report-completed')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Replay 1: Reset and play again — the injected crash is part of the run now.
  await page.getByRole('button', { name: 'Reset to 0 s' }).click();
  await expect.poll(async () => (await probe(page)).timeMs).toBe(0);
  expect(withoutWallClock(await playToEnd(page))).toEqual(withoutWallClock(first));

  // Replay 2: the saved document (as a file would be opened) — its scenario holds the crash.
  const saved = await page.evaluate(() => (window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText());
  expect(JSON.parse(saved).scenario).toContainEqual(expect.objectContaining({ action: 'crash', target: 'app1', atS: crashS }));
  await page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { load(): void } } }).__faultlineLive.controller.load());
  await expect.poll(async () => (await probe(page)).timeMs).toBe(0);
  expect(withoutWallClock(await playToEnd(page))).toEqual(withoutWallClock(first));
  expect(errors).toEqual([]);
});

function withoutWallClock(report: Record<string, unknown>): Record<string, unknown> {
  const { wallMs: _wallMs, ...rest } = report;
  return rest;
}

/** Presses Play until the run ends (a scenario `pause` stops playback on the way), returns the report. */
async function playToEnd(page: Page): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const state = await probe(page);
    if (state.ended && state.report !== null) return state.report;
    if (!state.playing) {
      await page.getByTestId('live-play').click();
      // Wait for the engine to take the command, so a stale frame never earns a second click.
      // (it plays, or has already moved on and stopped again: a scenario pause, the end).
      await expect.poll(async () => { const s = await probe(page); return s.playing || s.ended || s.timeMs !== state.timeMs; }, { timeout: 30_000 }).toBe(true);
    }
    await expect.poll(async () => { const s = await probe(page); return s.ended || !s.playing; }, { timeout: 30_000 }).toBe(true);
  }
  throw new Error('the run did not end');
}

test('the timeline edits the scenario through the document (undoable); classroom mode enlarges and slows down', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const scenario = async () =>
    page.evaluate(() => (JSON.parse((window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText()) as { scenario: { atS: number; action: string; target?: string; note?: string }[] }).scenario);
  const before = await scenario();

  // Seek to 30 s by clicking the middle of the bar, then add an event there.
  const bar = page.getByTestId('live-timeline');
  const box = (await bar.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(async () => Math.round((await probe(page)).timeMs / 1000)).toBe(30);
  await page.getByRole('button', { name: 'Add a scenario event at the playhead' }).click();
  const editor = page.getByTestId('scenario-event-editor');
  await expect(editor).toBeVisible();
  await editor.getByLabel('Action').selectOption('crash');
  await editor.getByLabel('Node').selectOption('app3');
  await editor.getByLabel('Narration').fill('app3 goes too');
  await page.screenshot({ path: `${SHOTS}/08-scenario-editor.png` });
  const added = (await scenario()).at(-1)!;
  expect(added).toMatchObject({ action: 'crash', target: 'app3', note: 'app3 goes too' });
  expect(added.atS).toBeCloseTo(30, 0);
  await expect(page.getByRole('button', { name: /Scenario event at 30\.\d s: crash app3/ })).toBeVisible();

  // Delete it, then undo the deletion from the Edit menu's shortcut.
  await editor.getByRole('button', { name: 'Delete this event' }).click();
  expect(await scenario()).toEqual(before);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await scenario()).length).toBe(before.length + 1);

  // Faults on the canvas: cut a link from its context menu, partition the EU region from a node's.
  const usUsers = await nodeCentre(page, 'users-us');
  const lb = await nodeCentre(page, 'lb');
  await page.mouse.click((usUsers.x + lb.x) / 2, (usUsers.y + lb.y) / 2, { button: 'right' });
  await page.getByTestId('fault-menu').getByRole('menuitem', { name: 'Cut Users (US) → Load balancer' }).click();
  const euUsers = await nodeCentre(page, 'users-eu');
  await page.mouse.click(euUsers.x, euUsers.y, { button: 'right' });
  await page.getByTestId('fault-menu').getByRole('menuitem', { name: 'Partition region EU West from the rest' }).click();
  await expect.poll(async () => (await scenario()).filter((event) => event.action === 'cut' || event.action === 'partition').map((event) => event.action)).toEqual(['cut', 'partition']);
  await page.getByRole('button', { name: 'Hide caption' }).click().catch(() => undefined);
  await page.screenshot({ path: `${SHOTS}/09-cut-and-partition.png` });

  // Classroom mode from the View menu.
  await page.getByRole('menuitem', { name: 'View' }).or(page.getByRole('button', { name: 'View' })).first().click();
  await page.getByRole('menuitemcheckbox', { name: 'Classroom Mode' }).click();
  await expect(page.locator('.app-shell')).toHaveClass(/classroom/);
  await expect(page.getByRole('radio', { name: '1/10×' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('radio', { name: '1/100×' }).click();
  // From 30 s the users' link to the balancer is cut and EU West is partitioned off: no request
  // reaches the data center, and what was on those links was lost with the cut (DESIGN §3). Play
  // from before the faults, where there is traffic to draw.
  const classroomBar = (await bar.boundingBox())!;
  await page.mouse.click(classroomBar.x + classroomBar.width / 4, classroomBar.y + classroomBar.height / 2);
  await expect.poll(async () => Math.round((await probe(page)).timeMs / 1000)).toBe(15);
  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await probe(page)).drawnParticles, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/10-classroom.png` });
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await page.screenshot({ path: `${SHOTS}/11-classroom-dark.png` });
});

test('checks are written in the checks panel: add one, edit it after the run, undo it away', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const checks = async () =>
    page.evaluate(() => (JSON.parse((window as unknown as { __faultline: { documentText(): string } }).__faultline.documentText()) as { checks: Record<string, unknown>[] }).checks);
  const before = await checks();

  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByTestId('add-check').click();
  const editor = page.getByTestId('check-editor');
  await expect(editor).toBeVisible();
  // Each select is named by its label alone. It used to sit inside its label, whose text then held
  // every option's ("MetricAvailabilityp50 latency…"): Chromium names it from the label's own text,
  // but a name computed from the label's text content (other browsers, some screen readers) took
  // all of it. Now the label is a sibling, tied by for / id, holding just its words.
  for (const [testId, name] of [['check-metric', 'Metric'], ['check-op', 'Must be']] as const) {
    await expect(editor.getByRole('combobox', { name, exact: true })).toHaveAttribute('data-testid', testId);
    const labels = await editor.getByTestId(testId).evaluate((select: HTMLSelectElement) => [...select.labels].map((label) => ({ text: label.textContent, wraps: label.contains(select), for: label.htmlFor === select.id })));
    expect(labels, testId).toEqual([{ text: name, wraps: false, for: true }]);
  }
  await editor.getByTestId('check-metric').selectOption({ label: 'p99 latency' });
  // Typed key by key: the decimal point survives (the document holding "1" must not eat it).
  await editor.getByTestId('check-value').fill('');
  await editor.getByTestId('check-value').pressSequentially('1.5');
  await editor.getByTestId('check-from').fill('2.5');
  // A window that is not one: the field says why and the document keeps the last good one.
  await editor.getByTestId('check-to').fill('2');
  await expect(editor.getByRole('alert')).toContainText('To must be after From');
  await editor.getByTestId('check-to').fill('');
  await editor.getByTestId('check-label').fill('p99 ≤ 1.5 ms from 2.5 s');
  const id = `check-${before.length + 1}`;
  expect((await checks()).at(-1)).toEqual({ id, label: 'p99 ≤ 1.5 ms from 2.5 s', metric: 'latency.p99', op: '<=', value: 1.5, fromS: 2.5 });
  await page.screenshot({ path: `${SHOTS}/20-check-editor.png` });
  await editor.getByRole('button', { name: 'Done' }).click();

  // Run to the end: no request of the default sandbox takes under 1.5 ms, so the check fails.
  await page.getByRole('radio', { name: 'Max' }).click();
  const report = await playToEnd(page);
  const row = page.getByTestId(`check-${id}`);
  await expect(row).toContainText('final');
  await expect(row).toHaveClass('fail');
  const scored = (report.checks as { id: string; actual: number }[]).find((check) => check.id === id)!;
  expect(scored.actual).toBeGreaterThan(1.5);

  // Raising the threshold after the end scores the finished run again: it passes now.
  await row.getByRole('button', { name: /Edit check/ }).click();
  await page.getByTestId('check-editor').getByTestId('check-value').fill('100000');
  await expect(row).toHaveClass('pass');
  await expect(row).toContainText('final');
  await page.screenshot({ path: `${SHOTS}/21-check-rescored.png` });

  // Undo walks the edits back, the last one removing the check.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 5, y: 5 } });
  for (let step = 0; step < 12 && (await checks()).length > before.length; step++) await page.keyboard.press('Control+z');
  expect(await checks()).toEqual(before);
  expect(errors).toEqual([]);
});

test('on a 1024×768 projector, classroom mode keeps the diagram, the overlays and every speed in reach', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  for (const classroom of [false, true]) {
    if (classroom) {
      await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'View', exact: true }).click();
      await page.getByRole('menuitemcheckbox', { name: /Classroom/ }).click();
      // Building is not presenting: the palette steps aside for the diagram.
      await expect(page.getByTestId('palette')).toBeHidden();
    }
    const toolbar = (await page.locator('.canvas-toolbar').boundingBox())!;
    const legend = (await page.locator('.live-legend').boundingBox())!;
    const overlap = toolbar.x < legend.x + legend.width && legend.x < toolbar.x + toolbar.width && toolbar.y < legend.y + legend.height && legend.y < toolbar.y + toolbar.height;
    expect(overlap, `legend and toolbar overlap (classroom ${classroom})`).toBe(false);
    const max = page.getByRole('radio', { name: 'Max' });
    await max.click();
    await expect(max).toHaveAttribute('aria-checked', 'true');
    await page.getByRole('radio', { name: '1×' }).click();
    await page.screenshot({ path: `${SHOTS}/22-projector-${classroom ? 'classroom' : 'normal'}.png` });
  }
});

test('classroom mode gives the diagram more room on a 1400-pixel screen, not less', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  const canvasWidth = async () => (await page.getByTestId('sandbox-canvas').boundingBox())!.width;
  const before = await canvasWidth();
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'View', exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: /Classroom/ }).click();
  await expect(page.getByTestId('palette')).toBeHidden();
  // The large type goes to the panels; the diagram's own area grows (it used to shrink by 122 px).
  await expect.poll(canvasWidth).toBeGreaterThan(before);
});

test('the charts keep a usable plot with six nodes in the per-node legend, at 1280×800 and 1024×640', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  for (const [width, height] of [
    [1280, 800],
    [1024, 640],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await expect(page.getByTestId('live-play')).toBeEnabled();
    // Lesson 9 (twelve nodes, the busiest six charted) run to 40 s: every chart has data.
    await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'Help', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Lessons', exact: true }).click();
    await page.getByTestId('lesson-partitions-and-cap').click();
    await expect(page.getByTestId('status-counts')).toHaveText('12 nodes · 12 links');
    await page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { seek(ms: number): void } } }).__faultlineLive.controller.seek(40_000));
    await expect.poll(async () => (await probe(page)).timeMs, { timeout: 20_000 }).toBeGreaterThanOrEqual(40_000);
    await page.getByRole('tab', { name: 'Charts' }).click();
    // Lesson 9 checks stale reads, so its fourth chart starts as Consistency: the busiest six are utilization's.
    await page.getByRole('combobox', { name: 'Per-node series' }).selectOption('utilization');
    await expect(page.getByTestId('chart-errors-peak')).toContainText('Peak:');
    // The per-node key: the keys that fit its lines, the rest behind "+N more" — six in all, none
    // cut off or scrolled out of sight.
    const keys = page.getByTestId('chart-nodes-keys');
    await expect.poll(() => keys.locator('.live-chart-key').count()).toBeGreaterThanOrEqual(1);
    const more = page.getByTestId('chart-nodes-more');
    const shownKeys = await keys.locator('.live-chart-key').count();
    const folded = (await more.count()) === 0 ? 0 : Number((/^\+(\d+) more$/.exec((await more.textContent()) ?? '') ?? [])[1]);
    expect(shownKeys + folded, `keys shown ${shownKeys} + folded ${folded} at ${width}`).toBe(6);
    expect(await keys.evaluate((box) => box.scrollHeight <= box.clientHeight + 1), `no key scrolled away at ${width}`).toBe(true);
    const keysBox = (await keys.boundingBox())!;
    for (const box of await Promise.all((await keys.locator('.live-chart-key, .live-chart-more').all()).map((key) => key.boundingBox()))) {
      expect(box!.y + box!.height, `a key inside its line at ${width}`).toBeLessThanOrEqual(keysBox.y + keysBox.height + 0.5);
    }
    await page.screenshot({ path: `${SHOTS}/charts-lesson9-${width}.png` });
    if (folded > 0) {
      // "+N more" opens the folded keys over the plot, without resizing it; pointing at one
      // highlights its series.
      const plotBefore = (await page.getByTestId('chart-nodes').locator('.u-over').boundingBox())!;
      await more.click();
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      const list = page.getByTestId('chart-nodes-more-list');
      await expect(list.locator('.live-chart-key')).toHaveCount(folded);
      const last = list.locator('.live-chart-key').last();
      await last.hover();
      await expect(page.getByTestId('chart-nodes').locator('.live-chart-plot')).toHaveAttribute('data-focused', (await last.getAttribute('title'))!);
      expect((await page.getByTestId('chart-nodes').locator('.u-over').boundingBox())!.height).toBe(plotBefore.height);
      await page.screenshot({ path: `${SHOTS}/charts-lesson9-${width}-more.png` });
      await page.keyboard.press('Escape');
      await expect(list).toHaveCount(0);
      await expect(page.getByTestId('chart-nodes').locator('.live-chart-plot')).toHaveAttribute('data-focused', '');
    }
    // Pointing at a key in the caption highlights its series too.
    const first = keys.locator('.live-chart-key').first();
    await first.hover();
    await expect(page.getByTestId('chart-nodes').locator('.live-chart-plot')).toHaveAttribute('data-focused', (await first.getAttribute('title'))!);
    await page.mouse.move(0, 0);
    const charts = ['chart-throughput', 'chart-latency', 'chart-errors', 'chart-nodes'];
    // Every plot keeps a usable height (the legend used to squeeze the per-node one to ~20 px, or
    // to nothing at 1024). uPlot's .u-over covers exactly the plotting area, axes excluded.
    const heights = Object.fromEntries(await Promise.all(charts.map(async (id) => [id, (await page.getByTestId(id).locator('.u-over').boundingBox())?.height ?? 0] as const)));
    expect(Object.values(heights).every((h) => h >= (width >= 1280 ? 60 : 30)), `plot heights at ${width}: ${JSON.stringify(heights)}`).toBe(true);
    for (const id of charts) {
      const chart = page.getByTestId(id);
      const plot = chart.locator('.live-chart-plot');
      const plotHeight = heights[id];
      // A label above "0", set apart enough not to overlap (11 px type).
      const ticks = Number(await plot.getAttribute('data-y-ticks'));
      expect(ticks, `${id} at ${width}`).toBeGreaterThanOrEqual(2);
      expect(plotHeight / (ticks - 1), `${id} at ${width}`).toBeGreaterThanOrEqual(18);
      // The caption (title and key) sits above the plot, not over it.
      const caption = (await chart.locator('figcaption').boundingBox())!;
      const plotBox = (await plot.boundingBox())!;
      expect(caption.y + caption.height, `${id} at ${width}`).toBeLessThanOrEqual(plotBox.y + 0.5);
      // The plot (axes and all) stays inside its figure.
      const drawn = (await plot.locator('canvas').first().boundingBox())!;
      expect(drawn.y + drawn.height, `${id} at ${width}`).toBeLessThanOrEqual(plotBox.y + plotBox.height + 0.5);
    }
    // The failures chart's "Peak" line sits under its x-axis labels, not over them.
    const errorsPlot = (await page.getByTestId('chart-errors').locator('.live-chart-plot').boundingBox())!;
    const peak = (await page.getByTestId('chart-errors-peak').boundingBox())!;
    expect(peak.y).toBeGreaterThanOrEqual(errorsPlot.y + errorsPlot.height - 0.5);
  }
  expect(errors).toEqual([]);
});

/** Lesson 1 at 1024×640 (its per-node chart folds keys into "+N more"); returns the page's errors and warnings as they come. */
async function openLessonOneAt1024(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'Help', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Lessons', exact: true }).click();
  await page.getByTestId('lesson-load-balancing-and-health-checks').click();
  await expect(page.getByTestId('status-counts')).toHaveText('6 nodes · 7 links');
  return problems;
}

test('the "+N more" list stays open, and the key pointed at stays highlighted, while the busiest-first order changes', async ({ page }) => {
  const problems = await openLessonOneAt1024(page);
  const seek = (ms: number) => page.evaluate((t) => (window as unknown as { __faultlineLive: { controller: { seek(ms: number): void } } }).__faultlineLive.controller.seek(t), ms);
  const keys = page.getByTestId('chart-nodes-keys').locator('.live-chart-key');
  // Lesson 1's app servers by peak utilization: app1 leads at 10 s, app3 by 30 s (seeking forward
  // runs on; the chart is not rebuilt for a new run).
  await seek(10_000);
  await expect.poll(async () => (await probe(page)).timeMs, { timeout: 20_000 }).toBeGreaterThanOrEqual(10_000);
  await expect(keys.first()).toHaveText('app1');
  const more = page.getByTestId('chart-nodes-more');
  await more.click();
  const list = page.getByTestId('chart-nodes-more-list');
  const pointed = list.locator('.live-chart-key').last();
  const label = (await pointed.getAttribute('title'))!;
  await pointed.hover();
  const plot = page.getByTestId('chart-nodes').locator('.live-chart-plot');
  await expect(plot).toHaveAttribute('data-focused', label);
  await seek(30_000);
  await expect.poll(async () => (await probe(page)).timeMs, { timeout: 20_000 }).toBeGreaterThanOrEqual(30_000);
  await expect(keys.first()).toHaveText('app3');
  // The order changed under the open list: it used to close by itself, and the highlight went.
  await expect(list).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(plot).toHaveAttribute('data-focused', label);
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(plot).toHaveAttribute('data-focused', '');
  // A focused key that the busiest-first order moves from the caption into the list keeps focus.
  await seek(10_000);
  await expect(keys.first()).toHaveText('app1');
  await more.click();
  await keys.first().focus();
  await expect(plot).toHaveAttribute('data-focused', 'app1');
  await seek(30_000);
  await expect.poll(async () => (await probe(page)).timeMs, { timeout: 20_000 }).toBeGreaterThanOrEqual(30_000);
  await expect(keys.first()).toHaveText('app3');
  // app1 is now in the open list: focus (and the highlight) went with it, not to the page.
  await expect(keys.first()).not.toHaveText('app1');
  await expect(list.getByRole('option', { name: 'app1' })).toBeFocused();
  await expect(plot).toHaveAttribute('data-focused', 'app1');
  expect(problems).toEqual([]);
});

/** A box grown by `by` pixels each way, for screenshots that show what lies just past an element's edge. */
function grown(box: { x: number; y: number; width: number; height: number } | null, by = 12) {
  return { x: Math.max(0, box!.x - by), y: Math.max(0, box!.y - by), width: box!.width + 2 * by, height: box!.height + 2 * by };
}

test('chart keys work from the keyboard: one Tab stop, arrows highlight as pointing does, Escape clears; the "+N more" list too', async ({ page }) => {
  const problems = await openLessonOneAt1024(page);
  await page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { seek(ms: number): void } } }).__faultlineLive.controller.seek(10_000));
  await expect.poll(async () => (await probe(page)).timeMs, { timeout: 20_000 }).toBeGreaterThanOrEqual(10_000);
  const playing = async () => (await probe(page)).playing;
  const plot = page.getByTestId('chart-nodes').locator('.live-chart-plot');
  const keys = page.getByRole('listbox', { name: 'Per-node series key' });
  const options = keys.getByRole('option');
  await expect(options.first()).toHaveText('app1');
  const count = await options.count();
  const labels = await options.allTextContents();
  const focused = () => page.evaluate(() => (document.activeElement?.getAttribute('role') === 'option' ? document.activeElement.textContent : `${document.activeElement?.tagName}: ${document.activeElement?.textContent}`));

  // Pointing is as before: a key pointed at highlights, leaving it clears, a click does not focus it.
  await options.first().hover();
  await expect(plot).toHaveAttribute('data-focused', labels[0]);
  await options.first().click();
  expect(await focused()).not.toBe(labels[0]);
  await page.mouse.move(0, 0);
  await expect(plot).toHaveAttribute('data-focused', '');

  // The keys are one Tab stop, right after the series picker; focus highlights as pointing does.
  await page.getByRole('combobox', { name: 'Per-node series' }).focus();
  await page.keyboard.press('Tab');
  expect(await focused()).toBe(labels[0]);
  await expect(plot).toHaveAttribute('data-focused', labels[0]);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(keys.locator('[tabindex="0"]')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/chart-keys-focus.png`, clip: grown(await page.getByTestId('chart-nodes').boundingBox()) });
  // Arrows move (wrapping round), Home and End go to the ends.
  await page.keyboard.press('ArrowLeft');
  expect(await focused()).toBe(labels[count - 1]);
  await expect(plot).toHaveAttribute('data-focused', labels[count - 1]);
  await page.keyboard.press('Home');
  expect(await focused()).toBe(labels[0]);
  await page.keyboard.press('End');
  expect(await focused()).toBe(labels[count - 1]);
  if (count > 1) {
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(labels[0]);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(labels[1]);
    await expect(plot).toHaveAttribute('data-focused', labels[1]);
  }
  const last = count > 1 ? labels[1] : labels[0];
  // Pointing elsewhere meanwhile highlights that key; leaving it goes back to the focused one.
  await options.first().hover();
  await expect(plot).toHaveAttribute('data-focused', labels[0]);
  await page.mouse.move(0, 0);
  await expect(plot).toHaveAttribute('data-focused', last);
  // Escape clears the highlight (focus stays); Space lights it again, and does not play.
  await page.keyboard.press('Escape');
  await expect(plot).toHaveAttribute('data-focused', '');
  await expect(keys.getByRole('option', { selected: true })).toHaveCount(0);
  expect(await focused()).toBe(last);
  await page.keyboard.press('Space');
  await expect(plot).toHaveAttribute('data-focused', last);
  await page.waitForTimeout(300);
  expect(await playing()).toBe(false);

  // "+N more" is the next Tab stop; leaving the keys clears the highlight.
  const more = page.getByTestId('chart-nodes-more');
  await page.keyboard.press('Tab');
  await expect(more).toBeFocused();
  await expect(plot).toHaveAttribute('data-focused', '');
  // Opened by Enter, its list takes focus (a listbox of its own) and highlights its first entry.
  await page.keyboard.press('Enter');
  const list = page.getByRole('listbox', { name: 'More of Per-node series key' });
  await expect(list).toBeVisible();
  const entries = await list.getByRole('option').allTextContents();
  expect(`+${entries.length} more`).toBe(await more.textContent());
  await expect.poll(focused).toBe(entries[0]);
  await expect(plot).toHaveAttribute('data-focused', entries[0]);
  await page.keyboard.press('ArrowDown');
  expect(await focused()).toBe(entries[1]);
  await expect(plot).toHaveAttribute('data-focused', entries[1]);
  await page.screenshot({ path: `${SHOTS}/chart-keys-more-focus.png`, clip: grown(await page.getByTestId('chart-nodes').boundingBox()) });
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  expect(await focused()).toBe(entries[entries.length - 1]);
  // Escape closes the list, clears the highlight and returns to the button.
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(plot).toHaveAttribute('data-focused', '');
  await expect(more).toBeFocused();
  // Back into the keys with Shift+Tab: at the key the keyboard was last on.
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe(last);
  await expect(plot).toHaveAttribute('data-focused', last);

  // Each chart's keys are one Tab stop: from the throughput keys, Tab reaches the latency keys,
  // where the arrows step p50 → p95 → p99 and round again, Home and End go to the ends.
  const throughputPlot = page.getByTestId('chart-throughput').locator('.live-chart-plot');
  const latencyPlot = page.getByTestId('chart-latency').locator('.live-chart-plot');
  await page.getByRole('listbox', { name: 'Requests / s (by send second) key' }).getByRole('option', { name: 'ok' }).focus();
  await expect(throughputPlot).toHaveAttribute('data-focused', 'ok');
  await page.keyboard.press('Tab');
  await expect(throughputPlot).toHaveAttribute('data-focused', '');
  expect(await page.evaluate(() => document.activeElement?.closest('[role="listbox"]')?.getAttribute('aria-label'))).toBe('Latency of ok requests key');
  const steps: [string, string][] = [['', 'p50'], ['ArrowRight', 'p95'], ['ArrowRight', 'p99'], ['ArrowRight', 'p50'], ['ArrowLeft', 'p99'], ['Home', 'p50'], ['End', 'p99'], ['ArrowUp', 'p95'], ['ArrowDown', 'p99']];
  for (const [press, expected] of steps) {
    if (press !== '') await page.keyboard.press(press);
    expect(await focused(), `after ${press}`).toBe(expected);
    await expect(latencyPlot).toHaveAttribute('data-focused', expected);
  }
  await page.screenshot({ path: `${SHOTS}/chart-keys-latency-focus.png`, clip: grown(await page.getByTestId('chart-latency').boundingBox()) });
  await page.keyboard.press('Escape');
  await expect(latencyPlot).toHaveAttribute('data-focused', '');
  // Out of the keys and back: Tab returns to the key the keyboard was last on (p99, not p50).
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[role="listbox"]')?.getAttribute('aria-label'))).toBe('Failures by outcome key');
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('p99');
  await expect(latencyPlot).toHaveAttribute('data-focused', 'p99');
  expect(problems).toEqual([]);
});
