import { METRIC_INFO, UTILIZATION_KINDS } from '../../shared/model/schema/checks';
import type { NodeKind } from '../../shared/model/types';
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
  const waiting = Array.from({ length: n }, (_, t) => inFlight(metrics, t));
  const first = waiting.findIndex((count) => count > 0);
  if (first < 0) return waiting.map(() => null);
  return waiting.map((count, t) => (t < first - 1 ? null : count));
}

function inFlight(metrics: MetricSeries, t: number): number {
  const { sent, ok } = metrics.columns;
  return Number.isFinite(sent[t]) ? Math.max(0, sent[t] - (Number.isFinite(ok[t]) ? ok[t] : 0) - finishedFailures(metrics, t)) : 0;
}

/**
 * The first of the first `n` seconds with requests that have no outcome yet (null: none): from
 * there on the ok and failed counts are not final. The requests chart shades those seconds; the
 * in-flight line alone was a short grey rise at the right edge, and lesson 11's class, paused at
 * 20 s and 30 s, read the failed line's dip there as failures falling.
 */
export function unsettledFrom(metrics: MetricSeries, n = metrics.length): number | null {
  for (let t = 0; t < n; t++) if (inFlight(metrics, t) > 0) return t;
  return null;
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

/**
 * Up to `limit` nodes with data, busiest first (highest peak), so a big design's chart stays
 * legible. Nodes in `wanted` (the ones selected on the canvas) come first whatever their peak, so
 * their keys are the first in the caption: an idle shard a lesson asks to compare with a hot one
 * is charted, and named, as soon as it is selected.
 */
export function busiestNodes(series: NodeSeries, length: number, limit: number, wanted: ReadonlySet<number> = new Set()): number[] {
  const peak = (i: number) => {
    let max = Number.NEGATIVE_INFINITY;
    const values = series.values[i];
    for (let t = 0; t < Math.min(length, values.length); t++) if (values[t] > max) max = values[t];
    return max;
  };
  const ranked = nodesWithData(series, length)
    .map((i) => ({ i, peak: peak(i) }))
    .sort((a, b) => b.peak - a.peak || a.i - b.i);
  const chosen = ranked.filter(({ i }) => wanted.has(i)).slice(0, limit).map(({ i }) => i);
  for (const { i } of ranked) if (chosen.length < limit && !wanted.has(i)) chosen.push(i);
  return chosen;
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

/** The page's theme, for colours that must read on its background. */
export type ChartTheme = 'dark' | 'light';

/**
 * Colours of the per-node series, one palette a theme with the same hue in each slot (blue,
 * green, orange, purple, brown, sky, yellow, grey: a node stays "the orange one" when the theme
 * changes). Okabe–Ito hues, deeper on the light theme, so every line has 3:1 contrast with the
 * chart's background in both. Ordered so consecutive slots differ most, also for deuteranopes
 * and protanopes (the first series of a chart are consecutive slots, see nodeColorSlots). No red
 * or pink: red is a failure in the other charts (lesson 2 had a pink and a red app side by side).
 */
export const NODE_SERIES_PALETTES: Readonly<Record<ChartTheme, readonly string[]>> = {
  dark: ['#4da3ff', '#2ec4a0', '#e69f00', '#b866b0', '#c9a27e', '#7fd3f5', '#f0e442', '#8f98a6'],
  light: ['#2563eb', '#00876a', '#c26a00', '#9c3f9e', '#8b5e34', '#3a9ad9', '#8a7a00', '#66707d'],
};

/** The chart backgrounds the palettes are made for (styles.css --panel). */
export const CHART_BACKGROUNDS: Readonly<Record<ChartTheme, string>> = { dark: '#151a21', light: '#ffffff' };

/**
 * A colour slot's colour. Past the palette, hues step by the golden angle so neighbours still
 * differ, skipping the reds and pinks of failures.
 */
export function nodeSeriesColor(slot: number, theme: ChartTheme = 'dark'): string {
  const palette = NODE_SERIES_PALETTES[theme];
  if (slot >= 0 && slot < palette.length) return palette[slot];
  let hue = (slot * 137.508) % 360;
  if (hue > 320 || hue < 25) hue = (hue + 60) % 360;
  return theme === 'dark' ? hslHex(hue, 0.7, 0.65) : hslHex(hue, 0.75, 0.32);
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

/** What the per-node chart can show. */
export type NodeMetric = 'utilization' | 'queue' | 'hitRatio';

/** Kinds that can have a line in each per-node chart (the others' values are always NaN). */
const NODE_METRIC_KINDS: Readonly<Record<NodeMetric, readonly NodeKind[]>> = {
  utilization: UTILIZATION_KINDS,
  queue: UTILIZATION_KINDS,
  hitRatio: METRIC_INFO['cache.hitRatio'].nodeKinds ?? [],
};

/**
 * Each node's colour slot in a per-node chart (by its index in the node series): its place among
 * the document's nodes that can have a line in that chart, so the lines a chart shows get the
 * first, most distinct colours (by document index a lesson's two apps were slots 3 and 5). It
 * depends on the document alone, never on the data so far or on the busiest-first order: a node
 * keeps its colour at every frame and after a seek. A node with data but a kind not listed
 * (not expected) comes after all of those.
 */
export function nodeColorSlots(kinds: readonly (NodeKind | undefined)[], metric: NodeMetric): number[] {
  const charted = NODE_METRIC_KINDS[metric];
  let next = 0;
  const slots = kinds.map((kind) => (kind !== undefined && charted.includes(kind) ? next++ : -1));
  return slots.map((slot, i) => (slot >= 0 ? slot : next + i));
}

/** The nodes (by index in the node series) that can have a line in a per-node chart. */
export function chartableNodes(kinds: readonly (NodeKind | undefined)[], metric: NodeMetric): number[] {
  return kinds.flatMap((kind, i) => (kind !== undefined && NODE_METRIC_KINDS[metric].includes(kind) ? [i] : []));
}

const QUALIFIED = /^(.*\S)\s+\(([^()]+)\)$/;

/**
 * Shorter names for a chart's keys that keep what tells the nodes apart: when every name is the
 * same thing with a different qualifier ("Cache (cache-aside)", "Cache (write-through)"), the
 * qualifiers ("cache-aside", "write-through"); when every name has the same qualifier ("Shard 1
 * (hash)", "Shard 2 (hash)"), what comes before it. Otherwise, or if the shorter names would not
 * be unique, the names as they are. A 180-pixel chart had room for "Cache (write-th…" and
 * "+2 more"; the full name stays in the key's tooltip and accessible name.
 */
export function distinguishingNames(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  const parts = names.map((name) => QUALIFIED.exec(name));
  if (parts.some((match) => match === null)) return [...names];
  const matches = parts as RegExpExecArray[];
  const unique = (short: string[]) => new Set(short).size === short.length;
  if (matches.every((m) => m[1] === matches[0][1])) {
    const short = matches.map((m) => m[2].trim());
    if (unique(short)) return short;
  }
  if (matches.every((m) => m[2] === matches[0][2])) {
    const short = matches.map((m) => m[1]);
    if (unique(short)) return short;
  }
  return [...names];
}

/** A per-node series' key: what it is called in full, what its key shows, and its colour. */
export interface NodeSeriesSpec {
  label: string;
  /** The key's text when shorter than `label` (see distinguishingNames). */
  short?: string;
  color: string;
}

/** How the per-node chart keys and colours its nodes (by index in the node series). */
export interface NodeSeriesKeys {
  /** Colour slot (see nodeColorSlots); the index itself when absent. */
  slot?(index: number): number;
  /** Shorter key text, if any. */
  short?(index: number): string | undefined;
  theme?: ChartTheme;
}

/** The per-node chart's series (legend order as given, busiest first), each in its node's own colour. */
export function perNodeSeriesSpecs(nodes: readonly number[], label: (index: number) => string, keys: NodeSeriesKeys = {}): NodeSeriesSpec[] {
  return nodes.map((i) => {
    const short = keys.short?.(i);
    const full = label(i);
    return { label: full, ...(short !== undefined && short !== full ? { short } : {}), color: nodeSeriesColor(keys.slot?.(i) ?? i, keys.theme) };
  });
}
