import { describe, expect, it } from 'vitest';
import { MARKER_PITCH_PX, markerOffsets } from '../../../renderer/live/timelineMarkers';

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
});
