import { LimitHistory } from '../../engine/limitHistory';
import { SecondSeries } from '../../engine/secondSeries';
import type { StationStats } from '../../engine/stationStats';

/**
 * StationStats of a store whose "load" is how many messages it holds: busy = depth, capacity =
 * `capacity`, so utilization is the mean fill, meanQueue the time-averaged depth and maxQueue the
 * deepest it got (the `queue.maxDepth` check).
 */
export class DepthStats implements StationStats {
  readonly busyMs = new SecondSeries();
  readonly capacityMs = new SecondSeries();
  readonly queueMs = new SecondSeries();
  readonly queueMax = new SecondSeries();
  depth = 0;
  private lastMs = 0;
  private readonly limits: LimitHistory;

  constructor(capacity: number) {
    this.limits = new LimitHistory(capacity);
  }

  get capacity(): number {
    return this.limits.current;
  }

  /**
   * Holds at most `capacity` from `nowMs` on (a config edit). The time since the last depth change
   * is integrated at the old capacity first (`advance` books it at the current one); messages
   * already held beyond a lowered capacity stay, and only new publishes are refused.
   */
  setCapacity(capacity: number, nowMs: number): void {
    this.advance(nowMs);
    this.limits.set(capacity, nowMs);
  }

  /** Held messages and the most it may hold, under the names the live view's queue fill reads. */
  get queueLength(): number {
    return this.depth;
  }

  get queueLimit(): number {
    return this.capacity;
  }

  /** The capacity × ms over [fromMs, toMs), at the capacity in force at each moment. */
  queueLimitMs(fromMs: number, toMs: number): number {
    return this.limits.integral(fromMs, toMs);
  }

  /** Depth changes by `delta` now. */
  change(nowMs: number, delta: number): void {
    this.advance(nowMs);
    this.depth += delta;
    this.queueMax.max(Math.floor(nowMs / 1000), this.depth);
  }

  advance(nowMs: number): void {
    let t = this.lastMs;
    if (nowMs <= t) return;
    const depth = this.depth;
    while (t < nowMs) {
      const second = Math.floor(t / 1000);
      const end = Math.min(nowMs, (second + 1) * 1000);
      const dt = end - t;
      this.capacityMs.add(second, this.capacity * dt);
      if (depth > 0) {
        this.busyMs.add(second, depth * dt);
        this.queueMs.add(second, depth * dt);
        this.queueMax.max(second, depth);
      }
      t = end;
    }
    this.lastMs = nowMs;
  }
}
