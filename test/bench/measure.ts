/**
 * Timing helpers for `npm run bench`. Absolute speeds drift on shared machines, so every
 * figure is reported with the ratio to a baseline measured in the same run, and each is the
 * median of several repetitions after a warm-up (the JIT needs a few passes to settle).
 */
import { performance } from 'node:perf_hooks';

export interface Trial {
  /** Units of work done (events, requests, draws). */
  work: number;
  ms: number;
}

export function timed(run: () => number): Trial {
  const started = performance.now();
  const work = run();
  return { work, ms: performance.now() - started };
}

export function ratePerSecond(trial: Trial): number {
  return (trial.work / trial.ms) * 1000;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Rounds a rate to 3 significant figures: more digits than that are noise here. */
export function significant(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
