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
  // Kinds that serve with servers or a queue; clients, DNS and CDNs answer after a delay and
  // have no busy time to measure.
  utilization: {
    metric: 'utilization',
    label: 'Utilization',
    unit: 'ratio',
    needsNode: true,
    nodeKinds: ['lb', 'proxy', 'app', 'cache', 'db', 'shard-router', 'queue', 'worker'],
  },
};
