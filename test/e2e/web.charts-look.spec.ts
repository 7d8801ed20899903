import { expect, test, type Page } from '@playwright/test';
import { documentText, nodeCentre, typeInto, watchForProblems } from './pageHelpers';

/**
 * What the charts look like: their axes and grid follow the theme when it is switched mid-run
 * (they kept the colours of the theme they were built in), a key too long for its place ends in
 * "…" (it was cut mid-letter), a check whose window has not begun waits instead of passing or
 * failing on nothing, and the queue fill of past seconds keeps the capacity they had.
 */
const SHOTS = process.env.FAULTLINE_SHOTS_DIR ?? '/tmp/charts-look';

const cssVar = (page: Page, name: string) => page.evaluate((variable) => getComputedStyle(document.documentElement).getPropertyValue(variable).trim(), name);

async function playToPause(page: Page) {
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
}

test('the charts redraw their axes and grid in the new theme', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await playToPause(page);
  const charts = page.locator('.live-charts [data-axis-colors]');
  await expect(charts).toHaveCount(4);
  for (const themeNow of ['first', 'switched', 'back'] as const) {
    if (themeNow !== 'first') await page.getByTestId('theme-toggle').click();
    const expected = `${await cssVar(page, '--muted')} ${await cssVar(page, '--panel-border')}`;
    for (const chart of await charts.all()) await expect(chart, `${themeNow} theme`).toHaveAttribute('data-axis-colors', expected);
    if (themeNow === 'switched') await page.getByTestId('bottom-dock').screenshot({ path: `${SHOTS}/switched-theme.png` });
  }
  expect(problems).toEqual([]);
});

test('pointing at a chart reads out its second and every series\' value there, and nothing once the pointer leaves', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.getByTestId('live-play').click(); // the scenario's first pause stops it with seconds to show
  await expect.poll(() => page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { model: { frame: { timeMs: number; playing: boolean } | null } } } }).__faultlineLive.controller.model.frame?.timeMs ?? 0), { timeout: 30_000 }).toBeGreaterThan(4_000);
  const plot = page.getByTestId('chart-latency').locator('.live-chart-plot');
  const readout = plot.locator('.live-chart-readout');
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(readout).toBeVisible();
  const lines = (await readout.innerText()).split('\n');
  expect(lines[0]).toMatch(/^second \d+$/);
  expect(lines.slice(1).map((line) => line.replace(/ [\d.]+ (ms|s)$/, ''))).toEqual(['p50', 'p95', 'p99']);
  // Inside the plot, beside the pointer.
  const shown = (await readout.boundingBox())!;
  expect(shown.x).toBeGreaterThanOrEqual(box.x - 1);
  expect(shown.x + shown.width).toBeLessThanOrEqual(box.x + box.width + 1);
  await page.mouse.move(box.x + box.width * 0.5, box.y - 60);
  await expect(readout).toBeHidden();
  expect(problems).toEqual([]);
});

test('a chart key too long for its place ends in an ellipsis', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-cache-write-policies').click();
  // The lesson checks stale reads and lost writes, so its fourth chart starts as Consistency; the
  // nodes' long names are in the utilization chart.
  await page.getByRole('combobox', { name: 'Per-node series' }).selectOption('utilization');
  await playToPause(page);
  const names = page.getByTestId('chart-nodes-keys').locator('.live-chart-key-name');
  await expect.poll(() => names.count()).toBeGreaterThan(0);
  // The name's own box is what is cut (where the ellipsis is drawn), never the key around it.
  const cut = await names.evaluateAll((elements) =>
    elements.map((name) => ({ text: name.textContent, nameCut: name.scrollWidth > name.clientWidth, keyCut: name.parentElement!.scrollWidth > name.parentElement!.clientWidth + 1, ellipsis: getComputedStyle(name).textOverflow })),
  );
  expect(cut.some((key) => key.nameCut), JSON.stringify(cut)).toBe(true);
  for (const key of cut) {
    expect(key.keyCut, `${key.text}: the key itself is not cut`).toBe(false);
    expect(key.ellipsis).toBe('ellipsis');
  }
  await page.getByTestId('chart-nodes').screenshot({ path: `${SHOTS}/long-keys.png` });
});

test('a check whose window has not begun shows no verdict yet', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-replication-lag-and-stale-reads').click();
  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByRole('radio', { name: '1×', exact: true }).click();
  await page.getByTestId('live-play').click();
  // Past the first settled seconds, long before the later windows (20 s and 41 s) begin.
  await expect(page.getByTestId('live-clock')).toHaveText(/0:0[4-9]/, { timeout: 20_000 });
  await page.getByTestId('live-play').click();
  const rows = page.getByTestId('live-checks').locator('li');
  const later = rows.filter({ hasText: /slow replication link|primary/i });
  await expect(later).not.toHaveCount(0);
  for (const row of await later.all()) {
    await expect(row.locator('.live-check-actual')).toHaveText('—');
    await expect(row.locator('.live-check-source')).toHaveText('');
  }
  await page.getByTestId('live-checks').screenshot({ path: `${SHOTS}/checks-before-window.png` });
});

test('the queue fill chart keeps each second\'s fill against the capacity then, after the capacity is raised and the run sought back', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-queues-and-back-pressure').click();
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  type Live = { controller: { model: { nodeIds: string[]; frame: { timeMs: number; playing: boolean } | null; queueFill: { values: Float32Array[] } } } };
  const live = () =>
    page.evaluate(() => {
      const model = (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model;
      // Empty until the lesson's run is loaded.
      const jobs = model.queueFill.values[model.nodeIds.indexOf('jobs')];
      return { timeMs: model.frame?.timeMs ?? 0, playing: model.frame?.playing ?? false, jobs: jobs === undefined ? [] : Array.from(jobs) };
    });
  // The lesson's pauses at 12 s and 30 s: the queue has been full at its 2,000 since about 17 s.
  for (const pause of [12_000, 30_000]) {
    await page.getByTestId('live-play').click();
    await expect.poll(async () => { const now = await live(); return now.timeMs === pause && !now.playing; }, { timeout: 30_000 }).toBe(true);
  }
  const played = (await live()).jobs;
  for (let t = 18; t < 29; t++) expect(played[t], `second ${t}`).toBeGreaterThan(0.97);

  // Four times the room from 30 s on; on to 40 s, then back to 35 s (a fresh run, the edit replayed at 30 s).
  const jobs = await nodeCentre(page, 'jobs');
  await page.mouse.click(jobs.x, jobs.y);
  await typeInto(page.locator('input[data-field="capacity"]'), '8000');
  await page.locator('input[data-field="capacity"]').press('Tab');
  await expect.poll(async () => JSON.parse(await documentText(page)).nodes.find((node: { id: string }) => node.id === 'jobs').config.capacity).toBe(8000);
  await page.getByRole('radio', { name: '10×', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await live()).timeMs, { timeout: 20_000 }).toBeGreaterThan(36_000);
  await page.getByTestId('live-play').click();
  const bar = (await page.getByTestId('live-timeline').boundingBox())!;
  await page.mouse.click(bar.x + bar.width * (33 / 60), bar.y + bar.height / 2);
  await expect.poll(async () => { const now = await live(); return now.timeMs > 30_000 && now.timeMs < 36_000 && !now.playing; }).toBe(true);

  // The seconds before the edit read full, as they did when played (not a quarter full).
  await expect.poll(async () => (await live()).jobs.slice(18, 29).every((fill, i) => Math.abs(fill - played[18 + i]) < 1e-6)).toBe(true);
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.getByRole('combobox', { name: 'Per-node series' }).selectOption('queue');
  await page.getByTestId('chart-nodes').screenshot({ path: `${SHOTS}/queue-fill-after-seek.png` });
  expect(problems).toEqual([]);
});

/** The keys the per-node chart shows in its caption (not folded into "+N more"), by text and tooltip. */
async function nodeKeys(page: Page) {
  const keys = page.getByTestId('chart-nodes-keys').locator('.live-chart-key');
  return keys.evaluateAll((elements) =>
    elements.map((key) => {
      const name = key.querySelector('.live-chart-key-name') as HTMLElement;
      const keysBox = key.closest('.live-chart-keys') as HTMLElement;
      return {
        text: name.textContent,
        title: key.getAttribute('title'),
        color: getComputedStyle(key.querySelector('i')!).backgroundColor,
        cut: name.scrollWidth > name.clientWidth,
        // Inside the keys' box, not clipped by its lines.
        inside: key.getBoundingClientRect().bottom <= keysBox.getBoundingClientRect().bottom + 0.5,
      };
    }),
  );
}

async function toFirstPause(page: Page) {
  await playToPause(page);
  await expect(page.getByRole('button', { name: /continue/i })).toBeVisible({ timeout: 60_000 });
}

test('lesson 2: the per-node chart keys all four nodes, in colours far apart, none of them red', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-dns-ttl-and-failover').click();
  await toFirstPause(page);
  // It showed "App (primary)", "LB (primary)" and "+2 more", and the two apps pink and red.
  await expect(page.getByTestId('chart-nodes-more')).toHaveCount(0);
  const keys = await nodeKeys(page);
  expect(keys.map((key) => key.text).sort()).toEqual(['App (backup)', 'App (primary)', 'LB (backup)', 'LB (primary)']);
  for (const key of keys) expect(key, JSON.stringify(key)).toMatchObject({ cut: false, inside: true });
  const colors = keys.map((key) => key.color);
  expect(new Set(colors).size).toBe(4);
  const failed = await page.getByTestId('chart-throughput').locator('.live-chart-key i').nth(1).evaluate((swatch) => getComputedStyle(swatch).backgroundColor);
  expect(colors).not.toContain(failed);
  await page.getByTestId('chart-nodes').screenshot({ path: `${SHOTS}/lesson2-node-keys.png` });
  // Each node keeps its colour after a seek back (a new run, its lines drawn again from 0 s).
  const byName = (list: { text: string | null; color: string }[]) => Object.fromEntries(list.map((key) => [key.text, key.color]));
  await page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { seek(ms: number): void } } }).__faultlineLive.controller.seek(8_000));
  await expect(page.getByTestId('live-clock')).toHaveText(/^0:08/);
  await expect.poll(async () => (await nodeKeys(page)).length).toBe(4);
  expect(byName(await nodeKeys(page))).toEqual(byName(keys));
  expect(problems).toEqual([]);
});

test('lesson 4: the cache hit ratio chart keys its three caches by what tells them apart, the full names in their tooltips', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-cache-write-policies').click();
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.getByRole('combobox', { name: 'Per-node series' }).selectOption('hitRatio');
  await toFirstPause(page);
  // It showed "Cache (write-th…" and "+2 more".
  await expect(page.getByTestId('chart-nodes-more')).toHaveCount(0);
  const keys = await nodeKeys(page);
  expect(keys.map((key) => [key.text, key.title]).sort()).toEqual([
    ['cache-aside', 'Cache (cache-aside)'],
    ['write-behind', 'Cache (write-behind)'],
    ['write-through', 'Cache (write-through)'],
  ]);
  for (const key of keys) expect(key, JSON.stringify(key)).toMatchObject({ cut: false, inside: true });
  // A screen reader hears the full name.
  await expect(page.getByRole('option', { name: 'Cache (write-through)' })).toHaveCount(1);
  await page.getByTestId('chart-nodes').screenshot({ path: `${SHOTS}/lesson4-hit-ratio-keys.png` });
  expect(problems).toEqual([]);
});

test('lesson 11: the request charts mark the seconds whose requests have no outcome yet, at each pause, and not once the run ended', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-retry-storms').click();
  await page.getByRole('tab', { name: 'Charts' }).click();
  type Live = { controller: { model: { frame: { timeMs: number } | null; metrics: { columns: Record<string, Float64Array> } } } };
  // The first charted second with requests still waiting for an outcome, from the model.
  const firstOpen = () =>
    page.evaluate(() => {
      const model = (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model;
      const c = model.metrics.columns;
      const n = Math.floor((model.frame?.timeMs ?? 0) / 1000);
      const done = (t: number) => ['ok', 'error', 'timeout', 'rejected', 'dropped'].reduce((sum, name) => sum + (Number.isFinite(c[name][t]) ? c[name][t] : 0), 0);
      for (let t = 0; t < n; t++) if (Number.isFinite(c.sent[t]) && c.sent[t] > done(t)) return t;
      return null;
    });
  const plot = page.getByTestId('chart-throughput').locator('.live-chart-plot');
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  // The pauses at 20 s ("Will it recover?") and 30 s ("Still down"): the failed line dips in its last seconds.
  for (const [pause, clock] of [[1, '0:20'], [2, '0:30']] as const) {
    await (pause === 1 ? page.getByTestId('live-play') : page.getByRole('button', { name: /continue/i })).click();
    await expect(page.getByTestId('live-clock')).toHaveText(new RegExp(`^${clock}`), { timeout: 60_000 });
    await expect(page.getByRole('button', { name: /continue/i })).toBeVisible();
    const open = await firstOpen();
    expect(open, `requests in flight at ${clock}`).not.toBeNull();
    await expect.poll(async () => JSON.parse((await plot.getAttribute('data-pending')) ?? 'null')?.fromS).toBe(open);
    const band = JSON.parse((await plot.getAttribute('data-pending'))!);
    const width = await plot.evaluate((element) => element.clientWidth);
    // A band to the plot's right edge, with its label inside the plot.
    expect(band.left).toBeLessThan(band.right);
    expect(band.label).toBe('not final');
    expect(band.labelLeft).toBeGreaterThan(0);
    expect(band.labelRight).toBeLessThanOrEqual(width);
    for (const chart of ['chart-latency', 'chart-errors']) await expect(page.getByTestId(chart).locator('.live-chart-plot')).toHaveAttribute('data-pending', /"fromS":/);
    await page.getByTestId('chart-throughput').screenshot({ path: `${SHOTS}/lesson11-not-final-${clock.replace(':', '')}.png` });
  }
  // Played on from the last pause (30 s) to the end: every count is what it will stay. One click:
  // a poll that clicked whenever the button showed could click it again in the moment before the
  // resumed run hid it, and then wait for a button that never came back.
  await page.getByRole('button', { name: /continue/i }).click();
  await expect(page.getByTestId('live-clock')).toHaveText(/^1:00\.0/, { timeout: 60_000 });
  await expect(plot).not.toHaveAttribute('data-pending', /.*/);
  expect(problems).toEqual([]);
});

test('lesson 8: a shard selected on the canvas joins the per-node chart, however idle, and leaves it when unselected', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('live-play')).toBeEnabled();
  await page.keyboard.press('F1');
  await page.getByTestId('lesson-sharding-and-hot-keys').click();
  await toFirstPause(page);
  const charted = async () => (await nodeKeys(page)).map((key) => key.title ?? key.text);
  const keyCount = page.getByTestId('chart-nodes').locator('.live-chart-key, .live-chart-more');
  await expect.poll(async () => (await keyCount.count()) > 0).toBe(true);
  const before = await page.getByTestId('chart-nodes').evaluate((chart) => chart.querySelectorAll('.live-chart-key').length + Number(chart.querySelector('.live-chart-more')?.textContent?.match(/\d+/)?.[0] ?? 0));
  expect(before).toBe(6);
  // Shard 3 of the key ranges gets no traffic worth charting among the busiest six.
  expect((await charted()).some((name) => name?.includes('Shard 3 (range)'))).toBe(false);
  const shard = await nodeCentre(page, 'range-shard3');
  await page.mouse.click(shard.x, shard.y);
  // Its key comes first, so it is named in the caption, not folded into "+N more".
  await expect.poll(async () => (await charted())[0]).toBe('Shard 3 (range)');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await charted()).some((name) => name?.includes('Shard 3 (range)'))).toBe(false);
  expect(problems).toEqual([]);
});
