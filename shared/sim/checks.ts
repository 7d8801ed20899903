import type { Check } from '../model/types';
import type { ReportCheck } from './report';
import type { WindowStats } from './metrics/windowStats';

/**
 * Evaluates DESIGN §3 checks (**Contract**). Client metrics are measured over requests *sent*
 * in [fromS, toS) (default: the whole run), exactly, whatever the bounds; node metrics over the
 * whole simulated seconds that span touches (see WindowStats).
 * `errorRate` is the share of requests that did not end `ok` (error, timeout, rejected or
 * dropped) — what a user experiences as failures; it equals 1 − availability.
 * A metric with nothing to measure (no requests, not a cache…) has `actual` null and fails.
 */
export function evaluateChecks(
  checks: readonly Check[],
  stats: WindowStats,
  durationS: number,
  nodeIndex: ReadonlyMap<string, number>,
): ReportCheck[] {
  return checks.map((check, i) => {
    const fromS = Math.max(0, check.fromS ?? 0);
    const toS = Math.min(check.toS ?? durationS, durationS);
    const actual = measure(check, stats, fromS, toS, nodeIndex);
    const result: ReportCheck = {
      id: check.id ?? `check${i + 1}`,
      metric: check.metric,
      op: check.op,
      value: check.value,
      actual,
      pass: actual !== null && compare(actual, check.op, check.value),
    };
    if (check.node !== undefined) result.node = check.node;
    return result;
  });
}

function compare(actual: number, op: Check['op'], value: number): boolean {
  switch (op) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
  }
}

function measure(check: Check, stats: WindowStats, fromS: number, toS: number, nodeIndex: ReadonlyMap<string, number>): number | null {
  const node = check.node === undefined ? -1 : (nodeIndex.get(check.node) ?? -1);
  switch (check.metric) {
    case 'latency.mean':
    case 'latency.p50':
    case 'latency.p95':
    case 'latency.p99': {
      const bins = stats.latency(fromS, toS);
      if (bins.total === 0) return null;
      if (check.metric === 'latency.mean') return bins.meanMs();
      const percentile = check.metric === 'latency.p50' ? 50 : check.metric === 'latency.p95' ? 95 : 99;
      return bins.percentilesMs([percentile])[0];
    }
    case 'availability': {
      const sent = stats.sent(fromS, toS);
      return sent === 0 ? null : stats.ok(fromS, toS) / sent;
    }
    case 'errorRate': {
      const sent = stats.sent(fromS, toS);
      return sent === 0 ? null : (sent - stats.ok(fromS, toS)) / sent;
    }
    case 'throughput':
      // ok requests per second of the window (its exact length: the whole run gives the report's throughputRps).
      return toS > fromS ? stats.ok(fromS, toS) / (toS - fromS) : null;
    case 'staleReads':
    case 'lostWrites':
    case 'sessionsLost':
      return stats.consistency(check.metric, fromS, toS);
    case 'cache.hitRatio':
      return node < 0 ? null : stats.hitRatio(node, fromS, toS);
    case 'queue.maxDepth':
      return node < 0 ? null : stats.maxQueue(node, fromS, toS);
    case 'utilization':
      // A node without servers (client, DNS, CDN) is never busy: 0, as the report has it.
      return node < 0 ? null : (stats.utilization(node, fromS, toS) ?? 0);
  }
}
