import type { MetricSeries, NodeSeries } from './metricSeries';
import { formatSimSeconds } from './speedPresets';

/**
 * Seconds worth charting: while running, the second in progress is left out (most of its
 * requests are not sent yet, so it would always look like a drop); all of them once the run ended.
 */
export function chartedSeconds(metrics: MetricSeries, timeMs: number, ended: boolean): number {
  return ended ? metrics.length : Math.min(metrics.length, Math.floor(timeMs / 1000));
}

/** uPlot's aligned data: x values then one array per series (null = gap). */
export type ChartData = [number[], ...(number | null)[][]];

function value(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function seconds(length: number): number[] {
  return Array.from({ length }, (_, t) => t);
}

/** Requests of second t that finished without `ok` (still-running ones are not failures yet). */
export function finishedFailures(metrics: MetricSeries, t: number): number {
  let failures = 0;
  for (const name of ERROR_OUTCOMES) failures += Number.isFinite(metrics.columns[name][t]) ? metrics.columns[name][t] : 0;
  return failures;
}

/** Ok and failed requests per second (by the second they were sent). */
export function throughputData(metrics: MetricSeries, n = metrics.length): ChartData {
  const { ok } = metrics.columns;
  return [seconds(n), Array.from({ length: n }, (_, t) => value(ok[t])), Array.from({ length: n }, (_, t) => finishedFailures(metrics, t))];
}

/**
 * Requests of second t with no outcome yet (sent − ok − finished failures). Near the live edge
 * the ok and failed lines both dip while requests wait out their timeouts and retries; without
 * this line a class paused on "will it recover?" saw failures seemingly fall. Drawn only from
 * the second before the first one still waiting (0 there, so it rises from the axis); null before.
 */
export function inFlightData(metrics: MetricSeries, n = metrics.length): (number | null)[] {
  const { sent, ok } = metrics.columns;
  const waiting = Array.from({ length: n }, (_, t) => (Number.isFinite(sent[t]) ? Math.max(0, sent[t] - (Number.isFinite(ok[t]) ? ok[t] : 0) - finishedFailures(metrics, t)) : 0));
  const first = waiting.findIndex((count) => count > 0);
  if (first < 0) return waiting.map(() => null);
  return waiting.map((count, t) => (t < first - 1 ? null : count));
}

/** p50, p95, p99 of ok requests, per second, in ms. */
export function latencyData(metrics: MetricSeries, n = metrics.length): ChartData {
  const { p50, p95, p99 } = metrics.columns;
  return [seconds(n), ...[p50, p95, p99].map((column) => Array.from({ length: n }, (_, t) => value(column[t])))] as ChartData;
}

export const ERROR_OUTCOMES = ['error', 'timeout', 'rejected', 'dropped'] as const;

/** Finished failures per second by outcome. */
export function errorData(metrics: MetricSeries, n = metrics.length): ChartData {
  return [seconds(n), ...ERROR_OUTCOMES.map((name) => Array.from({ length: n }, (_, t) => value(metrics.columns[name][t])))] as ChartData;
}

/** One series per listed node (indexes into the node series), scaled by `scale` (100 for percent). */
export function perNodeData(series: NodeSeries, nodes: readonly number[], length: number, scale = 100): ChartData {
  const n = Math.min(length, series.seconds);
  return [seconds(n), ...nodes.map((i) => Array.from({ length: n }, (_, t) => { const v = value(series.values[i][t]); return v === null ? null : v * scale; }))] as ChartData;
}

/** Nodes that have something to show in a per-node series (not all NaN). */
export function nodesWithData(series: NodeSeries, length: number): number[] {
  const nodes: number[] = [];
  series.values.forEach((values, i) => {
    for (let t = 0; t < Math.min(length, values.length); t++) {
      if (Number.isFinite(values[t])) {
        nodes.push(i);
        return;
      }
    }
  });
  return nodes;
}

/** Up to `limit` nodes with data, busiest first (highest peak), so a big design's chart stays legible. */
export function busiestNodes(series: NodeSeries, length: number, limit: number): number[] {
  const peak = (i: number) => {
    let max = Number.NEGATIVE_INFINITY;
    const values = series.values[i];
    for (let t = 0; t < Math.min(length, values.length); t++) if (values[t] > max) max = values[t];
    return max;
  };
  return nodesWithData(series, length)
    .map((i) => ({ i, peak: peak(i) }))
    .sort((a, b) => b.peak - a.peak || a.i - b.i)
    .slice(0, limit)
    .map(({ i }) => i);
}

/** The second (by send time) with the most failures, and how many; null if none failed. */
export function worstSecond(metrics: MetricSeries): { t: number; failures: number } | null {
  let best: { t: number; failures: number } | null = null;
  for (let t = 0; t < metrics.length; t++) {
    const failures = finishedFailures(metrics, t);
    if (failures > 0 && (best === null || failures > best.failures)) best = { t, failures };
  }
  return best;
}

/**
 * The note under the failures chart: its worst second (see worstSecond), or that there is none so
 * far / in the whole run (`ended`). Short enough for one line of a quarter of a 1280-px dock
 * ("Peak: 4 failed requests sent at 21 s" was cut there; the chart cannot spare a second line).
 */
export function failurePeakText(worst: { t: number; failures: number } | null, ended = false): string {
  if (worst === null) return ended ? 'No failures in this run.' : 'No failures so far.';
  return `Peak: ${worst.failures.toLocaleString('en-US')} failed, sent at ${formatSimSeconds(worst.t)}`;
}

/**
 * Colours of the per-node series, by the node's position in the document (see nodeSeriesColor):
 * any two differ clearly (CIELAB ΔE ≥ 25; violet and purple side by side used to read as one).
 */
export const NODE_SERIES_COLORS = ['#60a5fa', '#34d399', '#fbbf24', '#f472b6', '#a78bfa', '#f87171', '#22d3ee', '#fb923c', '#a3e635', '#94a3b8'] as const;

/**
 * A node's colour in the per-node charts, from its position in the document (its index in the
 * node series), never from its rank among the busiest: the legend re-orders as the run goes on,
 * and a line that changed colour would recolour its whole history. Past the palette, hues step
 * by the golden angle so neighbours in the document still differ.
 */
export function nodeSeriesColor(index: number): string {
  if (index >= 0 && index < NODE_SERIES_COLORS.length) return NODE_SERIES_COLORS[index];
  const hue = (index * 137.508) % 360;
  return hslHex(hue, 0.7, 0.65);
}

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** The per-node chart's series (legend order as given, busiest first), each in its node's own colour. */
export function perNodeSeriesSpecs(nodes: readonly number[], label: (index: number) => string): { label: string; color: string }[] {
  return nodes.map((i) => ({ label: label(i), color: nodeSeriesColor(i) }));
}
