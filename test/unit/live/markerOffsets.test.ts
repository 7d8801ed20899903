import { describe, expect, it } from 'vitest';
import { MARKER_EDGE_PX, MARKER_PITCH_PX, markerOffsets } from '../../../renderer/live/timelineMarkers';

describe('timeline marker offsets', () => {
  it('leave markers that are far apart where their time puts them', () => {
    expect(markerOffsets([10, 20, 30], 60, 600)).toEqual([0, 0, 0]);
  });

  it('fan markers at the same moment out around it, in scenario order', () => {
    const offsets = markerOffsets([20, 5, 20, 20], 60, 600);
    expect(offsets[1]).toBe(0);
    expect([offsets[0], offsets[2], offsets[3]]).toEqual([-MARKER_PITCH_PX, 0, MARKER_PITCH_PX]);
  });

  it('part markers closer than a face on this bar, and clamp those after the end to it', () => {
    // 0.1 s apart on a 60 s, 600 px bar is 1 px: they would cover each other.
    const [a, b] = markerOffsets([10, 10.1], 60, 600);
    expect(101 + b - (100 + a)).toBeCloseTo(MARKER_PITCH_PX, 6);
    const [c, d] = markerOffsets([60, 75], 60, 600);
    expect(d - c).toBe(MARKER_PITCH_PX);
  });

  it('keep markers at 0 s whole inside the bar, clear of the playhead parked there', () => {
    // Drawn where: the time's position plus the offset.
    expect(markerOffsets([0], 60, 600)).toEqual([MARKER_EDGE_PX]);
    const [a, b] = markerOffsets([0, 0], 60, 600);
    expect([a, b]).toEqual([MARKER_EDGE_PX, MARKER_EDGE_PX + MARKER_PITCH_PX]);
    // Just before the end, the same at the right end.
    const [c, d] = markerOffsets([59.999, 59.999], 60, 600);
    expect(599.99 + d).toBeCloseTo(600 - MARKER_EDGE_PX, 6);
    expect(d - c).toBe(MARKER_PITCH_PX);
  });

  it('a fan slid inside the bar takes in the neighbour it would now cover', () => {
    // Three at 0 s fan to 8, 19, 30 px; the one at 1.5 s (15 px) would sit under them.
    const drawn = markerOffsets([0, 0, 0, 1.5], 60, 600).map((offset, i) => [0, 0, 0, 15][i] + offset);
    expect(drawn).toEqual([8, 19, 30, 41]);
  });

  it('never overlap and never leave the bar, wherever the events fall', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const width = 120 + Math.floor(random() * 800);
      const count = 1 + Math.floor(random() * 10);
      // Clumps at the ends and in the middle, as lessons put them.
      const times = Array.from({ length: count }, () => [0, 60 - 0.001, 30, random() * 60, random() * 3][Math.floor(random() * 5)]);
      const offsets = markerOffsets(times, 60, width);
      const drawn = times.map((t, i) => (t / 60) * width + offsets[i]).sort((x, y) => x - y);
      expect(drawn[0]).toBeGreaterThanOrEqual(MARKER_EDGE_PX - 1e-9);
      expect(drawn[drawn.length - 1]).toBeLessThanOrEqual(width - MARKER_EDGE_PX + 1e-9);
      for (let i = 1; i < drawn.length; i++) expect(drawn[i] - drawn[i - 1]).toBeGreaterThanOrEqual(MARKER_PITCH_PX - 1e-9);
    }
  });
});
