import type { CheckMetric, CheckOp, NodeKind } from '../model/types';

/**
 * The JSON report of a run — DESIGN §5, **Contract**. Outside tests and graders read it, so
 * the field names, their nesting and their *order* (the JSON is printed in the order declared
 * here, see {@link reportToJson}) are fixed.
 *
 * `null` marks a statistic with nothing to measure (a percentile over zero ok requests, a hit
 * ratio with zero lookups, availability with zero requests). JSON has no NaN, and 0 would be
 * a lie that charts and checks would believe.
 */

export const REPORT_FORMAT = 'faultline-report';
export const REPORT_VERSION = 1;

/** Client requests *sent* in [0, durationS), each counted once by its final outcome. */
export interface ReportRequests {
  total: number;
  ok: number;
  error: number;
  timeout: number;
  rejected: number;
  dropped: number;
}

/** Latency of ok requests, first send → final answer, in milliseconds. */
export interface ReportLatency {
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface ReportConsistency {
  reads: number;
  staleReads: number;
  writes: number;
  lostWrites: number;
  sessionsLost: number;
}

export interface ReportNode {
  kind: NodeKind;
  arrivals: number;
  completed: number;
  errors: number;
  rejected: number;
  /** Busy time over (capacity × duration), 0..1. */
  utilization: number;
  /** Time-averaged queue length. */
  meanQueue: number;
  maxQueue: number;
  /** Simulated seconds the node spent crashed. */
  downS: number;
  /** Caches, CDNs, proxies with a cache: lookups (gets) that hit / missed. */
  hits?: number;
  misses?: number;
  /** hits / (hits + misses); null with no lookups. */
  hitRatio?: number | null;
  /** Distinct keys held at the end (cache, CDN, database). */
  keys?: number;
  /** Shard routers: keys of the clients' key space that would move if one shard were added. */
  keysMoved?: number;
}

export interface ReportCheck {
  /** The check's `id`, or a generated one (e.g. `check1`) when the file gave none. */
  id: string;
  metric: CheckMetric;
  node?: string;
  op: CheckOp;
  value: number;
  /** The measured value; null when there was nothing to measure (then `pass` is false). */
  actual: number | null;
  pass: boolean;
}

/** Requests grouped by the simulated second `t` in which they were sent. */
export interface ReportTimelineRow {
  t: number;
  sent: number;
  ok: number;
  /** sent − ok */
  failed: number;
  /** Over this row's ok requests; null when it has none. */
  p50: number | null;
  p99: number | null;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  title: string;
  seed: number;
  durationS: number;
  /** Kernel events processed. */
  events: number;
  /** Wall-clock milliseconds of the run; filled in by the host (the simulation has no clock). */
  wallMs: number;
  requests: ReportRequests;
  latencyMs: ReportLatency;
  /** ok / total; null when total is 0. */
  availability: number | null;
  /** ok per simulated second. */
  throughputRps: number;
  consistency: ReportConsistency;
  /** By node id, in document order. */
  nodes: Record<string, ReportNode>;
  checks: ReportCheck[];
  /** One row per simulated second. */
  timeline: ReportTimelineRow[];
}

// Decimal places kept in the printed report. Enough for any reading of the numbers, few enough
// that the last-bit differences of Math.log/exp between JavaScript engines cannot show.
const MS_DECIMALS = 3;
const RATIO_DECIMALS = 6;
const SECONDS_DECIMALS = 3;
const QUEUE_DECIMALS = 3;
const RATE_DECIMALS = 3;

/** Rounds to `decimals` places; null, NaN and ±Infinity become null (JSON has no NaN). */
export function roundTo(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded; // no "-0"
}

function roundRequired(value: number, decimals: number): number {
  return roundTo(value, decimals) ?? 0;
}

/**
 * The report as printed: a fresh object with keys in contract order and floats rounded
 * (latencies and seconds to 3 decimals, ratios to 6), so equal runs print byte-identical
 * reports on every host. Optional node fields appear only when the node has them.
 */
export function normalizeReport(report: Report): Report {
  const nodes: Record<string, ReportNode> = {};
  for (const [id, node] of Object.entries(report.nodes)) nodes[id] = normalizeNode(node);
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    title: report.title,
    seed: report.seed,
    // The run's length as asked for (not a measurement: rounding could turn 0.0001 into 0).
    durationS: report.durationS,
    events: report.events,
    wallMs: Math.round(report.wallMs),
    requests: {
      total: report.requests.total,
      ok: report.requests.ok,
      error: report.requests.error,
      timeout: report.requests.timeout,
      rejected: report.requests.rejected,
      dropped: report.requests.dropped,
    },
    latencyMs: {
      mean: roundTo(report.latencyMs.mean, MS_DECIMALS),
      p50: roundTo(report.latencyMs.p50, MS_DECIMALS),
      p95: roundTo(report.latencyMs.p95, MS_DECIMALS),
      p99: roundTo(report.latencyMs.p99, MS_DECIMALS),
      max: roundTo(report.latencyMs.max, MS_DECIMALS),
    },
    availability: roundTo(report.availability, RATIO_DECIMALS),
    throughputRps: roundRequired(report.throughputRps, RATE_DECIMALS),
    consistency: {
      reads: report.consistency.reads,
      staleReads: report.consistency.staleReads,
      writes: report.consistency.writes,
      lostWrites: report.consistency.lostWrites,
      sessionsLost: report.consistency.sessionsLost,
    },
    nodes,
    checks: report.checks.map(normalizeCheck),
    timeline: report.timeline.map((row) => ({
      t: row.t,
      sent: row.sent,
      ok: row.ok,
      failed: row.failed,
      p50: roundTo(row.p50, MS_DECIMALS),
      p99: roundTo(row.p99, MS_DECIMALS),
    })),
  };
}

function normalizeNode(node: ReportNode): ReportNode {
  const normalized: ReportNode = {
    kind: node.kind,
    arrivals: node.arrivals,
    completed: node.completed,
    errors: node.errors,
    rejected: node.rejected,
    utilization: roundRequired(node.utilization, RATIO_DECIMALS),
    meanQueue: roundRequired(node.meanQueue, QUEUE_DECIMALS),
    maxQueue: node.maxQueue,
    downS: roundRequired(node.downS, SECONDS_DECIMALS),
  };
  if (node.hits !== undefined) normalized.hits = node.hits;
  if (node.misses !== undefined) normalized.misses = node.misses;
  if (node.hitRatio !== undefined) normalized.hitRatio = roundTo(node.hitRatio, RATIO_DECIMALS);
  if (node.keys !== undefined) normalized.keys = node.keys;
  if (node.keysMoved !== undefined) normalized.keysMoved = node.keysMoved;
  return normalized;
}

function normalizeCheck(check: ReportCheck): ReportCheck {
  // Latency checks are in ms (3 decimals suffice); ratios and counts keep 6.
  const actual = roundTo(check.actual, check.metric.startsWith('latency.') ? MS_DECIMALS : RATIO_DECIMALS);
  const { id, metric, op, value, pass } = check;
  return check.node === undefined
    ? { id, metric, op, value, actual, pass }
    : { id, metric, node: check.node, op, value, actual, pass };
}

/** The report as the CLI prints and writes it: contract key order, 2-space indent, trailing newline. */
export function reportToJson(report: Report): string {
  return `${JSON.stringify(normalizeReport(report), null, 2)}\n`;
}
