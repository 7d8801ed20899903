import { describe, expect, it } from 'vitest';
import { saveDocument } from '../../../shared/model';
import { reportToJson } from '../../../shared/sim/report';
import { Simulation } from '../../../shared/sim/simulation';
import type { Frame } from '../../../shared/sim/session/protocol';
import type { EngineEvent } from '../../../renderer/engine/engineClient';
import { LiveModel } from '../../../renderer/live/liveModel';
import { lessonDocument } from '../lessons/helpers';
import { createHarness } from './harness';

/**
 * The same lesson played two ways — straight through at Max speed, and the way a class does it
 * (paced, paused, stepped, sped up, sought back to the middle and played on) — must leave the live
 * view with the same numbers, and both with the CLI's report: the session's frames are fed to the
 * renderer's LiveModel, whose per-second series are what the charts draw.
 */
type Harness = ReturnType<typeof createHarness>;

function session(documentText: string) {
  const h = createHarness(0.05);
  const model = new LiveModel();
  let delivered = 0;
  /** Hands the model what the session posted since last time, as the engine client does. */
  const deliver = () => {
    for (; delivered < h.messages.length; delivered++) {
      const message = h.messages[delivered];
      if (message.type === 'frame') model.applyFrame(message as Frame);
      else if (message.type !== 'heartbeat') model.applyEvent(message as EngineEvent);
    }
  };
  h.session.handle({ type: 'load', documentText });
  deliver();
  return { h, model, deliver };
}

/** Runs scheduled turns until playing stops by itself (a narration pause or the end) or the real clock reaches `untilRealMs`. */
function runTurns({ h, deliver }: { h: Harness; deliver: () => void }, untilRealMs = Number.POSITIVE_INFINITY): void {
  while (h.clock.time < untilRealMs && h.scheduler.runNext()) deliver();
  deliver();
}

/** Presses play (or "continue" at a narration pause) until the run has ended. */
function playToEnd(run: ReturnType<typeof session>): void {
  for (let presses = 0; !run.h.lastFrame().ended; presses++) {
    if (presses > 50) throw new Error('the run never ended');
    run.h.session.handle({ type: 'play' });
    runTurns(run);
  }
}

function straight(documentText: string): LiveModel {
  const run = session(documentText);
  run.h.session.handle({ type: 'speed', speed: 'max' });
  playToEnd(run);
  return run.model;
}

function winding(documentText: string): LiveModel {
  const run = session(documentText);
  const { h } = run;
  const command = (message: Record<string, unknown>) => {
    h.session.handle(message);
    run.deliver();
  };
  command({ type: 'speed', speed: 7 });
  command({ type: 'play' });
  runTurns(run, 900);
  command({ type: 'pause' });
  for (const deltaMs of [100, 333.3, 1000, 17]) command({ type: 'step', deltaMs });
  command({ type: 'speed', speed: 'max' });
  command({ type: 'play' });
  runTurns(run); // to the first narration pause
  expect(run.model.frame!.ended).toBe(false);
  playToEnd(run);
  // Back to the middle (re-simulated from 0 s), on at 10× for a while, then Max to the end.
  command({ type: 'seek', timeMs: run.model.durationMs / 2 });
  expect(run.model.report).toBeNull();
  command({ type: 'speed', speed: 10 });
  command({ type: 'play' });
  runTurns(run, h.clock.time + 700);
  command({ type: 'speed', speed: 'max' });
  playToEnd(run);
  return run.model;
}

/** What the live view shows at the end, in plain arrays (NaN as null) so runs compare exactly. */
function shown(model: LiveModel) {
  const plain = (values: ArrayLike<number>) => Array.from(values, (value) => (Number.isNaN(value) ? null : value));
  return {
    metrics: Object.fromEntries(Object.entries(model.metrics.columns).map(([name, column]) => [name, plain(column)])),
    utilization: model.utilization.values.map(plain),
    hitRatio: model.hitRatio.values.map(plain),
    queueFill: model.queueFill.values.map(plain),
    log: model.log.map((entry) => [entry.timeMs, entry.text]),
    consistency: Array.from(model.frame!.consistency),
    report: model.report,
  };
}

describe('live view and CLI agree, however the run was played', () => {
  for (const lesson of ['queues-and-back-pressure', 'failover-and-lost-writes', 'load-balancing-and-health-checks']) {
    it(`${lesson}: a straight Max-speed run and a paced, stepped, sought-back one show the same numbers as the report`, () => {
      const document = lessonDocument(lesson);
      const text = saveDocument(document);
      const headless = JSON.parse(reportToJson(new Simulation(document).finish())) as Record<string, unknown>;
      const { wallMs: _wall, ...expected } = headless;

      const plain = shown(straight(text));
      const wound = shown(winding(text));
      expect(wound).toEqual(plain);

      const { wallMs: _liveWall, ...report } = plain.report!;
      expect(report).toEqual(expected);
      // The last frame's consistency counts (the checks panel's line) are the report's.
      const { staleReads, lostWrites, sessionsLost } = expected.consistency as Record<string, number>;
      expect(plain.consistency).toEqual([staleReads, lostWrites, sessionsLost]);
      // The charts' per-second rows are the report's timeline.
      const timeline = expected.timeline as { t: number; sent: number; ok: number; failed: number; p50: number | null; p99: number | null }[];
      expect(timeline.map(({ t }) => [t, plain.metrics.sent[t], plain.metrics.ok[t], plain.metrics.failed[t], plain.metrics.p50[t], plain.metrics.p99[t]])).toEqual(timeline.map(({ t, sent, ok, failed, p50, p99 }) => [t, sent, ok, failed, p50, p99]));
    });
  }

  it('the queue fill chart of lesson 10 is the queue the report measured: its per-second mean depth averages to the report\'s meanQueue', () => {
    const document = lessonDocument('queues-and-back-pressure');
    const model = straight(saveDocument(document));
    const jobs = model.nodeIds.indexOf('jobs');
    const capacity = (document.nodes.jobs.config as { capacity: number }).capacity;
    const fill = Array.from(model.queueFill.values[jobs]);
    expect(fill.every(Number.isFinite)).toBe(true);
    const meanDepth = (fill.reduce((sum, value) => sum + value, 0) * capacity) / fill.length;
    const line = (model.report!.nodes as Record<string, { meanQueue: number; maxQueue: number }>).jobs;
    expect(meanDepth).toBeCloseTo(line.meanQueue, 2);
    // A second's mean is never above the deepest the queue got; once it is full (17 s on) the chart says so.
    expect(Math.max(...fill) * capacity).toBeLessThanOrEqual(line.maxQueue);
    expect(fill.slice(18, 30).every((value) => value > 0.99)).toBe(true);
  });
});
