import { LimitHistory } from './limitHistory';
import { SecondSeries } from './secondSeries';
import type { StationStats } from './stationStats';

export const OFFER_STARTED = 0;
export const OFFER_QUEUED = 1;
export const OFFER_REJECTED = 2;

/**
 * A multi-server FIFO station: `servers` things happen at once, up to `queueLimit` wait in FIFO
 * order, anything beyond is rejected. It also integrates busy servers, capacity and queue length
 * over simulated time, split per simulated second, which is where every node's utilization,
 * meanQueue and maxQueue (whole run or any check window) come from.
 *
 * The station only holds call slots; what "service" means (a timed step, a connection held while
 * waiting downstream) is up to the node model. Nodes whose service is a plain FIFO step with no
 * downstream use the event-free FifoServers instead.
 */
export class Station implements StationStats {
  busy = 0;
  private ring: Int32Array;
  private head = 0;
  private queued = 0;
  private lastMs = 0;
  readonly busyMs = new SecondSeries();
  readonly capacityMs = new SecondSeries();
  readonly queueMs = new SecondSeries();
  readonly queueMax = new SecondSeries();
  /** The limit now (read on every arrival that must wait), and what it was when. */
  private limit: number;
  private readonly limits: LimitHistory;

  constructor(
    private servers: number,
    queueLimit: number,
  ) {
    this.limit = queueLimit;
    this.limits = new LimitHistory(queueLimit);
    this.ring = new Int32Array(Math.max(16, 1 << Math.ceil(Math.log2(Math.min(Math.max(queueLimit, 1), 1024)))));
  }

  get queueLength(): number {
    return this.queued;
  }

  get queueLimit(): number {
    return this.limit;
  }

  /**
   * `count` servers from `nowMs` on (a config edit). The time since the last change ran on the old
   * count, so it is integrated at that count first: setting the field alone would book it at the
   * new one and skew that second's utilization. Lowering the count preempts nothing (calls in
   * service finish on servers that retire as they come free: see `release` and `advance`); after
   * raising it the model starts queued calls on the new servers at once (`startSpare`).
   */
  setServers(count: number, nowMs: number): void {
    this.advance(nowMs);
    this.servers = count;
  }

  /** The most that may wait from `nowMs` on (a config edit); calls already queued stay. */
  setQueueLimit(limit: number, nowMs: number): void {
    this.limit = limit;
    this.limits.set(limit, nowMs);
  }

  /** The queue limit × ms over [fromMs, toMs), at the limit in force at each moment. */
  queueLimitMs(fromMs: number, toMs: number): number {
    return this.limits.integral(fromMs, toMs);
  }

  /** A call arrives: start it now, queue it, or refuse it. */
  offer(call: number, nowMs: number): number {
    this.advance(nowMs);
    if (this.busy < this.servers) {
      this.busy++;
      return OFFER_STARTED;
    }
    if (this.queued >= this.limit) return OFFER_REJECTED;
    if (this.queued === this.ring.length) this.growRing();
    this.ring[(this.head + this.queued) & (this.ring.length - 1)] = call;
    this.queued++;
    this.queueMax.max(Math.floor(nowMs / 1000), this.queued);
    return OFFER_QUEUED;
  }

  /** A server is done: returns the queued call that takes it over, or -1 if none waits. */
  release(nowMs: number): number {
    this.advance(nowMs);
    if (this.queued > 0 && this.busy <= this.servers) {
      const call = this.ring[this.head];
      this.head = (this.head + 1) & (this.ring.length - 1);
      this.queued--;
      return call;
    }
    this.busy--;
    return -1;
  }

  /** After `servers` grew: the next queued call to start on a spare server, or -1. */
  startSpare(nowMs: number): number {
    this.advance(nowMs);
    if (this.queued === 0 || this.busy >= this.servers) return -1;
    const call = this.ring[this.head];
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.queued--;
    this.busy++;
    return call;
  }

  /** Crash: nothing in service, nothing queued. */
  reset(nowMs: number): void {
    this.advance(nowMs);
    this.busy = 0;
    this.queued = 0;
    this.head = 0;
  }

  /** Integrates busy servers, capacity and queue length from the last change up to `nowMs`. */
  advance(nowMs: number): void {
    let t = this.lastMs;
    if (nowMs <= t) return;
    const busy = this.busy;
    // After `workers` is lowered, requests already in service finish on servers that are retiring:
    // they count as capacity until then (utilization above 1 would mean nothing).
    const capacity = busy > this.servers ? busy : this.servers;
    const queued = this.queued;
    while (t < nowMs) {
      const second = Math.floor(t / 1000);
      const end = Math.min(nowMs, (second + 1) * 1000);
      const dt = end - t;
      if (busy > 0) this.busyMs.add(second, busy * dt);
      this.capacityMs.add(second, capacity * dt);
      if (queued > 0) {
        this.queueMs.add(second, queued * dt);
        this.queueMax.max(second, queued);
      }
      t = end;
    }
    this.lastMs = nowMs;
  }

  private growRing(): void {
    const length = this.ring.length;
    const next = new Int32Array(length * 2);
    for (let i = 0; i < this.queued; i++) next[i] = this.ring[(this.head + i) & (length - 1)];
    this.ring = next;
    this.head = 0;
  }
}
