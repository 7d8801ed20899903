import type { Speed } from '../../shared/sim/session/protocol';

/**
 * DESIGN §3 "Visual time": a packet is drawn on its own only when a viewer can follow it across
 * the link; otherwise the link shows flow dashes whose density follows throughput. Between the two
 * thresholds both are drawn, cross-faded, so changing speed never makes packets pop.
 */

/** Below this many real milliseconds on screen, a packet is a blur: flows only. */
export const FLOW_ONLY_BELOW_MS = 90;
/** From this many real milliseconds on screen, packets only. */
export const PACKETS_ONLY_FROM_MS = 260;

/** Simulated seconds per real second; 'max' is treated as unbounded. */
export function speedFactor(speed: Speed): number {
  return speed === 'max' ? Number.POSITIVE_INFINITY : speed;
}

/** Real milliseconds a message spends crossing a link whose delay is `delayMs` simulated ms. */
export function realTravelMs(delayMs: number, speed: Speed): number {
  const factor = speedFactor(speed);
  if (!(factor > 0) || !Number.isFinite(factor)) return 0;
  return delayMs / factor;
}

/** How much of a link is drawn as packets (1) rather than flow (0); smooth in between. */
export function packetWeight(travelMs: number): number {
  if (travelMs <= FLOW_ONLY_BELOW_MS) return 0;
  if (travelMs >= PACKETS_ONLY_FROM_MS) return 1;
  const t = (travelMs - FLOW_ONLY_BELOW_MS) / (PACKETS_ONLY_FROM_MS - FLOW_ONLY_BELOW_MS);
  return t * t * (3 - 2 * t);
}

/** Closest and farthest gap between flow dashes, in world pixels. */
export const FLOW_GAP_MIN_PX = 6;
export const FLOW_GAP_MAX_PX = 90;

/**
 * Gap between flow dashes on a link carrying `messagesPerSecond` (simulated): one dash per ten
 * messages a second at the far end of the scale, tightening as throughput grows, so a busy link
 * looks busy without a dash per message. Log-scaled because throughput spans five decades.
 */
export function flowGapPx(messagesPerSecond: number): number {
  if (!(messagesPerSecond > 0)) return Number.POSITIVE_INFINITY;
  const decades = Math.log10(messagesPerSecond); // 0 at 1/s, 4 at 10k/s
  const t = Math.min(1, Math.max(0, decades / 4));
  return FLOW_GAP_MAX_PX + (FLOW_GAP_MIN_PX - FLOW_GAP_MAX_PX) * t;
}

/**
 * Above `cap` drawable packets each drawn particle stands for `stride` packets (every stride-th
 * one is drawn, scaled up), keeping the frame cost bounded while the picture keeps its density.
 */
export function aggregationStride(count: number, cap: number): number {
  return count <= cap ? 1 : Math.ceil(count / cap);
}
