import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { timeAxisSpace, valueAxisSize, VALUE_LABEL_GAP_PX, VALUE_TICK_PX, type MeasureText } from './axisRoom';
import type { ChartData } from './chartSeries';
import { ChartKeys } from './ChartKeys';
import { formatSimTime } from './speedPresets';
import { showReadout } from './chartReadout';
import { usePageTheme } from './usePageTheme';

export interface ChartSeriesSpec {
  /** The series' full name (its tooltip and accessible name, and what tells series apart). */
  label: string;
  /** Shorter text for its key, when the full name would not leave room for the others'. */
  short?: string;
  color: string;
  /** A word for a key with a total, when its name leaves no room for the others' ("stale 144"). */
  tight?: string;
  /** A figure after the key's name that is not part of its identity: a running total ("stale reads 144"). */
  count?: string;
  /** Filled area under the line (counts), or a plain line (latencies). */
  fill?: boolean;
}

interface UPlotChartProps {
  /** A caption, or a control that names the chart (the per-node chart's series picker). */
  title: ReactNode;
  unit: string;
  series: readonly ChartSeriesSpec[];
  data: ChartData;
  /** Where the playhead is, in simulated seconds. */
  cursorS?: number;
  /** What a screen reader calls the series key (by default the title's text and "key"). */
  keysLabel?: string;
  /**
   * The first second whose counts are not final yet (null: all are): the plot shades from the
   * point before it to its right edge, with `pendingLabel` over the shading.
   */
  pendingFromS?: number | null;
  pendingLabel?: string;
  /** Keys may take more lines, as the dock's height allows (the per-node chart's three to five names). */
  roomyKeys?: boolean;
  testId?: string;
}

function readVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * Steps between time-axis ticks, in simulated seconds: past a minute they are whole minutes, so a
 * long run's ticks read 5:00, 10:00 rather than 500s, 1000s.
 */
export const TIME_AXIS_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

/**
 * Time-axis labels (simulated seconds): "0s 5s 10s" while every tick is under a minute, else all
 * as the playback clock writes them, without its tenth ("0:00 5:00 10:00", "1:30:00").
 */
export function timeAxisLabels(values: readonly number[]): string[] {
  if (values.every((v) => v < 60)) return values.map((v) => `${v}s`);
  return values.map((v) => formatSimTime(Math.round(v) * 1000).slice(0, -2));
}

/**
 * A y-axis label that fits the axis: 2s rather than 2000ms, 12k rather than 12000. Units without
 * a space, as the time axis below writes its seconds ("500ms", "1.5s", "10s"): a space would
 * push "500 ms" past the axis's edge.
 */
export function axisLabel(value: number, unit: string): string {
  if (unit === 'ms' && Math.abs(value) >= 1000) return `${Number((value / 1000).toFixed(1))}s`;
  if (Math.abs(value) >= 10_000) return `${Math.round(value / 1000)}k${unit}`;
  // Small steps (0.25 %) without floating-point tails (0.30000000000000004).
  return `${Number(value.toPrecision(3))}${unit}`;
}

/**
 * The top of a y axis: the smallest of 1, 2, 2.5, 5 × 10ⁿ at or above the highest value (1 with
 * no data above 0), so the top always carries a round label — a short plot used to show only "0".
 */
export function niceAxisTop(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5]) if (step * magnitude >= max - 1e-9 * magnitude) return step * magnitude;
  return 10 * magnitude;
}

/**
 * The top of a percent axis: as niceAxisTop, at most 100 % — so utilization that stays under 2 %
 * reads against a "2%" label, not only "0%".
 */
export function percentAxisTop(max: number): number {
  if (max >= 100) return 100;
  return Math.min(100, niceAxisTop(max));
}

/**
 * Y axis ticks: 0, the middle and the top, so the top always has a label — only 0 and the top on
 * a plot too short (in CSS pixels) to set three labels apart, or, for counts (`integers`), when
 * the middle would be a fraction.
 */
export function axisSplits(top: number, plotHeight = Infinity, integers = false): number[] {
  return plotHeight < MIN_TICK_GAP * 2 || (integers && !Number.isInteger(top / 2)) ? [0, top] : [0, top / 2, top];
}

/** Percent axis ticks (see axisSplits). */
export function percentAxisSplits(top: number, plotHeight = Infinity): number[] {
  return axisSplits(top, plotHeight);
}

/**
 * The smallest plot uPlot is asked for: the time axis and room for three y labels (live.css gives
 * the host the same least height, and the panel scrolls rather than squeeze it).
 */
const MIN_PLOT_HEIGHT = 64;

/**
 * The narrowest plot uPlot is asked for (while the host has no width yet); narrower than the
 * charts' place in an 800-pixel window (115 px), or uPlot's plot is cut at the host's right edge.
 */
const MIN_PLOT_WIDTH = 80;

/** The axes' type; labels are measured in it to size the axes. */
const AXIS_FONT_PX = 11;
const AXIS_FONT = `${AXIS_FONT_PX}px Inter, system-ui, sans-serif`;

let measuringContext: CanvasRenderingContext2D | null = null;
const measureAxisText: MeasureText = (text) => {
  measuringContext ??= document.createElement('canvas').getContext('2d');
  if (measuringContext === null) return text.length * AXIS_FONT_PX * 0.6;
  measuringContext.font = AXIS_FONT;
  return measuringContext.measureText(text).width;
};

/** The labels an axis drew, by value (uPlot keeps them to itself). */
interface DrawnTicks {
  values: readonly number[];
  labels: readonly string[];
}

/** The time axis's tick marks and the gap under them, in CSS pixels (its ticks.size and gap). */
const TIME_TICK_PX = 4;
const TIME_LABEL_GAP_PX = 3;

/**
 * Where the axes' labels are drawn, as boxes in CSS pixels from the plot element's corner, on the
 * element (data-axis-labels) for the layout tests: the canvas keeps no trace of them.
 */
function showAxisLabels(host: HTMLElement, plot: uPlot, x: DrawnTicks, y: DrawnTicks): void {
  const left = plot.bbox.left / devicePixelRatio;
  const top = plot.bbox.top / devicePixelRatio;
  const xTop = top + plot.bbox.height / devicePixelRatio + TIME_TICK_PX + TIME_LABEL_GAP_PX;
  const boxes = [
    ...x.labels.map((text, i) => {
      const centre = left + plot.valToPos(x.values[i], 'x');
      const half = measureAxisText(text) / 2;
      return { axis: 'x', text, left: centre - half, right: centre + half, top: xTop, bottom: xTop + AXIS_FONT_PX };
    }),
    ...y.labels.map((text, i) => {
      const middle = top + plot.valToPos(y.values[i], 'y');
      const right = left - VALUE_TICK_PX - VALUE_LABEL_GAP_PX;
      return { axis: 'y', text, left: right - measureAxisText(text), right, top: middle - AXIS_FONT_PX / 2, bottom: middle + AXIS_FONT_PX / 2 };
    }),
  ];
  host.dataset.axisLabels = JSON.stringify(boxes.map((b) => ({ ...b, left: Math.round(b.left), right: Math.round(b.right), top: Math.round(b.top), bottom: Math.round(b.bottom) })));
}

/** Least room between y-axis labels, in CSS pixels: 11 px type with air between the lines. */
export const MIN_TICK_GAP = 20;

/** The x axis's range on the plot element (data-x-max, seconds; empty before there is data), for tests. */
function showRange(host: HTMLElement, plot: uPlot): void {
  // The y labels drawn (data-y-ticks) and the plotting area's height in CSS pixels (data-plot-height).
  host.dataset.plotHeight = String(Math.round(plot.bbox.height / devicePixelRatio));
  const max = plot.scales.x?.max;
  host.dataset.xMax = typeof max === 'number' && Number.isFinite(max) ? String(max) : '';
  const top = plot.scales.y?.max;
  host.dataset.yMax = typeof top === 'number' && Number.isFinite(top) ? String(top) : '';
  // The series the plot draws highlighted (data-focused; '' for none), as uPlot marks it.
  const focused = plot.series.find((s, i) => i > 0 && (s as { _focus?: boolean | null })._focus === true);
  host.dataset.focused = focused?.label?.toString() ?? '';
}

/** What the band of seconds not final yet is drawn with (the theme's, read with the axes'). */
interface BandColors {
  shade: string;
  label: string;
  halo: string;
}

/** A colour of the theme (#rrggbb) at `alpha` (0–1); other forms of colour as they are. */
function withAlpha(color: string, alpha: number): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return color;
  return `${color}${Math.round(alpha * 255).toString(16).padStart(2, '0')}`;
}

/** The band's left edge, in canvas pixels, or null when there is no band to draw. */
function pendingLeft(u: uPlot, fromS: number | null): number | null {
  const min = u.scales.x?.min;
  const max = u.scales.x?.max;
  if (fromS === null || typeof min !== 'number' || typeof max !== 'number' || !(max > min)) return null;
  // From the last final point, so the whole segment falling into the first open second is inside.
  const from = Math.min(max, Math.max(min, fromS - 1));
  return u.valToPos(from, 'x', true);
}

/** Shading with diagonal hatching, from the last final second to the plot's right edge. */
function drawPendingBand(u: uPlot, fromS: number | null, colors: BandColors): void {
  const left = pendingLeft(u, fromS);
  if (left === null) return;
  const { top, height } = u.bbox;
  const right = u.bbox.left + u.bbox.width;
  const ctx = u.ctx;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, right - left, height);
  ctx.clip();
  ctx.fillStyle = withAlpha(colors.shade, 0.16);
  ctx.fillRect(left, top, right - left, height);
  ctx.strokeStyle = withAlpha(colors.shade, 0.35);
  ctx.lineWidth = devicePixelRatio;
  const step = 5 * devicePixelRatio;
  ctx.beginPath();
  for (let x = left - height; x < right; x += step) {
    ctx.moveTo(x, top + height);
    ctx.lineTo(x + height, top);
  }
  ctx.stroke();
  // Its left edge: where the counts stop being final.
  ctx.strokeStyle = withAlpha(colors.shade, 0.8);
  ctx.setLineDash([3 * devicePixelRatio, 2 * devicePixelRatio]);
  ctx.beginPath();
  ctx.moveTo(left, top);
  ctx.lineTo(left, top + height);
  ctx.stroke();
  ctx.restore();
}

/**
 * The band's label, at the plot's top right (reaching left past a band narrower than it), as
 * text in a halo rather than on a box, so the lines under it stay visible. Where the band and the
 * label are drawn is kept on the plot element (data-pending) for the tests.
 */
function drawPendingLabel(u: uPlot, host: HTMLElement, pending: { fromS: number | null; label: string }, colors: BandColors): void {
  const left = pendingLeft(u, pending.fromS);
  if (left === null) {
    delete host.dataset.pending;
    return;
  }
  const ctx = u.ctx;
  const right = u.bbox.left + u.bbox.width;
  const x = right - 2 * devicePixelRatio;
  const y = u.bbox.top + 2 * devicePixelRatio;
  const css = (v: number) => Math.round(v / devicePixelRatio);
  ctx.save();
  ctx.font = `600 ${PENDING_FONT_PX * devicePixelRatio}px Inter, system-ui, sans-serif`;
  const width = ctx.measureText(pending.label).width;
  const labelled = pending.fromS !== null && showsPendingLabel(pending.fromS, u.scales.x?.max ?? 0, { width: css(u.bbox.width), height: css(u.bbox.height) }, css(width));
  if (labelled) {
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3 * devicePixelRatio;
    ctx.strokeStyle = colors.halo;
    ctx.strokeText(pending.label, x, y);
    ctx.fillStyle = colors.label;
    ctx.fillText(pending.label, x, y);
  }
  ctx.restore();
  const label = labelled ? { label: pending.label, labelLeft: css(x - width), labelRight: css(x), labelTop: css(y) } : { label: null };
  host.dataset.pending = JSON.stringify({ fromS: pending.fromS, left: css(left), right: css(right), ...label });
}

/**
 * Whether the band of seconds not final gets its label (sizes in CSS pixels): when two seconds or
 * more are open (the last second's requests are always partly in flight, and a band there at
 * every pause needs no words), and the plot has room for it beside its lines (in an 800×600
 * window the label covered half of a 40-pixel plot).
 */
export function showsPendingLabel(fromS: number, lastS: number, plot: { width: number; height: number }, labelWidth: number): boolean {
  return lastS - fromS >= 1 && plot.height >= 56 && labelWidth <= plot.width / 2;
}

/** The band label's type, a size under the axes' so it reads as a note on the plot. */
const PENDING_FONT_PX = 10;

/** A uPlot chart that follows its container's size; data updates reuse the plot. */
export function UPlotChart({ title, unit, series, data, keysLabel, pendingFromS = null, pendingLabel = 'not final', roomyKeys = false, testId }: UPlotChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  // The series pointed at in the key, by label: it stays highlighted when the plot is rebuilt for
  // re-ordered series (the per-node chart lists the busiest first, and the order changes as it runs).
  const focusedRef = useRef<string | null>(null);
  const seriesRef = useRef(series);
  seriesRef.current = series;
  const seriesKey = series.map((s) => `${s.label}:${s.color}`).join('|');
  // Read by the plot's draw hooks, which outlive a render: the band moves with the data.
  const pendingRef = useRef({ fromS: pendingFromS, label: pendingLabel });
  pendingRef.current = { fromS: pendingFromS, label: pendingLabel };
  // The axes' and grid's colours are read from the theme's CSS when the plot is built.
  const theme = usePageTheme();

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const text = readVar('--muted', '#8b98a9');
    const grid = readVar('--panel-border', '#262e3a');
    const band: BandColors = { shade: readVar('--muted', '#8b98a9'), label: readVar('--text', '#e6edf3'), halo: readVar('--panel', '#151a21') };
    const percent = unit === '%';
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: AXIS_FONT };
    const xTicks: DrawnTicks = { values: [], labels: [] };
    const yTicks: DrawnTicks = { values: [], labels: [] };
    const options: uPlot.Options = {
      width: Math.max(MIN_PLOT_WIDTH, host.clientWidth),
      height: Math.max(MIN_PLOT_HEIGHT, host.clientHeight),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      // A series pointed at in the key stands out; the others fade.
      focus: { alpha: 0.2 },
      // Every y axis starts at 0 and ends on a round value (counts, latencies and percentages are never negative).
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, percent ? percentAxisTop(max) : niceAxisTop(max)] } },
      axes: [
        // A compact time axis (uPlot's default takes 50 px): short plots keep their height for data.
        {
          ...axis,
          size: 24,
          gap: TIME_LABEL_GAP_PX,
          ticks: { ...axis.ticks, size: TIME_TICK_PX },
          incrs: TIME_AXIS_STEPS_S,
          // Ticks as far apart as the widest label needs: a narrow plot gets fewer, never overlapping ones.
          space: (_u, _axis, min, max) => timeAxisSpace(timeAxisLabels([Math.round(min), Math.round(max)]), measureAxisText),
          values: (_u, values) => {
            const labels = timeAxisLabels(values);
            Object.assign(xTicks, { values, labels });
            return labels;
          },
        },
        {
          ...axis,
          // As wide as its labels: a narrow chart keeps its width for the plot.
          size: (_u, labels) => valueAxisSize(labels, measureAxisText),
          gap: VALUE_LABEL_GAP_PX,
          ticks: { ...axis.ticks, size: VALUE_TICK_PX },
          values: (_u, values) => {
            host.dataset.yTicks = String(values.length);
            const labels = values.map((v) => axisLabel(v, unit));
            Object.assign(yTicks, { values, labels });
            return labels;
          },
          splits: (u: uPlot) => axisSplits(u.scales.y?.max ?? 1, u.bbox.height / devicePixelRatio, unit === ''),
        },
      ],
      // uPlot settles scales after setData returns: the range is shown once it has drawn.
      hooks: {
        // Over the grid, under the lines: the shading never hides a line.
        drawAxes: [(u) => drawPendingBand(u, pendingRef.current.fromS, band)],
        draw: [
          (u) => {
            drawPendingLabel(u, host, pendingRef.current, band);
            showRange(host, u);
            showAxisLabels(host, u, xTicks, yTicks);
          },
        ],
        // The pointer over the plot reads its values out (data arriving moves them under a still pointer too).
        setCursor: [(u) => showReadout(host, u, seriesRef.current, unit)],
      },
      series: [{ label: 's' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, fill: s.fill === true ? `${s.color}33` : undefined, spanGaps: false, points: { show: false } }))],
    };
    const plot = new uPlot(options, data as uPlot.AlignedData, host);
    plotRef.current = plot;
    // What the axes and grid were drawn with (the canvas keeps no trace of it), for the tests.
    host.dataset.axisColors = `${text} ${grid}`;
    showRange(host, plot);
    const focused = series.findIndex((s) => s.label === focusedRef.current);
    if (focused >= 0) plot.setSeries(focused + 1, { focus: true });
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(MIN_PLOT_WIDTH, host.clientWidth), height: Math.max(MIN_PLOT_HEIGHT, host.clientHeight) }));
    observer.observe(host);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
    // Rebuilt only when the series or the theme change; data flows in through setData below.
  }, [seriesKey, unit, theme]);

  useEffect(() => {
    plotRef.current?.setData(data as uPlot.AlignedData);
  }, [data]);

  const focusSeries = useCallback((index: number | null) => {
    focusedRef.current = index === null ? null : (seriesRef.current[index]?.label ?? null);
    const plot = plotRef.current;
    if (plot === null) return;
    // uPlot's series 0 is the x values: series i of the key is uPlot's i + 1.
    plot.setSeries(index === null ? null : index + 1, { focus: true });
  }, []);

  return (
    <figure className="live-chart" data-testid={testId}>
      <figcaption>
        {/* Two lines at most: a longer title ends in "…" (whole in its tooltip). */}
        <span className="live-chart-title" title={typeof title === 'string' ? title : undefined}>
          {title}
        </span>
        {/* The lines the caption has room for; keys that do not fit fold into "+N more". */}
        <ChartKeys series={series} onFocus={focusSeries} label={keysLabel ?? (typeof title === 'string' ? `${title} key` : 'Series key')} roomy={roomyKeys} testId={testId} />
      </figcaption>
      <div ref={hostRef} className="live-chart-plot" />
    </figure>
  );
}
