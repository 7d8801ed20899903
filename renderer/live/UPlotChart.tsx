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
  return `${value}${unit}`;
}

/** The x axis's range on the plot element (data-x-max, seconds; empty before there is data), for tests. */
function showRange(host: HTMLElement, plot: uPlot): void {
  const max = plot.scales.x?.max;
  host.dataset.xMax = typeof max === 'number' && Number.isFinite(max) ? String(max) : '';
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
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px Inter, system-ui, sans-serif' };
    const options: uPlot.Options = {
      width: Math.max(120, host.clientWidth),
      height: Math.max(80, host.clientHeight),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [
        { ...axis, values: (_u, values) => values.map((v) => `${v}s`) },
        { ...axis, size: 54, values: (_u, values) => values.map((v) => axisLabel(v, unit)) },
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
