import type uPlot from 'uplot';
import { formatSimSeconds } from './speedPresets';

/** A value as the readout writes it: whole counts with separators, latencies to 0.1 ms, shares to 0.1 %. */
export function readoutValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'ms') return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
  if (unit === '%') return `${value.toFixed(1)} %`;
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export interface ReadoutSeries {
  label: string;
  color: string;
}

/**
 * What the plot holds at the pointer, next to it: the second and each series' value there (the
 * charts drew a cursor line and said nothing more). The element is the plot's own, made once and
 * filled with text only (series names come from the design).
 */
export function showReadout(host: HTMLElement, plot: uPlot, series: readonly ReadoutSeries[], unit: string): void {
  let box = host.querySelector<HTMLElement>(':scope > .live-chart-readout');
  const index = plot.cursor.idx;
  const left = plot.cursor.left ?? -1;
  if (index === null || index === undefined || left < 0) {
    if (box !== null) box.hidden = true;
    return;
  }
  if (box === null) {
    box = document.createElement('div');
    box.className = 'live-chart-readout';
    box.setAttribute('aria-hidden', 'true'); // the pointer's view of numbers the tables and checks give in full
    host.appendChild(box);
  }
  const head = document.createElement('div');
  head.className = 'live-chart-readout-time';
  head.textContent = `second ${formatSimSeconds(plot.data[0][index]).replace(/ s$/, '')}`;
  const lines: HTMLElement[] = [head];
  series.forEach((s, i) => {
    const line = document.createElement('div');
    const dot = document.createElement('span');
    dot.className = 'live-chart-readout-dot';
    dot.style.background = s.color;
    line.append(dot, `${s.label} ${readoutValue(plot.data[i + 1]?.[index], unit)}`);
    lines.push(line);
  });
  box.replaceChildren(...lines);
  box.hidden = false;
  // Beside the pointer, on whichever side has room in the plot.
  const plotLeft = plot.bbox.left / devicePixelRatio;
  const x = plotLeft + left;
  const width = box.offsetWidth;
  box.style.left = `${x + 12 + width <= host.clientWidth ? x + 12 : Math.max(0, x - 12 - width)}px`;
  box.style.top = `${Math.max(0, plot.bbox.top / devicePixelRatio)}px`;
}
