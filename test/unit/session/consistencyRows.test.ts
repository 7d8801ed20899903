import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONSISTENCY_COUNTS, CONSISTENCY_ROW_FLOATS, METRIC_ROW_FLOATS, type Frame } from '../../../shared/sim/session/protocol';
import { saveDocument } from '../../../shared/model';
import { createHarness } from './harness';
import { lessonDocument } from '../lessons/helpers';

const fixture = readFileSync(new URL('../../fixtures/sim/data/failover.faultline', import.meta.url), 'utf8');

/** Each second's newest row, as the renderer keeps them (rows overwrite by `t`). */
function newestRows(frames: readonly Frame[]): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  for (const frame of frames) {
    const data = frame.consistencyRows;
    for (let o = 0; o < data.length; o += CONSISTENCY_ROW_FLOATS) rows.set(data[o], Array.from(data.subarray(o + 1, o + CONSISTENCY_ROW_FLOATS)));
  }
  return rows;
}

function sums(rows: Map<number, number[]>): Record<string, number> {
  return Object.fromEntries(CONSISTENCY_COUNTS.map((name, c) => [name, [...rows.values()].reduce((sum, row) => sum + row[c], 0)]));
}

/** The earliest second a frame's metric rows still send (every second before it is settled). */
function firstMetricSecond(frame: Frame): number {
  return frame.metricRows.length === 0 ? Number.POSITIVE_INFINITY : frame.metricRows[0];
}

/** Steps `text` through to its end a second at a time (stopping at each scenario pause on the way); the rows' sums and the report's totals. */
function stepThrough(text: string): { rows: Record<string, number>; report: Record<string, number> } {
  const h = createHarness();
  h.session.handle({ type: 'load', documentText: text });
  for (let step = 0; step < 100 && !h.lastFrame().ended; step++) h.session.handle({ type: 'step', deltaMs: 1000 });
  const report = h.ofType('finished')[0].report as { consistency: Record<string, number> };
  return { rows: sums(newestRows(h.frames())), report: Object.fromEntries(CONSISTENCY_COUNTS.map((name) => [name, report.consistency[name]])) };
}

describe('consistency rows', () => {
  // Async replication cut at 18 s, the primary crashing at 20 s and its loss detected at 22 s: the
  // writes acknowledged in 18–20 s are in no surviving copy (564 lost writes), and the replicas
  // served stale reads.
  it('played in one-second steps, the rows per second add up to the report\'s consistency totals', () => {
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: fixture });
    for (let step = 0; step < 60 && !h.lastFrame().ended; step++) h.session.handle({ type: 'step', deltaMs: 1000 });
    const report = h.ofType('finished')[0].report as { consistency: Record<string, number> };
    const totals = sums(newestRows(h.frames()));
    expect(totals.lostWrites).toBeGreaterThan(0);
    expect(totals.staleReads).toBeGreaterThan(0);
    expect(totals).toEqual(Object.fromEntries(CONSISTENCY_COUNTS.map((name) => [name, report.consistency[name]])));
    // Every second of the run has a row, by its own second.
    expect([...newestRows(h.frames()).keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, t) => t));
  });

  it('so do the lessons\' (a write-behind cache\'s crash, two failovers, sessions lost to clones)', () => {
    const cachePolicies = stepThrough(saveDocument(lessonDocument('cache-write-policies')));
    expect(cachePolicies.rows).toEqual(cachePolicies.report);
    expect(cachePolicies.rows.lostWrites).toBeGreaterThan(0);
    const failover = stepThrough(saveDocument(lessonDocument('failover-and-lost-writes')));
    expect(failover.rows).toEqual(failover.report);
    expect(failover.rows.lostWrites).toBeGreaterThan(0);
    const sessions = stepThrough(saveDocument(lessonDocument('sessions-and-clones')));
    expect(sessions.rows).toEqual(sessions.report);
    expect(sessions.rows.sessionsLost).toBeGreaterThan(0);
  });

  it('a write found lost after its second settled is sent again, in the second it was sent', () => {
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: fixture });
    for (let step = 0; step < 200 && !h.lastFrame().ended; step++) h.session.handle({ type: 'step', deltaMs: 250 });
    // A frame that re-sends a second its metric rows had already left behind, with lost writes.
    const resent = h.frames().flatMap((frame) => {
      const rows: { frameMs: number; t: number; lost: number }[] = [];
      for (let o = 0; o < frame.consistencyRows.length; o += CONSISTENCY_ROW_FLOATS) {
        const t = frame.consistencyRows[o];
        if (t < firstMetricSecond(frame)) rows.push({ frameMs: frame.timeMs, t, lost: frame.consistencyRows[o + 2] });
      }
      return rows;
    });
    expect(resent.length).toBeGreaterThan(0);
    expect(resent.some((row) => row.lost > 0)).toBe(true);
    // Sent again because it changed, at the failover (22 s), not on every frame after.
    expect(new Set(resent.map((row) => row.frameMs)).size).toBe(1);
    expect(resent[0].frameMs).toBeGreaterThanOrEqual(22_000);
    expect(resent[0].frameMs).toBeLessThan(22_500);
    // Otherwise a frame's consistency rows are its metric rows' seconds.
    const quiet = h.frames().filter((frame) => frame.timeMs !== resent[0].frameMs);
    for (const frame of quiet) {
      const seconds = (data: Float64Array, stride: number) => Array.from({ length: data.length / stride }, (_, i) => data[i * stride]);
      expect(seconds(frame.consistencyRows, CONSISTENCY_ROW_FLOATS)).toEqual(seconds(frame.metricRows, METRIC_ROW_FLOATS));
    }
  });

  it('after a seek back the rows start afresh and add up to the counts so far', () => {
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: fixture });
    h.session.handle({ type: 'step', deltaMs: 30_000 });
    h.session.handle({ type: 'seek', timeMs: 25_000 });
    const frame = h.lastFrame();
    expect(frame.resync).toBe(true);
    const totals = sums(newestRows([frame]));
    expect(Object.values(totals)).toEqual(Array.from(frame.consistency));
    expect(totals.lostWrites).toBeGreaterThan(0);
  });
});
