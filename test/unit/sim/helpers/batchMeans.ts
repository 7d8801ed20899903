import type { Simulation } from '../../../../shared/sim/simulation';
import { LatencyBins } from '../../../../shared/sim/metrics/latencyBins';

export interface BatchEstimate {
  /** Grand estimate over all batches. */
  value: number;
  /** Standard error from the spread of batch estimates (batch-means method). */
  standardError: number;
  batches: number[];
}

/**
 * Batch means: cut the run (after `warmupS`) into `batchCount` equal windows of send seconds,
 * estimate the statistic in each, and take the spread of those estimates as the error. With
 * batches much longer than the system's relaxation time the batch estimates are nearly
 * independent, so SE = sd(batches) / √batchCount is an honest error bar for correlated output.
 */
export function batchEstimate(sim: Simulation, warmupS: number, batchCount: number, statistic: (bins: LatencyBins) => number): BatchEstimate {
  const metrics = sim.world.metrics;
  const lastS = Math.floor(sim.durationS);
  const width = Math.floor((lastS - warmupS) / batchCount);
  const batches: number[] = [];
  const all = new LatencyBins(2);
  for (let b = 0; b < batchCount; b++) {
    const bins = metrics.binsIn(warmupS + b * width, warmupS + (b + 1) * width);
    batches.push(statistic(bins));
    all.add(bins);
  }
  const mean = batches.reduce((sum, x) => sum + x, 0) / batchCount;
  const variance = batches.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (batchCount - 1);
  return { value: statistic(all), standardError: Math.sqrt(variance / batchCount), batches };
}

export const meanOf = (bins: LatencyBins): number => bins.meanMs();
export const percentileOf = (p: number) => (bins: LatencyBins): number => bins.percentilesMs([p])[0];

/**
 * Batch means of any windowed statistic: `statistic(fromS, toS)` over `batchCount` equal windows
 * of [fromS, toS). Returns the mean of the batches and its standard error (see batchEstimate).
 */
export function batchWindows(fromS: number, toS: number, batchCount: number, statistic: (fromS: number, toS: number) => number): BatchEstimate {
  const width = (toS - fromS) / batchCount;
  const batches: number[] = [];
  for (let b = 0; b < batchCount; b++) batches.push(statistic(fromS + b * width, fromS + (b + 1) * width));
  const mean = batches.reduce((sum, x) => sum + x, 0) / batchCount;
  const variance = batches.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (batchCount - 1);
  return { value: mean, standardError: Math.sqrt(variance / batchCount), batches };
}
