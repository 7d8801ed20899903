import { useState, useSyncExternalStore } from 'react';
import { useDocumentStore, useSelection } from '../editor/store/DocumentStoreContext';
import { busiestNodes, chartableNodes, chartedSeconds, distinguishingNames, errorData, inFlightData, latencyData, nodeColorSlots, perNodeData, perNodeSeriesSpecs, failurePeakText, throughputData, unsettledFrom, worstSecond } from './chartSeries';
import { CHART_PICK_LABELS, defaultChartPick, type ChartPick } from './chartPick';
import { consistencyCounts } from './consistencyCounts';
import { consistencyData, consistencySeriesSpecs } from './consistencyChart';
import { useLiveModel } from './LiveContext';
import { nodeNamer } from './nodeNames';
import { UPlotChart, type ChartSeriesSpec } from './UPlotChart';
import { usePageTheme } from './usePageTheme';

const THROUGHPUT: ChartSeriesSpec[] = [
  { label: 'ok', color: '#22c55e', fill: true },
  { label: 'failed', color: '#ef4444', fill: true },
  { label: 'in flight', color: '#94a3b8', fill: true },
];
const LATENCY: ChartSeriesSpec[] = [
  { label: 'p50', color: '#60a5fa' },
  { label: 'p95', color: '#a78bfa' },
  { label: 'p99', color: '#f472b6' },
];
const ERRORS: ChartSeriesSpec[] = [
  { label: 'error', color: '#ef4444', fill: true },
  // Not a second orange beside rejected's (the packets' colour): timeouts read apart at a glance.
  { label: 'timeout', color: '#0ea5e9', fill: true },
  { label: 'rejected', color: '#fb923c', fill: true },
  { label: 'dropped', color: '#a855f7', fill: true },
];

/**
 * Throughput, latency percentiles and errors by outcome per second, plus a fourth chart the user
 * picks: one per-node series, or stale reads, lost writes and sessions lost per second.
 */
export function LiveCharts() {
  const model = useLiveModel();
  const store = useDocumentStore();
  const design = useSyncExternalStore((l) => store.subscribe(l), () => store.getDocument());
  const selection = useSelection();
  // The user's pick holds for the document it was made in; another document (New, Open, a lesson)
  // starts from what that one is about (defaultChartPick).
  const generation = store.getGeneration();
  const [picked, setPicked] = useState<{ generation: number; pick: ChartPick } | null>(null);
  const pick = picked !== null && picked.generation === generation ? picked.pick : defaultChartPick(design);
  // The legend names nodes as the canvas does (the engine's series are by id).
  const documentNodes = design.nodes;
  const name = nodeNamer(documentNodes);
  const theme = usePageTheme() === 'light' ? 'light' : 'dark';
  if (model === null) return <p className="live-empty">Starting the simulation engine…</p>;
  const metrics = model.metrics;
  // A new run (load, reset, seek back) gets new plots: uPlot keeps the old axes when data empties.
  const run = model.runSeq;
  const nodeMetric = pick === 'consistency' ? 'utilization' : pick;
  const series = nodeMetric === 'utilization' ? model.utilization : nodeMetric === 'queue' ? model.queueFill : model.hitRatio;
  // Whole seconds only, like the other charts: a second just begun reads as a sudden drop to 0.
  const length = model.frame?.ended ? series.seconds : Math.floor((model.frame?.timeMs ?? 0) / 1000);
  // The nodes selected on the canvas are charted whatever their load (six at most, as always).
  const selectedNodes = new Set(selection.nodes.map((id) => model.nodeIds.indexOf(id)).filter((i) => i >= 0));
  const nodes = busiestNodes(series, length, 6, selectedNodes);
  const nodeName = (i: number) => (i < model.nodeIds.length ? name(model.nodeIds[i]) : String(i));
  const kinds = model.nodeIds.map((id) => (Object.hasOwn(documentNodes, id) ? documentNodes[id].kind : undefined));
  // Colours and short names from every node the chart can show, not the ones shown so far: a
  // node keeps both at every frame, after a seek and when the busiest six change.
  const slots = nodeColorSlots(kinds, nodeMetric);
  const chartable = chartableNodes(kinds, nodeMetric);
  const shortNames = new Map(distinguishingNames(chartable.map(nodeName)).map((short, k) => [chartable[k], short]));
  const worst = worstSecond(metrics);
  const peak = failurePeakText(worst, model.frame?.ended ?? false);
  const charted = chartedSeconds(metrics, model.frame?.timeMs ?? 0, model.frame?.ended ?? false);
  // Seconds whose requests are still waiting for an outcome: their counts and latencies can only
  // change, so the three request charts mark them (not once the run ended: nothing changes then).
  const pending = model.frame?.ended ? null : unsettledFrom(metrics, charted);
  return (
    <div className="live-charts">
      <UPlotChart title="Requests / s (by send second)" unit="" series={THROUGHPUT} data={[...throughputData(metrics, charted), inFlightData(metrics, charted)]} pendingFromS={pending} testId="chart-throughput" key={`throughput-${run}`} />
      <UPlotChart title="Latency of ok requests" unit="ms" series={LATENCY} data={latencyData(metrics, charted)} pendingFromS={pending} testId="chart-latency" key={`latency-${run}`} />
      <div className="live-chart-with-note">
        <UPlotChart title="Failures by outcome" unit="" series={ERRORS} data={errorData(metrics, charted)} pendingFromS={pending} testId="chart-errors" key={`errors-${run}`} />
        <p className="live-chart-note" data-testid="chart-errors-peak" title={peak}>
          {peak}
        </p>
      </div>
      <UPlotChart
        key={`${pick}-${run}`}
        title={
          // The picker is the chart's title, so the legend flows after it instead of under it.
          <select aria-label="Per-node series" value={pick} onChange={(e) => setPicked({ generation, pick: e.target.value as ChartPick })}>
            {Object.entries(CHART_PICK_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        }
        {...(pick === 'consistency'
          ? {
              unit: '',
              keysLabel: 'Consistency key',
              // Totals as the Checks tab counts them (the report's once the run has ended).
              series: consistencySeriesSpecs(consistencyCounts(model.frame, model.report)?.counts ?? null, theme),
              data: consistencyData(model.consistency, charted),
              // Counted by send second: stale reads and lost sessions of a second whose requests
              // are still finishing can still come.
              pendingFromS: pending,
              testId: 'chart-consistency',
            }
          : {
              unit: '%',
              keysLabel: 'Per-node series key',
              // A node keeps one colour for the whole run however the legend (busiest first) re-orders.
              series: perNodeSeriesSpecs(nodes, nodeName, { slot: (i) => slots[i] ?? i, short: (i) => shortNames.get(i), theme }),
              data: perNodeData(series, nodes, length),
              testId: 'chart-nodes',
            })}
        roomyKeys
      />
    </div>
  );
}
