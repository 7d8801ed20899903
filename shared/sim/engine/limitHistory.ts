/**
 * A limit that edits can change mid-run (a queue's `queueLimit` or `capacity`), with the moments it
 * changed: a figure of a past second measured against the limit reads the one in force then, not
 * the one in force now. Edits are rare, so the history is a short list, never per-second storage
 * on the hot path.
 */
export class LimitHistory {
  private readonly fromMs: number[] = [0];
  private readonly limits: number[];

  constructor(initial: number) {
    this.limits = [initial];
  }

  get current(): number {
    return this.limits[this.limits.length - 1];
  }

  /** The limit is `limit` from `nowMs` on (time never goes back within one run). */
  set(limit: number, nowMs: number): void {
    if (limit === this.current) return;
    const last = this.limits.length - 1;
    if (this.fromMs[last] >= nowMs) {
      // Changed twice at one moment: only the last value was ever in force.
      this.limits[last] = limit;
      return;
    }
    this.fromMs.push(nowMs);
    this.limits.push(limit);
  }

  /** The limit integrated over [fromMs, toMs): limit × ms, each part at the limit then in force. */
  integral(fromMs: number, toMs: number): number {
    let total = 0;
    for (let i = 0; i < this.limits.length; i++) {
      const start = Math.max(fromMs, this.fromMs[i]);
      const end = Math.min(toMs, i + 1 < this.limits.length ? this.fromMs[i + 1] : Infinity);
      if (end > start) total += this.limits[i] * (end - start);
    }
    return total;
  }
}
