import { useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData } from './chartSeries';

export interface ChartSeriesSpec {
  label: string;
  color: string;
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
  testId?: string;
}

function readVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** A uPlot chart that follows its container's size; data updates reuse the plot. */
/** A y-axis label that fits the axis: 2 s rather than 2000ms, 12k rather than 12000. */
export function axisLabel(value: number, unit: string): string {
  if (unit === 'ms' && Math.abs(value) >= 1000) return `${Number((value / 1000).toFixed(1))} s`;
  if (Math.abs(value) >= 10_000) return `${Math.round(value / 1000)}k${unit}`;
  // Small steps (0.25 %) without floating-point tails (0.30000000000000004).
  return `${Number(value.toPrecision(3))}${unit}`;
}

/**
 * The top of a percent axis: the smallest of 1, 2, 2.5, 5 × 10ⁿ at or above the highest value,
 * at most 100 % — so utilization that stays under 2 % reads against a "2%" label, not only "0%".
 */
export function percentAxisTop(max: number): number {
  if (!(max > 0)) return 1;
  if (max >= 100) return 100;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max - 1e-9 * magnitude) return Math.min(100, step * magnitude);
  return 100;
}

/** Percent axis ticks: 0, the middle and the top, so the top always has a label. */
export function percentAxisSplits(top: number): number[] {
  return [0, top / 2, top];
}

/** The x axis's range on the plot element (data-x-max, seconds; empty before there is data), for tests. */
function showRange(host: HTMLElement, plot: uPlot): void {
  const max = plot.scales.x?.max;
  host.dataset.xMax = typeof max === 'number' && Number.isFinite(max) ? String(max) : '';
  const top = plot.scales.y?.max;
  host.dataset.yMax = typeof top === 'number' && Number.isFinite(top) ? String(top) : '';
}

export function UPlotChart({ title, unit, series, data, testId }: UPlotChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const seriesKey = series.map((s) => `${s.label}:${s.color}`).join('|');

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const text = readVar('--muted', '#8b98a9');
    const grid = readVar('--panel-border', '#262e3a');
    const percent = unit === '%';
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px Inter, system-ui, sans-serif' };
    const options: uPlot.Options = {
      width: Math.max(120, host.clientWidth),
      height: Math.max(80, host.clientHeight),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: percent ? { x: { time: false }, y: { range: (_u, _min, max) => [0, percentAxisTop(max)] } } : { x: { time: false } },
      axes: [
        { ...axis, values: (_u, values) => values.map((v) => `${v}s`) },
        { ...axis, size: 54, values: (_u, values) => values.map((v) => axisLabel(v, unit)), ...(percent ? { splits: (u: uPlot) => percentAxisSplits(u.scales.y?.max ?? 1) } : {}) },
      ],
      // uPlot settles scales after setData returns: the range is shown once it has drawn.
      hooks: { draw: [(u) => showRange(host, u)] },
      series: [{ label: 's' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, fill: s.fill === true ? `${s.color}33` : undefined, spanGaps: false, points: { show: false } }))],
    };
    const plot = new uPlot(options, data as uPlot.AlignedData, host);
    plotRef.current = plot;
    showRange(host, plot);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(120, host.clientWidth), height: Math.max(80, host.clientHeight) }));
    observer.observe(host);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
    // Rebuilt only when the series change; data flows in through setData below.
  }, [seriesKey, unit]);

  useEffect(() => {
    plotRef.current?.setData(data as uPlot.AlignedData);
  }, [data]);

  return (
    <figure className="live-chart" data-testid={testId}>
      <figcaption>
        {title}
        {series.map((s) => (
          <span key={s.label} className="live-chart-key">
            <i style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
      <div ref={hostRef} className="live-chart-plot" />
    </figure>
  );
}
