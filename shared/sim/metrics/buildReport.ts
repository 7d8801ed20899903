import type { FaultlineDocument } from '../../model/types';
import { REPORT_FORMAT, REPORT_VERSION, type Report, type ReportNode, type ReportTimelineRow } from '../report';
import type { World } from '../engine/world';
import { OUTCOME_COUNT, OUTCOME_DROPPED, OUTCOME_ERROR, OUTCOME_OK, OUTCOME_REJECTED, OUTCOME_TIMEOUT } from '../engine/codes';
import { evaluateChecks } from '../checks';
import { WindowStats } from './windowStats';

/** The DESIGN §5 report of a finished run (wallMs 0: the host measures wall time). */
export function buildReport(world: World, doc: FaultlineDocument, seed: number, durationS: number, nodeIndex: ReadonlyMap<string, number>): Report {
  const metrics = world.metrics;
  const seconds = Math.ceil(durationS);
  const stats = new WindowStats(world, durationS);
  const count = (outcome: number): number => metrics.outcomeIn(outcome, 0, seconds);
  const total = metrics.sentIn(0, seconds);
  const ok = count(OUTCOME_OK);
  const run = metrics.runBins;
  const [p50, p95, p99] = run.percentilesMs([50, 95, 99]);
  const hasLatency = run.total > 0;

  const nodes: Record<string, ReportNode> = {};
  world.nodeIds.forEach((id, node) => {
    const model = world.models[node];
    const entry: ReportNode = {
      kind: world.nodeKinds[node],
      arrivals: model.counters.arrivals,
      completed: model.counters.completed,
      errors: model.counters.errors,
      rejected: model.counters.rejected,
      utilization: stats.utilization(node, 0, seconds) ?? 0,
      meanQueue: stats.meanQueue(node, 0, seconds) ?? 0,
      maxQueue: stats.maxQueue(node, 0, seconds) ?? 0,
      downS: world.downSeconds(node, 0, durationS, world.now),
    };
    const extras = model.extras();
    if (extras.hits !== undefined) {
      entry.hits = extras.hits;
      entry.misses = extras.misses ?? 0;
      const lookups = extras.hits + (extras.misses ?? 0);
      entry.hitRatio = lookups === 0 ? null : extras.hits / lookups;
    }
    if (extras.keys !== undefined) entry.keys = extras.keys;
    if (extras.keysMoved !== undefined) entry.keysMoved = extras.keysMoved;
    nodes[id] = entry;
  });

  const timeline: ReportTimelineRow[] = [];
  for (let t = 0; t < seconds; t++) {
    const sent = metrics.sent[t] ?? 0;
    const rowOk = t < metrics.seconds ? metrics.outcomes[t * OUTCOME_COUNT + OUTCOME_OK] : 0;
    const bins = metrics.secondBins[t];
    const [rowP50, rowP99] = bins !== undefined && bins.total > 0 ? bins.percentilesMs([50, 99]) : [null, null];
    timeline.push({ t, sent, ok: rowOk, failed: sent - rowOk, p50: rowP50, p99: rowP99 });
  }

  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    title: doc.meta.title,
    seed,
    durationS,
    events: world.kernel.eventsProcessed,
    wallMs: 0,
    requests: {
      total,
      ok,
      error: count(OUTCOME_ERROR),
      timeout: count(OUTCOME_TIMEOUT),
      rejected: count(OUTCOME_REJECTED),
      dropped: count(OUTCOME_DROPPED),
    },
    latencyMs: {
      mean: hasLatency ? run.meanMs() : null,
      p50: hasLatency ? p50 : null,
      p95: hasLatency ? p95 : null,
      p99: hasLatency ? p99 : null,
      max: hasLatency ? run.maxMs() : null,
    },
    availability: total === 0 ? null : ok / total,
    throughputRps: durationS > 0 ? ok / durationS : 0,
    consistency: {
      reads: metrics.okReads,
      staleReads: world.consistency.staleReads,
      writes: metrics.okWrites,
      lostWrites: world.consistency.lostWrites,
      sessionsLost: world.consistency.sessionsLost,
    },
    nodes,
    checks: evaluateChecks(doc.checks, stats, durationS, nodeIndex),
    timeline,
  };
}
