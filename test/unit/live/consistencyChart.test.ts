import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../shared/examples/lessons';
import { CONSISTENCY_ROW_FLOATS, PROTOCOL_VERSION, type Frame } from '../../../shared/sim/session/protocol';
import { CHART_PICK_LABELS, defaultChartPick } from '../../../renderer/live/chartPick';
import { consistencyData, consistencySeriesSpecs } from '../../../renderer/live/consistencyChart';
import { ConsistencySeries } from '../../../renderer/live/consistencySeries';
import { LiveModel } from '../../../renderer/live/liveModel';
import { lessonDocument } from '../lessons/helpers';

/** Consistency rows as a frame carries them: [t, stale reads, lost writes, sessions lost] each. */
function rows(...perSecond: number[][]): Float64Array {
  const data = new Float64Array(perSecond.length * CONSISTENCY_ROW_FLOATS);
  perSecond.forEach((row, i) => data.set(row, i * CONSISTENCY_ROW_FLOATS));
  return data;
}

function frame(consistencyRows: Float64Array, resync = false): Frame {
  return {
    type: 'frame', seq: 0, timeMs: 5000, durationMs: 10_000, playing: true, speed: 1, achievedSpeed: 1, ended: false,
    nodeStatus: new Uint8Array(0), utilization: new Float32Array(0), queueFill: new Float32Array(0), cacheFill: new Float32Array(0), role: new Uint8Array(0), hitRatio: new Float32Array(0),
    linkMarkedDown: new Uint8Array(0), linkRates: new Float32Array(0), checkActual: new Float64Array(0), checkPass: new Uint8Array(0), checkFinal: new Uint8Array(0), consistency: new Float64Array(3),
    packetCount: 0, packets: new Float32Array(0), metricRows: new Float64Array(0), consistencyRows, nodeRows: new Float64Array(0), resync, log: [], logDropped: 0,
  };
}

describe('the consistency chart\'s series', () => {
  it('keeps each second\'s newest row: a second long past is overwritten when a failover finds its writes lost', () => {
    const model = new LiveModel();
    model.applyEvent({ type: 'loaded', protocol: PROTOCOL_VERSION, nodeIds: [], linkIds: [], durationMs: 10_000, warnings: [] });
    model.applyFrame(frame(rows([0, 0, 0, 0], [1, 3, 0, 0], [2, 5, 0, 1])));
    model.applyFrame(frame(rows([1, 3, 7, 0], [3, 2, 0, 0])));
    expect(consistencyData(model.consistency, 5)).toEqual([
      [0, 1, 2, 3, 4],
      [0, 3, 5, 2, null],
      [0, 7, 0, 0, null],
      [0, 0, 1, 0, null],
    ]);
    // A seek or reset starts the series afresh with the rows that come with it.
    model.applyFrame(frame(rows([0, 1, 0, 0]), true));
    expect(consistencyData(model.consistency, 2)).toEqual([[0, 1], [1, null], [0, null], [0, null]]);
  });

  it('ignores rows for seconds outside the run', () => {
    const series = new ConsistencySeries(3);
    series.apply(rows([3, 9, 9, 9], [-1, 9, 9, 9], [1, 2, 0, 0]));
    expect(consistencyData(series, 10)).toEqual([[0, 1, 2], [null, 2, null], [null, 0, null], [null, 0, null]]);
  });

  it('keys each series with the run\'s total so far, and no total before anything ran', () => {
    const specs = consistencySeriesSpecs({ staleReads: 1440, lostWrites: 0, sessionsLost: 2 }, 'dark');
    expect(specs.map((s) => [s.label, s.count])).toEqual([
      ['stale reads', '1,440'],
      ['lost writes', '0'],
      ['sessions lost', '2'],
    ]);
    expect(consistencySeriesSpecs(null, 'light').map((s) => s.count)).toEqual([undefined, undefined, undefined]);
    // The totals are not part of a series' identity: the plot is not rebuilt as they grow.
    expect(consistencySeriesSpecs({ staleReads: 1, lostWrites: 0, sessionsLost: 0 }, 'dark').map((s) => `${s.label}:${s.color}`)).toEqual(specs.map((s) => `${s.label}:${s.color}`));
  });
});

describe('what the fourth chart shows at first', () => {
  it('Consistency for the lessons that check stale reads, lost writes or sessions lost; utilization for the others', () => {
    const consistency = LESSONS.filter((lesson) => defaultChartPick(lessonDocument(lesson.id)) === 'consistency').map((lesson) => lesson.id);
    expect(consistency).toEqual(['cache-write-policies', 'replication-lag-and-stale-reads', 'failover-and-lost-writes', 'partitions-and-cap', 'sessions-and-clones']);
    expect(defaultChartPick(lessonDocument('retry-storms'))).toBe('utilization');
  });

  it('follows the document\'s checks: a check on sessions lost makes it Consistency', () => {
    const doc = lessonDocument('load-balancing-and-health-checks');
    expect(defaultChartPick(doc)).toBe('utilization');
    expect(defaultChartPick({ checks: [...doc.checks, { id: 'kept', metric: 'sessionsLost', op: '<=', value: 0 }] })).toBe('consistency');
  });

  it('the picker offers Consistency after the per-node series', () => {
    expect(Object.values(CHART_PICK_LABELS)).toEqual(['Utilization', 'Queue fill', 'Cache hit ratio', 'Consistency']);
  });
});
