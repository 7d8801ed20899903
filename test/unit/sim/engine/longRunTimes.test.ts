import { describe, expect, it, vi } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { reportToJson } from '../../../../shared/sim/report';
import { ResponseCache } from '../../../../shared/sim/nodes/proxy/responseCache';
import { collectPackets } from '../../../../shared/sim/session/packets';
import { PACKET_FLOATS } from '../../../../shared/sim/session/protocol';
import { CallTable, EPOCH_STEP_MS } from '../../../../shared/sim/engine/callTable';
import { makeDocument } from '../helpers/documents';

/*
 * The call table keeps each message's send and arrival time in float32 (to keep a call at 31
 * bytes), as offsets from an epoch that follows the simulated clock (CallTable.setTimes): the
 * times read from it are exact to µs however long the run. As absolute float32 times they were
 * 8 ms apart a simulated day into a run, and every reader was off by up to 4 ms (here by 1.6,
 * 0.9 and 0.9 ms).
 *
 * Two constant-rate users, one request every 10 s each (one of them at T, a day less 10 s), all
 * service times constant, no jitter — so every time is known:
 *  - `u` → app `a1` (1.3 ms; works 0.3 ms; waits 50 ms downstream) → shard router `r` (0.9 ms)
 *    → db `d` (0.5 ms; reads take 40 ms). The router waits for the db as long as a1 still
 *    waits: 50 ms from when a1's request left it, i.e. 50 − 0.9 ms from its arrival.
 *  - `v` → proxy `p` (1.3 ms; handles 0.2 ms; caches responses for 1 s) → app `a2` (10.7 ms;
 *    works 2.9 ms). A request sent at t reaches a2 at t + 12.2, whose answer leaves at t + 15.1
 *    and is back at the proxy at t + 25.8: its cached copy is "as of" t + 15.1.
 */
const DAY_MS = 86_400_000;
/** A request of each user leaves at T, 10 s before the end of a one-day run. */
const T_MS = 86_390_000;
const TOLERANCE_MS = 0.01;

function longRun(): Simulation {
  return new Simulation(
    makeDocument({
      durationS: 86_400,
      nodes: [
        { id: 'u', kind: 'client', config: { rps: 0.1, arrival: 'constant', writeRatio: 0, timeoutMs: 10_000 } },
        { id: 'a1', kind: 'app', config: { serviceMs: 0.3, downstreamTimeoutMs: 50 } },
        { id: 'r', kind: 'shard-router', config: { serviceMs: 0.2 } },
        { id: 'd', kind: 'db', config: { readMs: 40 } },
        { id: 'v', kind: 'client', config: { rps: 0.1, arrival: 'constant', writeRatio: 0, timeoutMs: 10_000 } },
        { id: 'p', kind: 'proxy', config: { serviceMs: 0.2, cache: { capacity: 10, ttlS: 1 } } },
        { id: 'a2', kind: 'app', config: { serviceMs: 2.9 } },
      ],
      links: [
        { from: 'u', to: 'a1', latencyMs: 1.3 },
        { from: 'a1', to: 'r', latencyMs: 0.9 },
        { from: 'r', to: 'd', latencyMs: 0.5 },
        { from: 'v', to: 'p', latencyMs: 1.3 },
        { id: 'pa2', from: 'p', to: 'a2', latencyMs: 10.7 },
      ],
    }),
  );
}

interface Observed {
  /** (now − T, result) of every World.upstreamWaitMs call from T on. */
  waits: [number, number][];
  /** (now − T, asOf − T) of every proxy response-cache fill from T on. */
  fills: [number, number][];
  /** (time − T, link, position) of the messages on the wire at T + 16, 18 … 24 ms. */
  packets: [number, number, number][];
}

let observed: Observed | undefined;

/** Runs the day once (≈ 0.5 s) up to T and watches the next request of each user. */
function observe(): Observed {
  if (observed) return observed;
  const sim = longRun();
  sim.runUntil(T_MS - 1);
  const world = sim.world;
  const result: Observed = { waits: [], fills: [], packets: [] };
  const upstreamWaitMs = world.upstreamWaitMs.bind(world);
  vi.spyOn(world, 'upstreamWaitMs').mockImplementation((call, ownLimitMs) => {
    const waitMs = upstreamWaitMs(call, ownLimitMs);
    result.waits.push([world.now - T_MS, waitMs]);
    return waitMs;
  });
  const fill = ResponseCache.prototype.fill;
  vi.spyOn(ResponseCache.prototype, 'fill').mockImplementation(function (this: ResponseCache, key, nowMs, asOfMs, version, sink) {
    result.fills.push([nowMs - T_MS, asOfMs - T_MS]);
    fill.call(this, key, nowMs, asOfMs, version, sink);
  });
  for (let ms = 16; ms <= 24; ms += 2) {
    sim.runUntil(T_MS + ms);
    const { packets, count } = collectPackets(world.calls, T_MS + ms);
    for (let i = 0; i < count; i++) result.packets.push([ms, packets[i * PACKET_FLOATS], packets[i * PACKET_FLOATS + 1]]);
  }
  sim.runUntil(T_MS + 100);
  vi.restoreAllMocks();
  observed = result;
  return result;
}

describe('message times a simulated day into a run are exact to µs', () => {
  it('a shard router waits for its db exactly as long as the app that called it still waits', () => {
    // The router gets a1's request at T + 2.5 ms; a1 sent it at T + 1.6 and gives up at T + 51.6.
    const router = observe().waits.filter(([atMs]) => Math.abs(atMs - 2.5) < TOLERANCE_MS);
    expect(router).toHaveLength(1);
    expect(Math.abs(router[0][1] - (50 - 0.9))).toBeLessThanOrEqual(TOLERANCE_MS);
  });

  it("the proxy's cached response is as of when it left the app", () => {
    const { fills } = observe();
    expect(fills).toHaveLength(1);
    expect(Math.abs(fills[0][0] - 25.8)).toBeLessThanOrEqual(TOLERANCE_MS);
    expect(Math.abs(fills[0][1] - 15.1)).toBeLessThanOrEqual(TOLERANCE_MS);
  });

  it("the answer on its way back from a2 moves smoothly along the link (the live view's packets)", () => {
    // The only message on the wire at T + 16 … 24 ms: a2's answer, which left at T + 15.1 over
    // the 10.7 ms link (a response is drawn from the link's far end: position 1 − travelled).
    const { packets } = observe();
    expect(packets.map(([atMs]) => atMs)).toEqual([16, 18, 20, 22, 24]);
    for (const [atMs, link, position] of packets) {
      expect(link).toBe(4);
      expect(Math.abs(position - (1 - (atMs - 15.1) / 10.7))).toBeLessThanOrEqual(TOLERANCE_MS / 10.7);
    }
  });
});

describe('CallTable epoch', () => {
  it('moves in whole 2^16 ms steps when now gets a step past it, keeping every stored time', () => {
    const calls = new CallTable(4);
    const early = calls.alloc(-1, 0, -1, 0, 0);
    const held = calls.alloc(-1, 0, -1, 0, 0);
    const late = calls.alloc(-1, 0, -1, 0, 0);
    calls.setTimes(early, 1000, 1000.3, 1010.7);
    calls.setTimes(held, 60_000, 60_000.1, 60_000.1);
    expect(calls.epochMs).toBe(0); // the first 65.5 s: offsets are the absolute float32 times
    expect(calls.sendAtMs(early)).toBe(Math.fround(1000.3));
    calls.setTimes(held, EPOCH_STEP_MS - 0.5, 3 * EPOCH_STEP_MS + 0.1, 3 * EPOCH_STEP_MS + 0.1); // held to leave later
    expect(calls.epochMs).toBe(0);
    const now = DAY_MS + 0.123;
    calls.setTimes(late, now, now + 2.7, now + 13.4);
    expect(calls.epochMs).toBe(Math.floor(now / EPOCH_STEP_MS) * EPOCH_STEP_MS);
    expect(Math.abs(calls.sendAtMs(late) - (now + 2.7))).toBeLessThanOrEqual(0.002);
    expect(Math.abs(calls.arriveAtMs(late) - (now + 13.4))).toBeLessThanOrEqual(0.002);
    expect(calls.arriveAtMs(late) - calls.sendAtMs(late)).toBeCloseTo(10.7, 2);
    // A day from the epoch, the old messages keep their times within float32's step there (8 ms).
    expect(Math.abs(calls.sendAtMs(early) - 1000.3)).toBeLessThanOrEqual(8);
    expect(Math.abs(calls.sendAtMs(held) - (3 * EPOCH_STEP_MS + 0.1))).toBeLessThanOrEqual(8);
    // Compared with a time as stored: leaving 2.7 ms (or 10 µs) after it, it has not left; at it, it has.
    expect(calls.sendOffset[late] > calls.offsetOf(now)).toBe(true);
    expect(calls.sendOffset[late] > calls.offsetOf(now + 2.69)).toBe(true);
    expect(calls.sendOffset[late] > calls.offsetOf(now + 2.7)).toBe(false);
  });

  it('an hour from the epoch, a time is within 0.5 ms', () => {
    const calls = new CallTable(4);
    const call = calls.alloc(-1, 0, -1, 0, 0);
    const now = DAY_MS;
    calls.setTimes(call, now, now + 3_600_000.37, now + 3_600_010.37); // held to leave an hour later
    expect(Math.abs(calls.sendAtMs(call) - (now + 3_600_000.37))).toBeLessThanOrEqual(0.5);
  });
});

describe('the epoch moves with the simulation, not with how it is stepped', () => {
  // Cuts and a partition straddle the epoch's moves at 65.536 and 131.072 s, with messages held
  // at their senders (app service time) and on the wire; the live session's frames read the
  // packets between steps.
  const document = () =>
    makeDocument({
      durationS: 200,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 80, timeoutMs: 300, retries: 1 } },
        { id: 'lb', kind: 'lb' },
        { id: 'a1', kind: 'app', config: { serviceMs: { dist: 'lognormal', mean: 6 }, downstreamTimeoutMs: 40 } },
        { id: 'a2', kind: 'app', config: { serviceMs: 3 } },
        { id: 'd', kind: 'db' },
      ],
      links: [
        { from: 'c', to: 'lb', latencyMs: 7.3, jitterMs: 2 },
        { id: 'lb-a1', from: 'lb', to: 'a1', latencyMs: 0.7 },
        { from: 'lb', to: 'a2', latencyMs: 0.7 },
        { id: 'a1-d', from: 'a1', to: 'd', latencyMs: 1.1 },
        { from: 'a2', to: 'd', latencyMs: 1.1 },
      ],
      scenario: [
        { atS: 65.5363, action: 'cut', target: 'a1-d' },
        { atS: 65.6, action: 'restore', target: 'a1-d' },
        { atS: 131.0701, action: 'partition', groups: [['lb'], ['a1']] },
        { atS: 131.2, action: 'heal' },
        { atS: 150, action: 'cut', target: 'lb-a1' },
        { atS: 151, action: 'restore', target: 'lb-a1' },
      ],
    });

  it('frame-sized steps reading the packets give the same run as one call', () => {
    const whole = new Simulation(document(), { trace: true });
    const stepped = new Simulation(document(), { trace: true });
    let packets = 0;
    for (let t = 0; t <= 200_000; t += 16.7) {
      stepped.runUntil(t);
      packets += collectPackets(stepped.world.calls, t).count;
    }
    expect(reportToJson(stepped.finish())).toBe(reportToJson(whole.finish()));
    expect(stepped.fingerprint()).toBe(whole.fingerprint());
    expect(whole.world.calls.epochMs).toBe(3 * EPOCH_STEP_MS);
    expect(packets).toBeGreaterThan(10_000);
  });
});

describe('latencies longer than 35.8 minutes (2^31 µs)', () => {
  it('are measured, not clamped: a backlog growing for an hour gives request i a latency of 1 + i/2 s', () => {
    // Two requests a second into one worker that takes 1 s each: request i (sent at i/2 s) is done
    // at i + 1 s, plus 1 ms on the wire. Every one of the 8,000 finishes (the run drains).
    const report = new Simulation(
      makeDocument({
        durationS: 4000,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 2, arrival: 'constant', writeRatio: 0, timeoutMs: 10_000_000 } },
          { id: 'a', kind: 'app', config: { workers: 1, queueLimit: 100_000, serviceMs: 1000 } },
        ],
        links: [{ from: 'c', to: 'a' }],
        checks: [{ metric: 'latency.p99', op: '<', value: 2_200_000 }],
      }),
    ).finish();
    expect(report.requests.ok).toBe(8000);
    const latencyMs = (i: number) => 1000 + i * 500 + 1;
    // The mean and the maximum are exact (sums, not bins).
    expect(report.latencyMs.mean).toBe((latencyMs(0) + latencyMs(7999)) / 2);
    expect(report.latencyMs.max).toBe(latencyMs(7999));
    // Percentiles are a recorded value in the bin of the value at their rank (3 significant digits).
    expect(Math.abs(report.latencyMs.p50! - latencyMs(3999)) / latencyMs(3999)).toBeLessThan(1e-3);
    expect(Math.abs(report.latencyMs.p99! - latencyMs(7919)) / latencyMs(7919)).toBeLessThan(1e-3);
    // Clamped at 2,147,483.647 ms this check passed.
    expect(report.checks[0]).toMatchObject({ actual: report.latencyMs.p99, pass: false });
  });
});
