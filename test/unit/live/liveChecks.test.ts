import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import { Simulation } from '../../../shared/sim/simulation';
import { LiveChecks } from '../../../shared/sim/session/liveChecks';
import { recentHitRatios } from '../../../shared/sim/session/hitRatios';
import { NODE_ROW_VALUES, nodeRowFloats, nodeRows } from '../../../shared/sim/session/nodeRows';
import { metricRows } from '../../../shared/sim/session/metricRows';
import { METRIC_ROW_FLOATS } from '../../../shared/sim/session/protocol';
import { makeDocument } from '../sim/helpers/documents';
import { lessonDocument } from '../lessons/helpers';

function classicStack() {
  const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the default sandbox does not load');
  return loaded.document;
}

describe('LiveChecks', () => {
  it('measures availability over settled seconds, agreeing with the metric rows, and shows the crash', () => {
    const document = classicStack();
    const availability = document.checks.findIndex((check) => check.metric === 'availability');
    const sim = new Simulation(document);
    const live = new LiveChecks(sim, document);
    expect(Number.isNaN(live.sample().checkActual[availability])).toBe(true);

    sim.runUntil(19_000);
    const before = live.sample();
    // Nothing has failed before the crash at 20 s.
    expect(before.checkActual[availability]).toBe(1);
    expect(before.checkPass[availability]).toBe(1);

    sim.runUntil(30_000);
    const after = live.sample();
    const settled = Math.floor((sim.now - sim.world.maxRequestLifetimeMs) / 1000);
    const rows = metricRows(sim.world.metrics, 0, settled);
    let sent = 0;
    let ok = 0;
    for (let o = 0; o < rows.length; o += METRIC_ROW_FLOATS) {
      sent += rows[o + 1];
      ok += rows[o + 2];
    }
    expect(after.checkActual[availability]).toBeCloseTo(ok / sent, 12);
    // app2 takes a third of the lb's traffic for ~3 s before it is marked down: some requests fail.
    expect(after.checkActual[availability]).toBeLessThan(1);
  });

  it("follows a queue's depth up to now (lesson 10): the check reads what the CLI measures up to that moment", () => {
    const document = lessonDocument('queues-and-back-pressure');
    const fills = document.checks.findIndex((check) => check.id === 'fills');
    const sim = new Simulation(document);
    const live = new LiveChecks(sim, document);
    for (const nowS of [5, 12]) {
      sim.runUntil(nowS * 1000);
      // The CLI's figure for the same seconds: the check narrowed to [0, now).
      const upToNow = structuredClone(document);
      upToNow.checks = [{ ...document.checks[fills], toS: nowS }];
      const cli = new Simulation(upToNow).finish().checks[0].actual!;
      // A depth waits on no request's outcome: it lagged the seconds still settling (1–2 s behind).
      expect([nowS, live.sample().checkActual[fills]]).toEqual([nowS, cli]);
    }
  });

  it('measures nothing for a check whose window has not begun among the settled seconds', () => {
    const document = classicStack();
    document.checks = [
      { id: 'staleLater', metric: 'staleReads', op: '<=', value: 0, fromS: 20, toS: 40 },
      { id: 'throughputLater', metric: 'throughput', op: '>=', value: 1, fromS: 20 },
      { id: 'staleNow', metric: 'staleReads', op: '<=', value: 0 },
    ];
    const sim = new Simulation(document);
    const live = new LiveChecks(sim, document);
    sim.runUntil(10_000);
    const early = live.sample();
    // Counted over an empty window, the stale reads would read 0 and pass: not measured yet instead.
    expect(Number.isNaN(early.checkActual[0])).toBe(true);
    expect(Number.isNaN(early.checkActual[1])).toBe(true);
    // The same metric over a window that has begun is measured (the replicas are asynchronous).
    expect(early.checkActual[2]).toBeGreaterThan(0);
    sim.runUntil(25_000);
    const begun = live.sample();
    expect(Number.isNaN(begun.checkActual[0])).toBe(false);
    expect(begun.checkActual[1]).toBeGreaterThan(1);
    expect(begun.checkPass[1]).toBe(1);
  });

  it('counts stale reads, lost writes and lost sessions up to now, as the Consistency line beside them does', () => {
    // Lesson 13 paused at 20 s showed "1,274 sessions lost so far" over a check (sessions lost
    // until 20 s) reading 1,130 "so far": the check counted only the settled seconds. A count
    // only grows as requests finish, so counting up to now cannot misjudge in-flight requests.
    const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/lessons/13-sessions-and-clones.faultline', import.meta.url), 'utf8'));
    if (!loaded.ok) throw new Error('lesson 13 does not load');
    const document = loaded.document;
    const lostUntil20 = document.checks.findIndex((check) => check.metric === 'sessionsLost' && check.toS === 20);
    const lostFrom40 = document.checks.findIndex((check) => check.metric === 'sessionsLost' && check.fromS === 40);
    const sim = new Simulation(document);
    const live = new LiveChecks(sim, document);
    sim.runUntil(20_000);
    const at20 = live.sample();
    expect(sim.world.consistency.sessionsLost).toBeGreaterThan(500);
    expect(at20.checkActual[lostUntil20]).toBe(sim.world.consistency.sessionsLost);
    expect(at20.checkPass[lostUntil20]).toBe(1);
    // A window that has not begun is still not measured.
    expect(Number.isNaN(at20.checkActual[lostFrom40])).toBe(true);
    // app2 crashes at 40 s; its users lose their sessions once the load balancer moves them.
    sim.runUntil(40_000);
    const lostBefore40 = sim.world.consistency.sessionsLost;
    sim.runUntil(46_000);
    const lostSince40 = sim.world.consistency.sessionsLost - lostBefore40;
    expect(lostSince40).toBeGreaterThan(0);
    expect(live.sample().checkActual[lostFrom40]).toBe(lostSince40);
  });

  it('a count counted up to now is final once it crosses its bound, before its window has settled', () => {
    const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/lessons/13-sessions-and-clones.faultline', import.meta.url), 'utf8'));
    if (!loaded.ok) throw new Error('lesson 13 does not load');
    const document = loaded.document;
    const roundRobinLoses = document.checks.findIndex((check) => check.id === 'round-robin-loses'); // sessionsLost > 500 until 20 s
    const sim = new Simulation(document);
    const live = new LiveChecks(sim, document);
    let crossedAtMs = -1;
    for (let timeMs = 500; timeMs <= 20_000 && crossedAtMs < 0; timeMs += 500) {
      sim.runUntil(timeMs);
      if (sim.world.consistency.sessionsLost > 500) crossedAtMs = timeMs;
    }
    expect(crossedAtMs).toBeGreaterThan(0);
    const sample = live.sample();
    expect(sample.checkPass[roundRobinLoses]).toBe(1);
    // Sessions lost only ever add up: past 500 now, past 500 at 20 s whatever comes.
    expect(sample.checkFinal[roundRobinLoses]).toBe(1);
  });

  it('says which verdicts are final: lesson 10\'s "queue reaches its capacity" is pending until it happens, then final long before its window ends', () => {
    const document = lessonDocument('queues-and-back-pressure');
    const index = (id: string) => document.checks.findIndex((check) => check.id === id);
    const sim = new Simulation(document);
    const live = new LiveChecks(sim, document);
    const sampleAt = (timeMs: number) => {
      sim.runUntil(timeMs);
      return live.sample();
    };

    const early = sampleAt(8_000);
    // The queue has not reached 1,900 yet: failing so far, but it can still pass.
    expect(early.checkPass[index('fills')]).toBe(0);
    expect(early.checkFinal[index('fills')]).toBe(0);
    // "Absorbs the burst" (availability ≥ 99% until 15 s) passes so far; its window is open.
    expect(early.checkPass[index('absorbs')]).toBe(1);
    expect(early.checkFinal[index('absorbs')]).toBe(0);

    const full = sampleAt(25_000);
    // Full at about 17 s: a maximum that reached its bound stays there, whatever the last 35 s do.
    expect(full.checkActual[index('fills')]).toBeGreaterThanOrEqual(1900);
    expect(full.checkPass[index('fills')]).toBe(1);
    expect(full.checkFinal[index('fills')]).toBe(1);
    // Every request sent before 15 s has finished: that window is closed, its verdict the report's.
    expect(full.checkFinal[index('absorbs')]).toBe(1);
    // An error rate over 20–30 s still open can move either way.
    expect(full.checkFinal[index('pushes-back')]).toBe(0);

    sim.runUntil(60_000);
    const report = sim.finish();
    for (const id of ['fills', 'absorbs']) expect(report.checks[index(id)].pass, id).toBe(full.checkPass[index(id)] === 1);
  });

  it('splits each metric row\'s failures by outcome; finished failures never exceed sent − ok', () => {
    const document = classicStack();
    const sim = new Simulation(document);
    sim.runUntil(30_000);
    const rows = metricRows(sim.world.metrics, 0, 25);
    let failedAfterCrash = 0;
    for (let o = 0; o < rows.length; o += METRIC_ROW_FLOATS) {
      const [, sent, ok, failed, , , , error, timeout, rejected, dropped] = rows.subarray(o, o + METRIC_ROW_FLOATS);
      expect(failed).toBe(sent - ok);
      expect(error + timeout + rejected + dropped).toBeLessThanOrEqual(failed);
      if (rows[o] >= 20) failedAfterCrash += error + timeout + rejected + dropped;
    }
    expect(failedAfterCrash).toBeGreaterThan(0);
  });
});

describe('recentHitRatios', () => {
  it('reports the cache and CDN hit ratios of the last two seconds and NaN for other kinds', () => {
    const document = classicStack();
    const sim = new Simulation(document);
    sim.runUntil(10_500);
    const ratios = recentHitRatios(sim);
    const ids = sim.world.nodeIds;
    for (const kind of ['cache', 'cdn']) {
      const i = ids.indexOf(kind);
      const expected = sim.world.models[i].hitRatioIn!(9, 11)!;
      expect(ratios[i]).toBeCloseTo(expected, 6);
      expect(ratios[i]).toBeGreaterThan(0);
    }
    expect(Number.isNaN(ratios[ids.indexOf('app1')])).toBe(true);
  });
});

describe('nodeRows', () => {
  it('per-second utilization averages to the report\'s utilization, and hit ratios match the cache\'s own', () => {
    const document = classicStack();
    const sim = new Simulation(document);
    sim.runUntil(60_000);
    const ids = sim.world.nodeIds;
    const rows = nodeRows(sim, 0, 60);
    const stride = nodeRowFloats(ids.length);
    expect(rows.length).toBe(60 * stride);
    const app1 = ids.indexOf('app1');
    const cache = ids.indexOf('cache');
    let sum = 0;
    for (let t = 0; t < 60; t++) {
      const o = t * stride;
      expect(rows[o]).toBe(t);
      sum += rows[o + 1 + app1 * NODE_ROW_VALUES];
      const expected = sim.world.models[cache].hitRatioIn!(t, t + 1);
      const actual = rows[o + 2 + cache * NODE_ROW_VALUES];
      if (expected === null) expect(Number.isNaN(actual)).toBe(true);
      else expect(actual).toBeCloseTo(expected, 12);
    }
    const report = sim.finish();
    // Capacity is the same every second (no config change), so the mean of per-second ratios is the run's ratio.
    expect(sum / 60).toBeCloseTo(report.nodes.app1.utilization, 6);
  });

  it('the queue fill of the second still under way is averaged over the part of it that has run', () => {
    // Ten times more requests than one worker serves: from the first milliseconds on the queue of
    // 5 holds 4 or 5 (one leaves every 10 ms, the next arrival fills the place within about 1 ms),
    // so its time-averaged fill is ≈ 0.98 over any stretch after that, a part of a second too.
    const sim = new Simulation(
      makeDocument({
        seed: 3,
        durationS: 20,
        nodes: [
          { id: 'users', kind: 'client', config: { rps: 1000, writeRatio: 0, timeoutMs: 600_000 } },
          { id: 'server', kind: 'app', config: { workers: 1, queueLimit: 5, serviceMs: { dist: 'const', mean: 10 } } },
        ],
        links: [{ from: 'users', to: 'server', latencyMs: 0 }],
      }),
    );
    sim.runUntil(12_300);
    const server = sim.world.nodeIds.indexOf('server');
    const whole = nodeRows(sim, 11, 12);
    const underWay = nodeRows(sim, 12, 13);
    expect(whole[1 + server * NODE_ROW_VALUES + 2]).toBeGreaterThan(0.95);
    expect(underWay[1 + server * NODE_ROW_VALUES + 2]).toBeGreaterThan(0.95);
  });

  it('a queue\'s fill in a second before its capacity was raised is against the capacity then', () => {
    const document = lessonDocument('queues-and-back-pressure');
    const sim = new Simulation(document);
    const queue = sim.world.nodeIds.indexOf('jobs');
    const fill = (rows: Float64Array, t: number) => rows[t * nodeRowFloats(sim.world.nodeIds.length) + 3 + queue * NODE_ROW_VALUES];
    sim.runUntil(22_000);
    const before = nodeRows(sim, 0, 22);
    // Full at its 2,000 from about 17 s.
    expect(fill(before, 19)).toBeGreaterThan(0.97);
    // Twice the room from 22.5 s on: the second it changed in is measured against each in turn.
    sim.runUntil(22_500);
    sim.setNodeConfig('jobs', { capacity: 4000 });
    sim.runUntil(26_000);
    const after = nodeRows(sim, 0, 26);
    for (let t = 0; t < 22; t++) expect(fill(after, t), `second ${t}`).toBeCloseTo(fill(before, t), 9);
    const station = sim.world.models[queue].station!;
    expect(fill(after, 22)).toBeCloseTo(station.queueMs.sum(22, 23) / (2000 * 500 + 4000 * 500), 9);
  });
});
