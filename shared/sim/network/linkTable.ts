import type { ResolvedLink } from '../../model/types';
import type { RandomStream } from '../random';

/**
 * Resolved links as parallel arrays indexed by link index (file order). Mutable: `degrade`,
 * `cut`/`restore` and live edits change them from "now" on.
 */
export class LinkTable {
  readonly count: number;
  readonly ids: string[];
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly replication: Uint8Array;
  readonly latencyMs: Float64Array;
  readonly jitterMs: Float64Array;
  readonly lossRate: Float64Array;
  /** Infinity when unlimited. */
  readonly bandwidthMbps: Float64Array;
  readonly weight: Float64Array;
  readonly cut: Uint8Array;
  /** Messages dropped on this link (cut, partition, loss). */
  readonly dropped: Float64Array;
  /**
   * Messages put on the wire so far: requests (from → to), answers (back), and of the answers the
   * failed ones (error, rejected). Only the live view reads them (its flow dashes' throughput).
   */
  readonly requestsSent: Float64Array;
  readonly answersSent: Float64Array;
  readonly failedAnswersSent: Float64Array;
  /** One stream per link for jitter and loss, so a link's draws don't depend on traffic elsewhere. */
  readonly rng: RandomStream[];
  /** The delay and loss as designed: what `restore` brings a degraded link back to. */
  private readonly designed: { latencyMs: number; jitterMs: number; lossRate: number }[];

  constructor(links: ResolvedLink[], nodeIndex: Map<string, number>, streamFor: (name: string) => RandomStream) {
    const n = links.length;
    this.count = n;
    this.ids = links.map((link) => link.id);
    this.from = new Int32Array(n);
    this.to = new Int32Array(n);
    this.replication = new Uint8Array(n);
    this.latencyMs = new Float64Array(n);
    this.jitterMs = new Float64Array(n);
    this.lossRate = new Float64Array(n);
    this.bandwidthMbps = new Float64Array(n);
    this.weight = new Float64Array(n);
    this.cut = new Uint8Array(n);
    this.dropped = new Float64Array(n);
    this.requestsSent = new Float64Array(n);
    this.answersSent = new Float64Array(n);
    this.failedAnswersSent = new Float64Array(n);
    this.rng = [];
    this.designed = links.map(({ latencyMs, jitterMs, lossRate }) => ({ latencyMs, jitterMs, lossRate }));
    links.forEach((link, i) => {
      this.from[i] = nodeIndex.get(link.from) ?? -1;
      this.to[i] = nodeIndex.get(link.to) ?? -1;
      this.replication[i] = link.kind === 'replication' ? 1 : 0;
      this.latencyMs[i] = link.latencyMs;
      this.jitterMs[i] = link.jitterMs;
      this.lossRate[i] = link.lossRate;
      this.bandwidthMbps[i] = link.bandwidthMbps > 0 ? link.bandwidthMbps : Infinity;
      this.weight[i] = link.weight;
      this.rng.push(streamFor(`link:${link.id}`));
    });
  }

  /** `restore`: the link as designed again — no longer cut, and any `degrade` undone. */
  restore(link: number): void {
    const designed = this.designed[link];
    this.cut[link] = 0;
    this.latencyMs[link] = designed.latencyMs;
    this.jitterMs[link] = designed.jitterMs;
    this.lossRate[link] = designed.lossRate;
  }
}
