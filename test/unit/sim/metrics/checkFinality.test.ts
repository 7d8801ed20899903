import { describe, expect, it } from 'vitest';
import type { Check } from '../../../../shared/model/types';
import { isVerdictFinal, reachableRange, verdictKnownAtS, verdictOverRange } from '../../../../shared/sim/checkFinality';

/** A run of 60 s whose settled seconds reach 20 s: every window below is open unless it ended before 20 s. */
const MID_RUN = { settledS: 20, durationS: 60 };

function final(check: Check, actual: number, throughputFloor?: number, at = MID_RUN): boolean {
  return isVerdictFinal(check, { actual, throughputFloor }, at);
}

describe('check verdict finality', () => {
  it('a maximum that reached its bound has passed for good, one that broke its bound has failed for good', () => {
    const reaches: Check = { metric: 'queue.maxDepth', node: 'jobs', op: '>=', value: 1900 };
    expect(final(reaches, 1200)).toBe(false);
    expect(final(reaches, 1900)).toBe(true);
    expect(final({ ...reaches, op: '>' }, 1900)).toBe(false);
    const staysShort: Check = { metric: 'queue.maxDepth', node: 'jobs', op: '<=', value: 500 };
    expect(final(staysShort, 500)).toBe(false);
    expect(final(staysShort, 501)).toBe(true);
    expect(final({ ...staysShort, op: '<' }, 500)).toBe(true);
  });

  it('counts only grow: "no stale reads" fails at the first, "some sessions lost" passes at the first', () => {
    for (const metric of ['staleReads', 'lostWrites', 'sessionsLost'] as const) {
      const none: Check = { metric, op: '<=', value: 0 };
      expect(final(none, 0), metric).toBe(false);
      expect(final(none, 1), metric).toBe(true);
      const some: Check = { metric, op: '>', value: 0 };
      expect(final(some, 0), metric).toBe(false);
      expect(final(some, 3), metric).toBe(true);
    }
  });

  it('throughput passes for good once the ok requests so far make the rate over the whole window, and can fail for good only if it must stay below', () => {
    const atLeast: Check = { metric: 'throughput', op: '>=', value: 100, fromS: 0, toS: 30 };
    // 150/s over the 20 settled seconds is 3000 ok requests: 100/s over 30 s already.
    expect(final(atLeast, 150, 100)).toBe(true);
    // 120/s so far is 2400 ok, 80/s over the window: the last 10 s decide.
    expect(final(atLeast, 120, 80)).toBe(false);
    expect(final({ ...atLeast, op: '<' }, 150, 100)).toBe(true);
    expect(final({ ...atLeast, op: '<' }, 90, 60)).toBe(false);
  });

  it('a ratio or a percentile over a window still open can move either way', () => {
    expect(final({ metric: 'availability', op: '>=', value: 0.99 }, 0.5)).toBe(false);
    expect(final({ metric: 'availability', op: '>=', value: 0.99 }, 0.999)).toBe(false);
    expect(final({ metric: 'errorRate', op: '>', value: 0.3, fromS: 20, toS: 30 }, 0.9)).toBe(false);
    expect(final({ metric: 'cache.hitRatio', node: 'cache', op: '>=', value: 0.8 }, 0.1)).toBe(false);
    expect(final({ metric: 'utilization', node: 'app', op: '<=', value: 0.8 }, 0.95)).toBe(false);
    for (const metric of ['latency.mean', 'latency.p50', 'latency.p95', 'latency.p99'] as const) {
      expect(final({ metric, op: '<=', value: 200 }, 900), metric).toBe(false);
      expect(final({ metric, op: '<=', value: 200 }, 20), metric).toBe(false);
    }
  });

  it('a ratio of counts off 1 never returns to it: "availability ≥ 100%" fails at the first failure, "error rate > 0" passes at it', () => {
    expect(final({ metric: 'availability', op: '>=', value: 1 }, 1)).toBe(false);
    expect(final({ metric: 'availability', op: '>=', value: 1 }, 0.9999)).toBe(true);
    expect(final({ metric: 'errorRate', op: '<=', value: 0 }, 0)).toBe(false);
    expect(final({ metric: 'errorRate', op: '<=', value: 0 }, 0.0001)).toBe(true);
    expect(final({ metric: 'errorRate', op: '>', value: 0 }, 0.0001)).toBe(true);
    expect(final({ metric: 'cache.hitRatio', node: 'cache', op: '>', value: 0 }, 0.2)).toBe(true);
    // Utilization is a ratio of summed times, which may round back onto 1: never decided early.
    expect(final({ metric: 'utilization', node: 'app', op: '>=', value: 1 }, 0.9)).toBe(false);
  });

  it('every verdict is final once the settled seconds are past the window, and none is while they only reach its end', () => {
    const window: Check = { metric: 'availability', op: '>=', value: 0.99, toS: 15 };
    expect(final(window, 0.5, undefined, { settledS: 15, durationS: 60 })).toBe(false);
    expect(final(window, 0.5, undefined, { settledS: 16, durationS: 60 })).toBe(true);
    // A node metric's window covers the whole seconds it touches.
    const node: Check = { metric: 'utilization', node: 'app', op: '<=', value: 0.8, toS: 15.5 };
    expect(final(node, 0.5, undefined, { settledS: 16, durationS: 60 })).toBe(false);
    expect(final(node, 0.5, undefined, { settledS: 17, durationS: 60 })).toBe(true);
    // Not measured by then (a check on a node with no station) is final too: it fails, as the report has it.
    expect(isVerdictFinal(node, null, { settledS: 17, durationS: 60 })).toBe(true);
    expect(isVerdictFinal({ ...node, toS: 30 }, null, MID_RUN)).toBe(false);
  });

  it('lost writes wait for the end of the run: a later failover loses writes sent long before', () => {
    const none: Check = { metric: 'lostWrites', op: '<=', value: 0, toS: 10 };
    expect(verdictKnownAtS(none, 60)).toBe(60);
    expect(final(none, 0, undefined, { settledS: 40, durationS: 60 })).toBe(false);
    // One lost already decides it, window or not.
    expect(final(none, 1, undefined, { settledS: 5, durationS: 60 })).toBe(true);
  });

  it('a client metric over a window that is not whole seconds is measured live over more than the window: never decided early', () => {
    const half: Check = { metric: 'staleReads', op: '<=', value: 0, fromS: 2.5 };
    expect(final(half, 4)).toBe(false);
    expect(final({ ...half, fromS: 2 }, 4)).toBe(true);
    // Node metrics are measured over the whole seconds a window touches, live and in the report alike.
    expect(final({ metric: 'queue.maxDepth', node: 'jobs', op: '>=', value: 10, fromS: 2.5 }, 12)).toBe(true);
  });
});

describe('verdictOverRange', () => {
  it('decides only when every reachable value gives the same verdict, open ends included', () => {
    const aboveHalf = reachableRange('availability', { actual: 0.5 });
    expect(aboveHalf).toEqual({ low: 0, lowOpen: true, high: 1, highOpen: true });
    expect(verdictOverRange(aboveHalf, '<', 1)).toBe(true);
    expect(verdictOverRange(aboveHalf, '<=', 0)).toBe(false);
    expect(verdictOverRange(aboveHalf, '>=', 1)).toBe(false);
    expect(verdictOverRange(aboveHalf, '>', 0)).toBe(true);
    expect(verdictOverRange(aboveHalf, '>=', 0.5)).toBeNull();
    const upFrom3 = reachableRange('staleReads', { actual: 3 });
    expect(verdictOverRange(upFrom3, '>=', 3)).toBe(true);
    expect(verdictOverRange(upFrom3, '>', 3)).toBeNull();
    expect(verdictOverRange(upFrom3, '<', 3)).toBe(false);
    expect(verdictOverRange(upFrom3, '<=', 3)).toBeNull();
  });
});
