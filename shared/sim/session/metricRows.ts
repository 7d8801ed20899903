import type { RequestMetrics } from '../metrics/requestMetrics';
import { OUTCOME_COUNT, OUTCOME_OK } from '../engine/codes';
import { METRIC_ROW_FLOATS } from './protocol';

/**
 * Timeline rows (DESIGN §5: t, sent, ok, failed, p50, p99 — grouped by the second requests were
 * sent in) for seconds [fromS, toS), flattened into a Float64Array. p50/p99 are NaN for a second
 * with no ok request yet.
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
    const [p50, p99] = bins !== undefined && bins.total > 0 ? bins.percentilesMs([50, 99]) : [Number.NaN, Number.NaN];
    rows.set([t, sent, ok, sent - ok, p50, p99], (t - from) * METRIC_ROW_FLOATS);
  }
  return rows;
}
