import { describe, expect, it } from 'vitest';
import { consistencyCounts, consistencyText } from '../../../renderer/live/consistencyCounts';

const frame = (timeMs: number, ended: boolean, counts: number[]) => ({ timeMs, ended, consistency: Float64Array.from(counts) });

describe('consistency counts in the checks panel', () => {
  it('nothing before the run starts; the frame\'s counts so far while it plays; the report\'s once it has ended', () => {
    expect(consistencyCounts(null, null)).toBeNull();
    expect(consistencyCounts(frame(0, false, [0, 0, 0]), null)).toBeNull();
    const playing = consistencyCounts(frame(41_000, false, [2_140, 0, 1]), null)!;
    expect(playing).toEqual({ counts: { staleReads: 2_140, lostWrites: 0, sessionsLost: 1 }, source: 'live' });
    expect(consistencyText(playing)).toBe('2,140 stale reads · 0 lost writes · 1 session lost');
    // The report has the last word (the CLI's `consistency`), whatever the last frame carried.
    const report = { consistency: { reads: 11_884, staleReads: 3_411, writes: 586, lostWrites: 0, sessionsLost: 0 } };
    const final = consistencyCounts(frame(60_000, true, [3_400, 0, 0]), report)!;
    expect(final).toEqual({ counts: { staleReads: 3_411, lostWrites: 0, sessionsLost: 0 }, source: 'final' });
    expect(consistencyText(final)).toBe('3,411 stale reads · 0 lost writes · 0 sessions lost');
    expect(consistencyText({ counts: { staleReads: 1, lostWrites: 1, sessionsLost: 2 }, source: 'live' })).toBe('1 stale read · 1 lost write · 2 sessions lost');
  });
});
