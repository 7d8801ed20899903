import type { StationStats } from '../engine/stationStats';

/** A station that also tells its current queue and the most it may hold (both engine station types and a queue's depth do). */
export interface QueueingStation extends StationStats {
  readonly queueLength: number;
  readonly queueLimit: number;
  /** The queue limit × ms over [fromMs, toMs), at the limit in force at each moment (edits change it mid-run). */
  queueLimitMs(fromMs: number, toMs: number): number;
}

export function hasQueue(station: StationStats): station is QueueingStation {
  const candidate = station as Partial<QueueingStation>;
  return typeof candidate.queueLength === 'number' && typeof candidate.queueLimit === 'number' && typeof candidate.queueLimitMs === 'function';
}
