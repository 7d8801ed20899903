import type { FaultlineDocument } from '../../shared/model/types';
import { CONSISTENCY_COUNTS } from '../../shared/sim/session/protocol';
import type { NodeMetric } from './chartSeries';

/** What the Charts tab's fourth chart shows: a per-node series, or the run's consistency per second. */
export type ChartPick = NodeMetric | 'consistency';

/** The fourth chart's picker, in the order it lists them. */
export const CHART_PICK_LABELS: Readonly<Record<ChartPick, string>> = {
  utilization: 'Utilization',
  queue: 'Queue fill',
  hitRatio: 'Cache hit ratio',
  consistency: 'Consistency',
};

/**
 * What the fourth chart shows until the user picks: Consistency when the document checks stale
 * reads, lost writes or sessions lost, else utilization. A check on one of them is the document
 * saying that is what the run is about (lessons 4, 6, 7, 9 and 13 each have one and ask the class
 * to watch or count them), and unlike the narration's wording it is a fact the editor shows, so
 * the rule is easy to predict: add such a check and the chart follows.
 */
export function defaultChartPick(document: Pick<FaultlineDocument, 'checks'>): ChartPick {
  const aboutConsistency = document.checks.some((check) => (CONSISTENCY_COUNTS as readonly string[]).includes(check.metric));
  return aboutConsistency ? 'consistency' : 'utilization';
}
