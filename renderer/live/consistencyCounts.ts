import { countOf } from '../../shared/model/plural';
import { CONSISTENCY_COUNTS } from '../../shared/sim/session/protocol';

export type ConsistencyName = (typeof CONSISTENCY_COUNTS)[number];

/** The run's consistency counts (DESIGN §3) and whether they are the finished run's or so far. */
export interface ConsistencyCounts {
  counts: Record<ConsistencyName, number>;
  source: 'final' | 'live';
}

const NOUNS: Record<ConsistencyName, [string, string]> = {
  staleReads: ['stale read', 'stale reads'],
  lostWrites: ['lost write', 'lost writes'],
  sessionsLost: ['session lost', 'sessions lost'],
};

/**
 * Stale reads, lost writes and sessions lost: from the report once the run has ended (its
 * `consistency`, the CLI's numbers), else from the newest frame (whole run so far); null before
 * anything has run. Lessons ask the class to count them ("count the stale reads") whether or not a
 * check measures them.
 */
export function consistencyCounts(frame: { timeMs: number; ended: boolean; consistency: Float64Array } | null, report: Record<string, unknown> | null): ConsistencyCounts | null {
  const final = report?.consistency as Partial<Record<ConsistencyName, unknown>> | undefined;
  if (final !== undefined && CONSISTENCY_COUNTS.every((name) => typeof final[name] === 'number')) {
    return { counts: Object.fromEntries(CONSISTENCY_COUNTS.map((name) => [name, final[name] as number])) as Record<ConsistencyName, number>, source: 'final' };
  }
  if (frame === null || (frame.timeMs === 0 && !frame.ended)) return null;
  return { counts: Object.fromEntries(CONSISTENCY_COUNTS.map((name, i) => [name, frame.consistency[i]])) as Record<ConsistencyName, number>, source: frame.ended ? 'final' : 'live' };
}

/** "3,411 stale reads · 0 lost writes · 1 session lost". */
export function consistencyText({ counts }: ConsistencyCounts): string {
  return CONSISTENCY_COUNTS.map((name) => countOf(counts[name], NOUNS[name][0], NOUNS[name][1], (n) => n.toLocaleString('en-US'))).join(' · ');
}
