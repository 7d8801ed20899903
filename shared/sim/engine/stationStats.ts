import type { SecondSeries } from './secondSeries';

/**
 * Per-second integrals every server-like node exposes (utilization, meanQueue, maxQueue, for the
 * whole run or any check window).
 */
export interface StationStats {
  /** Busy-server milliseconds per second. */
  readonly busyMs: SecondSeries;
  /** Server-capacity milliseconds per second (servers × time). */
  readonly capacityMs: SecondSeries;
  /** Queue-length × milliseconds per second. */
  readonly queueMs: SecondSeries;
  /** Longest queue seen in each second. */
  readonly queueMax: SecondSeries;
  /** Brings the integrals up to `nowMs`. */
  advance(nowMs: number): void;
}

/**
 * Adds `weight` × the part of [fromMs, toMs) that falls in each second, up to `horizonMs`: time
 * booked ahead beyond the seconds anything reads would cost a loop step and 8 bytes a second
 * (a database read of 10⁹ ms, a valid setting, booked 11.6 days of seconds on every arrival).
 */
export function addInterval(series: SecondSeries, fromMs: number, toMs: number, weight: number, horizonMs = Infinity): void {
  let t = fromMs;
  const until = Math.min(toMs, horizonMs);
  while (t < until) {
    const second = Math.floor(t / 1000);
    const end = Math.min(until, (second + 1) * 1000);
    series.add(second, weight * (end - t));
    t = end;
  }
}
