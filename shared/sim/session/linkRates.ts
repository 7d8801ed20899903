import type { LinkTable } from '../network/linkTable';

/** Floats per link in a frame's `linkRates`: requests/s, answers/s, failed answers/s. */
export const LINK_RATE_FLOATS = 3;

/**
 * How long (simulated ms) the flow rates remember: a change of traffic shows in the dashes within
 * about this long, and a link carrying 100 messages/s reads within about 10 % (1/√(2·100·0.5)).
 */
export const LINK_RATE_MEMORY_MS = 500;

/**
 * Each link's throughput as the live view's flow dashes draw it: messages put on the wire per
 * simulated second, averaged exponentially over the last {@link LINK_RATE_MEMORY_MS}.
 *
 * Why not the messages on the link at the frame's instant (Little's law: count / delay): on a
 * 0.5 ms hop at 100 requests/s that count is 0 in 95 % of frames and 1 in the rest, so the dashes
 * blinked from one link to another at full density instead of showing the same steady flow on
 * links carrying the same traffic. The counts the engine keeps (LinkTable) give the real rate.
 */
export class LinkRates {
  private readonly rates: Float64Array;
  private readonly lastCounts: Float64Array;
  private lastMs = Number.NaN;

  constructor(linkCount: number) {
    this.rates = new Float64Array(linkCount * LINK_RATE_FLOATS);
    this.lastCounts = new Float64Array(linkCount * LINK_RATE_FLOATS);
  }

  /** Brings the averages up to `nowMs` and returns them (a fresh array, for the frame to transfer). */
  sample(links: LinkTable, nowMs: number): Float32Array {
    const first = Number.isNaN(this.lastMs);
    const elapsedMs = first ? 0 : nowMs - this.lastMs;
    // Each interval's messages count as spread evenly over it, so a frame after a long jump (a
    // step, a seek forward, a fast speed) reads as that interval's mean rate, not a spike. The
    // first sample only takes the counts; a frame with no time passed (paused) changes nothing.
    const keep = elapsedMs > 0 ? Math.exp(-elapsedMs / LINK_RATE_MEMORY_MS) : 1;
    const weight = elapsedMs > 0 ? (1000 / elapsedMs) * (1 - keep) : 0;
    for (let link = 0; link < links.count; link++) {
      const o = link * LINK_RATE_FLOATS;
      this.update(o, links.requestsSent[link], keep, weight);
      this.update(o + 1, links.answersSent[link], keep, weight);
      this.update(o + 2, links.failedAnswersSent[link], keep, weight);
    }
    if (first || elapsedMs > 0) this.lastMs = nowMs;
    return Float32Array.from(this.rates);
  }

  private update(index: number, count: number, keep: number, weight: number): void {
    if (weight > 0) this.rates[index] = this.rates[index] * keep + (count - this.lastCounts[index]) * weight;
    this.lastCounts[index] = count;
  }
}
