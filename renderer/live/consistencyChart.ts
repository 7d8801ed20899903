import { CONSISTENCY_COUNTS } from '../../shared/sim/session/protocol';
import { NODE_SERIES_PALETTES, type ChartData, type ChartTheme } from './chartSeries';
import type { ConsistencyName } from './consistencyCounts';
import type { ConsistencySeries } from './consistencySeries';
import type { ChartSeriesSpec } from './UPlotChart';

/** The consistency chart's keys, lower case like the other charts' ("ok", "timeout"). */
const KEY_NAMES: Readonly<Record<ConsistencyName, string>> = {
  staleReads: 'stale reads',
  lostWrites: 'lost writes',
  sessionsLost: 'sessions lost',
};

/** A word for each, beside its total where the names leave no room ("stale 144 · lost 12"). */
const KEY_WORDS: Readonly<Record<ConsistencyName, string>> = {
  staleReads: 'stale',
  lostWrites: 'lost',
  sessionsLost: 'sessions',
};

/**
 * Colour slots of the per-node palette (tested there for contrast on each theme and distance
 * from the failures' red): blue, orange and green, which stay ≥ 40 apart (CIELAB ΔE) for
 * deuteranopes and protanopes as well — the palette's purple and sky were too close to its blue.
 */
const PALETTE_SLOTS: Readonly<Record<ConsistencyName, number>> = { staleReads: 0, lostWrites: 2, sessionsLost: 1 };

/** A consistency series' colour on `theme`. */
export function consistencyColor(name: ConsistencyName, theme: ChartTheme): string {
  return NODE_SERIES_PALETTES[theme][PALETTE_SLOTS[name]];
}

/**
 * The chart's series, each key with the run's total so far (the Checks tab's counts: "stale reads
 * 144"), so "watch the stale-read count" can be done from the Charts tab. No totals before
 * anything has run (`totals` null).
 */
export function consistencySeriesSpecs(totals: Readonly<Record<ConsistencyName, number>> | null, theme: ChartTheme): ChartSeriesSpec[] {
  return CONSISTENCY_COUNTS.map((name) => ({
    label: KEY_NAMES[name],
    tight: KEY_WORDS[name],
    color: consistencyColor(name, theme),
    fill: true,
    ...(totals === null ? {} : { count: totals[name].toLocaleString('en-US') }),
  }));
}

/** Stale reads, lost writes and sessions lost per second (by send second), for the first `n` seconds. */
export function consistencyData(series: ConsistencySeries, n: number): ChartData {
  const length = Math.min(n, series.seconds);
  const x = Array.from({ length }, (_, t) => t);
  const column = (name: ConsistencyName) => Array.from({ length }, (_, t) => (Number.isFinite(series.columns[name][t]) ? series.columns[name][t] : null));
  return [x, ...CONSISTENCY_COUNTS.map(column)] as ChartData;
}
