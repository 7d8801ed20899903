import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadDocument, saveDocument } from '../../shared/model';
import type { ScenarioEvent } from '../../shared/model/types';
import { reportToJson } from '../../shared/sim/report';
import { Simulation } from '../../shared/sim/simulation';
import type { EngineDebugHandle } from '../../renderer/engine/engineDebugHandle';

/*
 * The web edition's engine for real: the shared session in a Web Worker, behind the supervisor,
 * driven through the renderer's EngineClient (exposed by ?engine-debug=1 until the live view
 * exists). Frames are validated by the client exactly as the app receives them.
 */
const exampleText = readFileSync(new URL('../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8');

type Win = Window & { __faultlineEngineDebug: EngineDebugHandle };

async function openEngine(page: Page): Promise<void> {
  await page.goto('/?engine-debug=1');
  await page.waitForFunction(() => (window as unknown as Win).__faultlineEngineDebug?.client.status.state === 'ready');
}

/** Waits for a paused frame at `timeMs` received after `after` frames. */
async function pausedFrameAt(page: Page, timeMs: number, after = 0): Promise<void> {
  await page.waitForFunction(
    ({ timeMs, after }) => (window as unknown as Win).__faultlineEngineDebug.frames.slice(after).some((f) => f.timeMs === timeMs && !f.playing),
    { timeMs, after },
  );
}

const frameCount = (page: Page) => page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.frames.length);

test.describe('web edition engine (Web Worker)', () => {
  test('round-trips the protocol and streams typed-array frames while playing', async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await openEngine(page);
    await page.evaluate((text) => (window as unknown as Win).__faultlineEngineDebug.client.load(text), exampleText);
    await pausedFrameAt(page, 0);
    const loaded = await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.events.find((e) => e.type === 'loaded'));
    expect(loaded).toMatchObject({ type: 'loaded', durationMs: 60_000 });
    const before = await frameCount(page);
    await page.evaluate(() => {
      const { client } = (window as unknown as Win).__faultlineEngineDebug;
      client.setSpeed(2);
      client.play();
    });
    await page.waitForFunction((n) => (window as unknown as Win).__faultlineEngineDebug.frames.length > n + 30, before);
    await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.client.pause());
    const frames = await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.frames);
    const playing = frames.filter((f) => f.playing);
    expect(playing.length).toBeGreaterThanOrEqual(30); // all but the paused frame answering setSpeed
    expect(playing.every((f) => f.typedArrays && f.nodeStatus.length === 12)).toBe(true);
    expect(playing.some((f) => f.packetCount > 0)).toBe(true);
    // Simulated time only moves forward while playing.
    for (let i = 1; i < playing.length; i++) expect(playing[i].timeMs).toBeGreaterThanOrEqual(playing[i - 1].timeMs);
    expect(await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.client.rejectedMessages)).toBe(0);
    expect(problems).toEqual([]);
  });

  test('seeking equals playing, and a run with injected faults replays identically headless', async ({ page }) => {
    await openEngine(page);
    await page.evaluate((text) => (window as unknown as Win).__faultlineEngineDebug.client.load(text), exampleText);
    await pausedFrameAt(page, 0);
    let mark = await frameCount(page);
    await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.client.step(7_000));
    await pausedFrameAt(page, 7_000, mark);
    const played = await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.frames.at(-1)!);
    mark = await frameCount(page);
    await page.evaluate(() => {
      const { client } = (window as unknown as Win).__faultlineEngineDebug;
      client.seek(30_000);
      client.seek(7_000);
    });
    await pausedFrameAt(page, 7_000, mark);
    const sought = await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.frames.at(-1)!);
    expect(sought).toEqual(played);

    mark = await frameCount(page);
    await page.evaluate(() => {
      const { client } = (window as unknown as Win).__faultlineEngineDebug;
      client.inject({ action: 'crash', target: 'app1', note: 'pulled the plug' });
      client.setSpeed('max');
      client.play();
    });
    await pausedFrameAt(page, 20_000, mark); // the sandbox's own pause: true event
    await page.evaluate(() => {
      const { client } = (window as unknown as Win).__faultlineEngineDebug;
      client.inject({ action: 'restart', target: 'app1' });
      client.play();
    });
    await page.waitForFunction(() => (window as unknown as Win).__faultlineEngineDebug.events.some((e) => e.type === 'finished'));
    const { report, injected } = await page.evaluate(() => {
      const { events } = (window as unknown as Win).__faultlineEngineDebug;
      const finished = events.find((e) => e.type === 'finished') as { report: unknown };
      return { report: finished.report, injected: events.filter((e) => e.type === 'injected').map((e) => (e as { event: unknown }).event) };
    });
    expect((injected as ScenarioEvent[]).map((e) => [e.action, e.target])).toEqual([
      ['crash', 'app1'],
      ['restart', 'app1'],
    ]);
    const doc = loadDocument(exampleText);
    if (!doc.ok) throw new Error('example');
    const replayDoc = loadDocument(saveDocument({ ...doc.document, scenario: [...doc.document.scenario, ...(injected as ScenarioEvent[])] }));
    if (!replayDoc.ok) throw new Error(replayDoc.errors[0].message);
    expect(report).toEqual(JSON.parse(reportToJson(new Simulation(replayDoc.document).finish())));
  });

  test('recovers from a crash and from a hang, reloading the document where it was', async ({ page }) => {
    await openEngine(page);
    await page.evaluate((text) => (window as unknown as Win).__faultlineEngineDebug.client.load(text), exampleText);
    await pausedFrameAt(page, 0);
    let mark = await frameCount(page);
    await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.client.step(4_000));
    await pausedFrameAt(page, 4_000, mark);
    const before = await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.frames.at(-1)!);

    mark = await frameCount(page);
    await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.debug('crash'));
    await pausedFrameAt(page, 4_000, mark);
    let statuses = await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.statuses);
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'ready', 'restarting', 'ready']);
    expect(statuses[2].message).toMatch(/simulated engine crash/);
    expect(statuses[3].message).toMatch(/reloaded at 4\.0 s/);
    expect(await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.frames.at(-1)!)).toEqual(before);

    // A hang sends nothing at all; the supervisor notices the missing heartbeats (5 s) and replaces the worker.
    mark = await frameCount(page);
    await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.debug('hang'));
    await page.waitForFunction(() => (window as unknown as Win).__faultlineEngineDebug.statuses.length === 6, undefined, { timeout: 30_000 });
    statuses = await page.evaluate(() => (window as unknown as Win).__faultlineEngineDebug.statuses);
    expect(statuses[4]).toMatchObject({ state: 'restarting' });
    expect(statuses[4].message).toMatch(/stopped responding/);
    expect(statuses[5]).toMatchObject({ state: 'ready' });
    await pausedFrameAt(page, 4_000, mark);
  });
});
