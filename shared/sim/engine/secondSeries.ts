/**
 * A float64 value per simulated second, growing as time advances. Node statistics keep one per
 * quantity so that checks can evaluate any [fromS, toS) window after the run.
 */
export class SecondSeries {
  values = new Float64Array(64);

  /** Makes index `second` addressable. */
  ensure(second: number): void {
    if (second < this.values.length) return;
    let length = this.values.length;
    while (length <= second) length *= 2;
    const next = new Float64Array(length);
    next.set(this.values);
    this.values = next;
  }

  add(second: number, amount: number): void {
    this.ensure(second);
    this.values[second] += amount;
  }

  max(second: number, value: number): void {
    this.ensure(second);
    if (value > this.values[second]) this.values[second] = value;
  }

  /** Sum over seconds [from, to). */
  sum(from: number, to: number): number {
    let total = 0;
    const end = Math.min(to, this.values.length);
    for (let s = Math.max(0, from); s < end; s++) total += this.values[s];
    return total;
  }

  /** Max over seconds [from, to) (0 when empty). */
  maxOver(from: number, to: number): number {
    let best = 0;
    const end = Math.min(to, this.values.length);
    for (let s = Math.max(0, from); s < end; s++) if (this.values[s] > best) best = this.values[s];
    return best;
  }
}
