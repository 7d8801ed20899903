/** Checks (DESIGN §3, Contract): fields and what each metric needs. */
import { CHECK_METRICS, CHECK_OPS, type CheckMetric, type NodeKind } from '../types';
import { field, fieldList, type FieldUnit } from './fields';

export const CHECK_FIELDS = fieldList({
  id: field.id({ label: 'Id', description: 'Names the check in reports; unique among checks.', required: false }),
  label: field.string({ label: 'Label', description: 'Shown in the checks panel.' }),
  metric: field.enum({ label: 'Metric', description: 'What is measured.', options: CHECK_METRICS, required: true }),
  node: field.ref({ label: 'Node', description: 'The node measured (needed by per-node metrics).', refersTo: 'node' }),
  op: field.enum({ label: 'Comparison', description: 'How the measured value is compared.', options: CHECK_OPS, required: true }),
  value: field.number({ label: 'Value', description: 'The threshold.', required: true }),
  fromS: field.duration('s', { label: 'From', description: 'Measure requests sent from this time (default: the start).' }),
  toS: field.duration('s', { label: 'To', description: 'Measure requests sent before this time (default: the end).' }),
});

export interface MetricInfo {
  metric: CheckMetric;
  label: string;
  unit?: FieldUnit;
  needsNode: boolean;
  /** Node kinds the metric can measure (any when absent). */
  nodeKinds?: readonly NodeKind[];
}

export const METRIC_INFO: Readonly<Record<CheckMetric, MetricInfo>> = {
  'latency.mean': { metric: 'latency.mean', label: 'Mean latency', unit: 'ms', needsNode: false },
  'latency.p50': { metric: 'latency.p50', label: 'Median latency', unit: 'ms', needsNode: false },
  'latency.p95': { metric: 'latency.p95', label: 'p95 latency', unit: 'ms', needsNode: false },
  'latency.p99': { metric: 'latency.p99', label: 'p99 latency', unit: 'ms', needsNode: false },
  availability: { metric: 'availability', label: 'Availability', unit: 'ratio', needsNode: false },
  errorRate: { metric: 'errorRate', label: 'Error rate', unit: 'ratio', needsNode: false },
  throughput: { metric: 'throughput', label: 'Throughput', unit: 'rps', needsNode: false },
  staleReads: { metric: 'staleReads', label: 'Stale reads', unit: 'count', needsNode: false },
  lostWrites: { metric: 'lostWrites', label: 'Lost writes', unit: 'count', needsNode: false },
  sessionsLost: { metric: 'sessionsLost', label: 'Sessions lost', unit: 'count', needsNode: false },
  'cache.hitRatio': { metric: 'cache.hitRatio', label: 'Cache hit ratio', unit: 'ratio', needsNode: true, nodeKinds: ['cache', 'cdn', 'proxy'] },
  'queue.maxDepth': { metric: 'queue.maxDepth', label: 'Queue max depth', unit: 'count', needsNode: true, nodeKinds: ['queue'] },
  // Any node (the Contract does not restrict it, and the report gives every node a utilization);
  // the design lint says when the node has no busy time to measure (UTILIZATION_KINDS).
  utilization: { metric: 'utilization', label: 'Utilization', unit: 'ratio', needsNode: true },
};

/** Kinds that serve with servers or a queue; clients, DNS and CDNs answer after a delay, so their utilization reads 0. */
export const UTILIZATION_KINDS: readonly NodeKind[] = ['lb', 'proxy', 'app', 'cache', 'db', 'shard-router', 'queue', 'worker'];

/** Whether a metric's measured value is a ratio from 0 to 1 (the panel shows it as a percentage). */
export function isRatioMetric(metric: CheckMetric): boolean {
  return Object.hasOwn(METRIC_INFO, metric) && METRIC_INFO[metric].unit === 'ratio';
}

/**
 * Why a threshold can never mean what it says for a ratio metric, or null: ratios are measured
 * from 0 to 1, so 95 was most likely meant as 95% (0.95). The Contract allows any number (the
 * loader only warns); the check editor refuses it.
 */
export function ratioValueProblem(metric: CheckMetric, value: number, name: string = metric): string | null {
  if (!isRatioMetric(metric) || (value >= 0 && value <= 1)) return null;
  const hint = value > 1 && value <= 100 ? ` (${value}% is ${Number((value / 100).toPrecision(12))})` : '';
  return `${name} is a ratio from 0 to 1${hint}`;
}

/**
 * Why a threshold can never mean what it says, or null: a ratio outside 0–1 (see
 * ratioValueProblem), or a negative one for a metric measured from 0 up (a latency, a throughput,
 * a count): "p99 ≤ -5 ms" can never pass. Like a ratio's, the Contract allows it (the loader only
 * warns); the check editor refuses it.
 */
export function thresholdProblem(metric: CheckMetric, value: number, name: string = metric): string | null {
  if (isRatioMetric(metric)) return ratioValueProblem(metric, value, name);
  if (!Object.hasOwn(METRIC_INFO, metric) || value >= 0) return null;
  return `${name} is never negative`;
}

/** Whether a check whose threshold lies outside its ratio metric's 0–1 always passes (else it never does). */
export function ratioCheckAlwaysPasses(op: (typeof CHECK_OPS)[number], value: number): boolean {
  // Above 1, "more than" can never hold and "less than" always does; below 0 the other way round
  // (as for any metric measured from 0 up).
  return (op === '<' || op === '<=') === value > 1;
}
