import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../../shared/examples/lessons';
import { loadDocument } from '../../shared/model';
import type { FaultlineDocument } from '../../shared/model/types';
import { reportToJson, type ReportTimelineRow } from '../../shared/sim/report';
import { Simulation } from '../../shared/sim/simulation';
import { formatActual } from '../../renderer/live/liveCheckRows';
import { formatSimTime } from '../../renderer/live/speedPresets';
import { formatCount, formatFixed, formatMeanQueue, formatPercent } from '../../renderer/app/editor/statFormat';
import { documentText, nodeCentre, typeInto, watchForProblems } from './pageHelpers';

/*
 * The app's numbers are the CLI's. A lesson is played the way a class plays it — paced, paused,
 * stepped, sped up to Max through its narration pauses, sought back to the middle and played on —
 * and what the page shows at the end (checks panel, the inspector's report lines, the charts'
 * per-second data, the event log) is compared with the report of a headless run of the same file,
 * made here in Node exactly as `faultline run --json` makes it.
 */

interface Report {
  checks: { id: string; actual: number | null; pass: boolean }[];
  nodes: Record<string, Record<string, number | string>>;
  timeline: ReportTimelineRow[];
  [key: string]: unknown;
}

function lesson(id: string): { document: FaultlineDocument; report: Report } {
  const entry = LESSONS.find((candidate) => candidate.id === id)!;
  const loaded = loadDocument(readFileSync(new URL(`../../shared/examples/lessons/${entry.file}`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(`lesson ${id} does not load`);
  return { document: loaded.document, report: JSON.parse(reportToJson(new Simulation(loaded.document).finish())) as Report };
}

type Live = {
  controller: {
    model: {
      frame: { timeMs: number; playing: boolean; ended: boolean } | null;
      report: Record<string, unknown> | null;
      durationMs: number;
      nodeIds: readonly string[];
      metrics: { length: number; columns: Record<string, Float64Array> };
      queueFill: { values: Float32Array[] };
    };
  };
};

const liveState = (page: Page) =>
  page.evaluate(() => {
    const model = (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model;
    return { timeMs: model.frame?.timeMs ?? 0, playing: model.frame?.playing ?? false, ended: model.frame?.ended ?? false, reported: model.report !== null };
  });

/** Plays on at the chosen speed, pressing "continue" at each narration pause, until the run's report is in. */
async function playToEnd(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const state = await liveState(page);
        if (state.ended && state.reported) return true;
        if (!state.playing) {
          const resume = page.getByRole('button', { name: /continue/i });
          if (await resume.isVisible()) await resume.click();
          else await page.getByTestId('live-play').click();
        }
        return false;
      },
      { timeout: 45_000, intervals: [250] },
    )
    .toBe(true);
}

async function openLesson(page: Page, id: string): Promise<void> {
  await page.goto('/');
  await expect(page.locator('[data-testid="sandbox-canvas"] canvas')).toHaveAttribute('data-renderer', 'webgl');
  await page.keyboard.press('F1');
  await expect(page.getByTestId('lessons-dialog')).toBeVisible();
  // The dialog takes the focus as it opens (which can scroll its list): choose once it has.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="lessons-dialog"]') !== null)).toBe(true);
  await page.getByTestId(`lesson-${id}`).click();
  await expect(page.getByTestId('live-play')).toBeEnabled();
  // Opening a lesson leaves the focus on the canvas: wait for that before the test moves it.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="sandbox-canvas"]') !== null)).toBe(true);
  const title = lesson(id).document.meta.title;
  await expect.poll(async () => { const loaded = loadDocument(await documentText(page)); return loaded.ok ? loaded.document.meta.title : null; }).toBe(title);
}

/** How the inspector writes each field of a node's report line (DESIGN §5): counts, percentages, seconds. */
function reportFieldText(key: string, value: number): string {
  if (key === 'utilization' || key === 'hitRatio') return formatPercent(value);
  if (key === 'meanQueue') return formatMeanQueue(value);
  if (key === 'downS') return `${formatFixed(value, 1)} s`;
  return formatCount(value);
}

test('lesson 10 played with pauses, steps, speed changes and a seek back shows the CLI report\'s numbers', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  const { document, report } = lesson('queues-and-back-pressure');
  await openLesson(page, 'queues-and-back-pressure');

  // Paced in real time for a few seconds (well before the first narration pause, at 12 s), paused, stepped.
  await page.getByRole('radio', { name: '1×', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await liveState(page)).timeMs, { timeout: 20_000 }).toBeGreaterThan(2_000);
  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await liveState(page)).playing).toBe(false);
  const paused = (await liveState(page)).timeMs;
  expect(paused).toBeLessThan(12_000);
  const step = page.getByRole('button', { name: /^Step 0\.1 s/ });
  for (let i = 0; i < 3; i++) await step.click();
  await expect.poll(async () => (await liveState(page)).timeMs).toBeCloseTo(paused + 300, 6);

  // Max speed through the narration pauses to the end, then back to the middle and on to the end again.
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await playToEnd(page);
  const bar = (await page.getByTestId('live-timeline').boundingBox())!;
  // A little before the middle: the lesson's 30 s event has its marker right in the middle.
  await page.mouse.click(bar.x + bar.width * 0.45, bar.y + bar.height / 2);
  await expect.poll(async () => liveState(page)).toMatchObject({ ended: false, reported: false });
  const middle = (await liveState(page)).timeMs;
  expect(middle).toBeGreaterThan(20_000);
  expect(middle).toBeLessThan(40_000);
  await page.getByRole('radio', { name: '100×', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await liveState(page)).timeMs, { timeout: 20_000 }).toBeGreaterThan(middle + 2_000);
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await playToEnd(page);

  // The engine's report in the page is the CLI's (wallMs aside).
  const shown = await page.evaluate(() => {
    const model = (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model;
    const column = (name: string) => Array.from(model.metrics.columns[name].slice(0, model.metrics.length), (v) => (Number.isNaN(v) ? null : v));
    return {
      report: model.report,
      timeline: { sent: column('sent'), ok: column('ok'), failed: column('failed'), p50: column('p50'), p99: column('p99') },
      jobsFill: Array.from(model.queueFill.values[model.nodeIds.indexOf('jobs')]),
    };
  });
  const { wallMs: _pageWall, ...pageReport } = shown.report!;
  const { wallMs: _cliWall, ...cliReport } = report;
  expect(pageReport).toEqual(cliReport);

  // Charts: each second's requests, ok, failed, p50 and p99 are the report's timeline row.
  expect(report.timeline.map(({ t }) => [t, shown.timeline.sent[t], shown.timeline.ok[t], shown.timeline.failed[t], shown.timeline.p50[t], shown.timeline.p99[t]])).toEqual(
    report.timeline.map(({ t, sent, ok, failed, p50, p99 }) => [t, sent, ok, failed, p50, p99]),
  );
  // The queue fill chart is the queue the report measured: its seconds average to the report's mean depth.
  const capacity = (document.nodes.jobs.config as { capacity: number }).capacity;
  expect(shown.jobsFill).toHaveLength(report.timeline.length);
  expect((shown.jobsFill.reduce((sum, fill) => sum + fill, 0) * capacity) / shown.jobsFill.length).toBeCloseTo(report.nodes.jobs.meanQueue as number, 1);

  // Checks panel: each verdict and value is the report's.
  await page.getByRole('tab', { name: 'Checks' }).click();
  for (const [i, check] of document.checks.entries()) {
    const row = page.getByTestId(`check-${report.checks[i].id}`);
    await expect(row.locator('.live-check-actual')).toHaveText(formatActual(check.metric, report.checks[i].actual, check));
    await expect(row.getByLabel(report.checks[i].pass ? 'pass' : 'fail', { exact: true })).toBeVisible();
    await expect(row.locator('.live-check-source')).toHaveText('final');
  }

  // The inspector's "Whole run" lines are the report's nodes.
  for (const id of ['app', 'jobs', 'workers', 'db']) {
    const centre = await nodeCentre(page, id);
    await page.mouse.click(centre.x, centre.y);
    const lines = page.getByTestId('node-live-report');
    await expect(lines).toBeVisible();
    for (const key of ['arrivals', 'completed', 'rejected', 'utilization', 'meanQueue', 'maxQueue', 'downS', 'keys']) {
      const value = report.nodes[id][key];
      if (typeof value !== 'number') continue;
      await expect(lines.getByTestId(`node-report-${key}`), `${id} ${key}`).toHaveText(reportFieldText(key, value));
    }
  }

  // The event log lists every scenario event once, at its time (health-check marks aside).
  await page.getByRole('tab', { name: 'Event log' }).click();
  const logged = await page.locator('.live-log-row:not([data-category="health"]) .live-log-time').allInnerTexts();
  expect(logged).toEqual(document.scenario.map((event) => formatSimTime(event.atS * 1000)));
  expect(problems).toEqual([]);
});

test('lesson 1 ends, the health-check interval is set to 250 ms as its narration says, and Play replays the edited design: the CLI\'s numbers for the edited file', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  await openLesson(page, 'load-balancing-and-health-checks');
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await playToEnd(page);
  const first = (await page.evaluate(() => (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model.report)) as Report;

  const lb = await nodeCentre(page, 'lb');
  await page.mouse.click(lb.x, lb.y);
  const interval = page.locator('input[data-field="healthCheck.intervalMs"]');
  await typeInto(interval, '250');
  await interval.press('Tab');
  const edited = loadDocument(await documentText(page));
  if (!edited.ok) throw new Error('the edited lesson does not load');
  expect(edited.document.nodes.lb.config).toMatchObject({ healthCheck: { intervalMs: 250 } });
  const expected = JSON.parse(reportToJson(new Simulation(edited.document).finish())) as Report;

  await page.getByTestId('live-play').click();
  await expect.poll(async () => (await liveState(page)).reported, { timeout: 15_000 }).toBe(false);
  await playToEnd(page);
  const { wallMs: _pageWall, ...replay } = (await page.evaluate(() => (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model.report)) as Report;
  const { wallMs: _cliWall, ...cli } = expected;
  expect(replay).toEqual(cli);
  // Probes four times as often find the crashed server sooner: fewer requests lost than before.
  expect((replay.requests as { dropped: number }).dropped).toBeLessThan((first.requests as { dropped: number }).dropped);
  await expect(page.getByTestId('live-caption')).toContainText(`(${(cli.requests as { dropped: number }).dropped.toLocaleString('en-US')} dropped)`);
  expect(problems).toEqual([]);
});

test('End on the timeline ends lesson 1 at once: the checks are the CLI report\'s, final, as playing to the end gives', async ({ page }) => {
  const problems = watchForProblems(page);
  const { document, report } = lesson('load-balancing-and-health-checks');
  await openLesson(page, 'load-balancing-and-health-checks');
  const timeline = page.getByTestId('live-timeline');
  await timeline.focus();
  await expect(timeline).toBeFocused();
  await page.keyboard.press('End');
  await expect.poll(async () => liveState(page)).toMatchObject({ timeMs: 45_000, ended: true, reported: true });
  await page.getByRole('tab', { name: 'Checks' }).click();
  for (const [i, check] of document.checks.entries()) {
    const row = page.getByTestId(`check-${report.checks[i].id}`);
    await expect(row.locator('.live-check-actual')).toHaveText(formatActual(check.metric, report.checks[i].actual, check));
    await expect(row.locator('.live-check-source')).toHaveText('final');
  }
  await expect(page.getByTestId('live-caption')).toContainText('Run finished');
  expect(problems).toEqual([]);
});

test('lesson 14 says "count the stale reads": the checks panel counts them, so far at that pause and the report\'s at the end', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  const { document, report } = lesson('reverse-proxy');
  const countsAt = (timeMs: number) => {
    const simulation = new Simulation(document);
    simulation.runUntil(timeMs);
    const { staleReads, lostWrites, sessionsLost } = simulation.world.consistency;
    return `${staleReads.toLocaleString('en-US')} stale reads · ${lostWrites} lost writes · ${sessionsLost} sessions lost`;
  };
  await openLesson(page, 'reverse-proxy');
  await page.getByRole('tab', { name: 'Checks' }).click();
  await expect(page.getByTestId('live-consistency')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await page.getByTestId('live-play').click();
  await expect.poll(async () => liveState(page), { timeout: 30_000 }).toMatchObject({ timeMs: 20_000, playing: false });
  await page.getByRole('button', { name: /continue/i }).click();
  await expect.poll(async () => liveState(page), { timeout: 30_000 }).toMatchObject({ timeMs: 40_000, playing: false });
  await expect(page.getByTestId('live-caption')).toContainText('count the stale reads');
  const line = page.getByTestId('live-consistency');
  await expect(line.locator('.live-consistency-counts')).toHaveText(countsAt(40_000));
  await expect(line.locator('.live-check-source')).toHaveText('so far');
  await playToEnd(page);
  const { staleReads, lostWrites, sessionsLost } = report.consistency as Record<string, number>;
  expect(staleReads).toBeGreaterThan(1000);
  await expect(line.locator('.live-consistency-counts')).toHaveText(`${staleReads.toLocaleString('en-US')} stale reads · ${lostWrites} lost writes · ${sessionsLost} sessions lost`);
  await expect(line.locator('.live-check-source')).toHaveText('final');
  expect(problems).toEqual([]);
});

test('lesson 12 with app1\'s mean time between failures set to 20 s before Play gives the CLI\'s report of the edited file', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  await openLesson(page, 'availability-in-numbers');
  const app1 = await nodeCentre(page, 'app1');
  await page.mouse.click(app1.x, app1.y);
  const mtbf = page.locator('input[data-field="mtbfS"]');
  await typeInto(mtbf, '20');
  await mtbf.press('Tab');
  const edited = loadDocument(await documentText(page));
  if (!edited.ok) throw new Error('the edited lesson does not load');
  expect(edited.document.nodes.app1.config).toMatchObject({ mtbfS: 20 });
  const { wallMs: _cliWall, ...cli } = JSON.parse(reportToJson(new Simulation(edited.document).finish())) as Report;

  await page.getByRole('radio', { name: 'Max', exact: true }).click();
  await playToEnd(page);
  const { wallMs: _pageWall, ...played } = (await page.evaluate(() => (window as unknown as { __faultlineLive: Live }).__faultlineLive.controller.model.report)) as Report;
  expect(played).toEqual(cli);
  expect(problems).toEqual([]);
});
