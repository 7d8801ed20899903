import type { RequestMetrics } from '../metrics/requestMetrics';
import { OUTCOME_COUNT, OUTCOME_DROPPED, OUTCOME_ERROR, OUTCOME_OK, OUTCOME_REJECTED, OUTCOME_TIMEOUT } from '../engine/codes';
import { METRIC_ROW_FLOATS } from './protocol';

/**
 * Timeline rows (DESIGN §5: t, sent, ok, failed, p50, p99 — grouped by the second requests were
 * sent in — then p95 and the finished non-ok outcomes error, timeout, rejected, dropped) for
 * seconds [fromS, toS), flattened into a Float64Array. Percentiles are NaN for a second with no ok
 * request yet.
 */
export function metricRows(metrics: RequestMetrics, fromS: number, toS: number): Float64Array {
  const from = Math.max(0, fromS);
  const to = Math.max(from, toS);
  const rows = new Float64Array((to - from) * METRIC_ROW_FLOATS);
  for (let t = from; t < to; t++) {
    const known = t < metrics.seconds;
    const sent = known ? metrics.sent[t] : 0;
    const ok = known ? metrics.outcomes[t * OUTCOME_COUNT + OUTCOME_OK] : 0;
    const bins = metrics.secondBins[t];
    const [p50, p99, p95] = bins !== undefined && bins.total > 0 ? bins.percentilesMs([50, 99, 95]) : [Number.NaN, Number.NaN, Number.NaN];
    const outcome = (o: number) => (known ? metrics.outcomes[t * OUTCOME_COUNT + o] : 0);
    rows.set([t, sent, ok, sent - ok, p50, p99, p95, outcome(OUTCOME_ERROR), outcome(OUTCOME_TIMEOUT), outcome(OUTCOME_REJECTED), outcome(OUTCOME_DROPPED)], (t - from) * METRIC_ROW_FLOATS);
  }
  return rows;
}
