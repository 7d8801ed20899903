import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregationStride, FLOW_ONLY_BELOW_MS, flowGapPx, FLOW_GAP_MAX_PX, FLOW_GAP_MIN_PX, packetWeight, PACKETS_ONLY_FROM_MS, realTravelMs } from '../../../renderer/live/visualTime';

describe('visual time', () => {
  it('a 0.5 ms LAN hop at real time is a flow; in slow motion (1 s in 100 s) it is a packet', () => {
    expect(packetWeight(realTravelMs(0.5, 1))).toBe(0);
    // 0.5 ms × 100 = 50 ms on screen: still too quick to follow.
    expect(packetWeight(realTravelMs(0.5, 0.01))).toBe(0);
    // 150 ms transatlantic at 1×: long enough to see, partly.
    expect(packetWeight(realTravelMs(150, 1))).toBeGreaterThan(0);
    expect(packetWeight(realTravelMs(150, 0.1))).toBe(1);
    expect(packetWeight(realTravelMs(150, 'max'))).toBe(0);
  });

  it('hands over smoothly: weight is monotone, 0 below and 1 above the thresholds', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(packetWeight(lo)).toBeLessThanOrEqual(packetWeight(hi));
        expect(packetWeight(lo)).toBeGreaterThanOrEqual(0);
        expect(packetWeight(hi)).toBeLessThanOrEqual(1);
      }),
    );
    expect(packetWeight(FLOW_ONLY_BELOW_MS)).toBe(0);
    expect(packetWeight(PACKETS_ONLY_FROM_MS)).toBe(1);
    // No jump anywhere: 1 ms more never changes the weight by more than the smoothstep's slope allows (1.5 / span).
    const span = PACKETS_ONLY_FROM_MS - FLOW_ONLY_BELOW_MS;
    for (let t = 0; t < 400; t++) expect(Math.abs(packetWeight(t + 1) - packetWeight(t))).toBeLessThanOrEqual(1.5 / span + 1e-12);
  });

  it('flow dashes tighten as throughput grows, within their bounds', () => {
    expect(flowGapPx(0)).toBe(Number.POSITIVE_INFINITY);
    expect(flowGapPx(1)).toBe(FLOW_GAP_MAX_PX);
    expect(flowGapPx(1e6)).toBe(FLOW_GAP_MIN_PX);
    expect(flowGapPx(100)).toBeLessThan(flowGapPx(10));
    expect(flowGapPx(1000)).toBeLessThan(flowGapPx(100));
  });

  it('aggregates above the cap so that at most cap particles are drawn', () => {
    expect(aggregationStride(500, 1000)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 100_000 }), (count, cap) => {
        const stride = aggregationStride(count, cap);
        expect(Math.ceil(count / stride)).toBeLessThanOrEqual(cap);
      }),
    );
  });
});
