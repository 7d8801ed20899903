import type { Check } from '../model/types';
import { METRIC_INFO } from '../model/schema/checks';
import { requestWindowBounds } from './metrics/windowStats';

/**
 * The values a check's metric can still end its window at, given the part of the window measured
 * so far: from `low` to `high`, each end included unless marked open.
 */
export interface ReachableRange {
  low: number;
  lowOpen: boolean;
  high: number;
  highOpen: boolean;
}

/** What the live view has measured of a check's window so far (whole settled seconds). */
export interface MeasuredSoFar {
  /** The metric over the part of the window measured so far. */
  actual: number;
  /**
   * Throughput only: the ok requests so far divided by the whole window's length — what the final
   * value is if not one more request succeeds, so the least it can be.
   */
  throughputFloor?: number;
}

const NOT_NEGATIVE: ReachableRange = { low: 0, lowOpen: false, high: Infinity, highOpen: false };

/**
 * Where each metric can still go as its window fills (DESIGN §3 checks):
 * - a maximum (`queue.maxDepth`) and a count (`staleReads`, `lostWrites`, `sessionsLost`) only
 *   grow: a bound they passed stays passed, one they broke stays broken;
 * - `throughput` is ok requests over the window's fixed length, and ok requests only add up: it
 *   can end anywhere from its floor up;
 * - `availability`, `errorRate` and `cache.hitRatio` are ratios of whole counts and can move either
 *   way, except that one failure (miss) keeps a ratio below 1 for good and one success (hit) keeps
 *   it above 0 — "availability ≥ 100%" has failed at the first error;
 * - latencies, and `utilization` (a ratio of times, whose sums may round onto 1), can end anywhere.
 */
export function reachableRange(metric: Check['metric'], measured: MeasuredSoFar): ReachableRange {
  const { actual } = measured;
  switch (metric) {
    case 'queue.maxDepth':
    case 'staleReads':
    case 'lostWrites':
    case 'sessionsLost':
      return { low: actual, lowOpen: false, high: Infinity, highOpen: false };
    case 'throughput':
      return { low: Math.min(actual, measured.throughputFloor ?? 0), lowOpen: false, high: Infinity, highOpen: false };
    case 'availability':
    case 'errorRate':
    case 'cache.hitRatio':
      return { low: 0, lowOpen: actual > 0, high: 1, highOpen: actual < 1 };
    case 'utilization':
      return { low: 0, lowOpen: false, high: 1, highOpen: false };
    case 'latency.mean':
    case 'latency.p50':
    case 'latency.p95':
    case 'latency.p99':
      return NOT_NEGATIVE;
  }
}

/** The verdict every value in `range` gives against `op value`, or null when values in it disagree. */
export function verdictOverRange(range: ReachableRange, op: Check['op'], value: number): boolean | null {
  // Is every value in the range above `value` (or at least `value`), below it (or at most it)?
  const allAbove = range.low > value || (range.low === value && range.lowOpen);
  const allAtLeast = range.low >= value;
  const allBelow = range.high < value || (range.high === value && range.highOpen);
  const allAtMost = range.high <= value;
  switch (op) {
    case '<':
      return allBelow ? true : allAtLeast ? false : null;
    case '<=':
      return allAtMost ? true : allAbove ? false : null;
    case '>':
      return allAbove ? true : allAtMost ? false : null;
    case '>=':
      return allAtLeast ? true : allBelow ? false : null;
  }
}

/** The end of a check's window within a run of `durationS` (the Contract's default: the run's end). */
export function windowEndS(check: Pick<Check, 'toS'>, durationS: number): number {
  return Math.min(check.toS ?? durationS, durationS);
}

/**
 * When a check's verdict is known whatever happens, short of a bound it has already decided: when
 * its window ends — but a write can be lost in a failover long after it was sent, and counts
 * against the second it was sent in, so `lostWrites` is only known when the run ends.
 */
export function verdictKnownAtS(check: Pick<Check, 'metric' | 'toS'>, durationS: number): number {
  return check.metric === 'lostWrites' ? durationS : windowEndS(check, durationS);
}

/**
 * Whether a live check's verdict can no longer change: its window is over (every request sent in it
 * has finished), or what is measured so far already decides it (see reachableRange).
 *
 * `settledS`: the live measurement covers the whole seconds before it (every request sent then has
 * finished). The window counts as over only once settled seconds reach *past* its end: at exactly
 * its end a whole-run figure (the finer latency histogram, a hit ratio to the end of the run) still
 * stands in for it, counting what came after.
 *
 * Before that, only a window of whole seconds may decide early: a client metric over any other
 * window is measured live over the whole seconds it touches, which is more than the window.
 */
export function isVerdictFinal(check: Check, measured: MeasuredSoFar | null, { settledS, durationS }: { settledS: number; durationS: number }): boolean {
  const needsNode = METRIC_INFO[check.metric].needsNode;
  const knownAtS = verdictKnownAtS(check, durationS);
  const over = needsNode ? Math.ceil(knownAtS) : knownAtS;
  if (settledS > over) return true;
  if (measured === null || !Number.isFinite(measured.actual)) return false;
  if (!needsNode && !requestWindowBounds(check.fromS ?? 0, windowEndS(check, durationS), durationS).wholeSeconds) return false;
  return verdictOverRange(reachableRange(check.metric, measured), check.op, check.value) !== null;
}
