import { LimitHistory } from './limitHistory';
import { SecondSeries } from './secondSeries';
import { addInterval, type StationStats } from './stationStats';

/**
 * `servers` identical servers taking jobs in FIFO order, for nodes whose job is "wait, get
 * served, answer" (cache, db). Because the order is FIFO and the service time is drawn on
 * arrival, each job's start and departure follow at once from the Lindley recursion — start =
 * max(arrival, earliest server free time) — so no event is needed when a job starts or ends:
 * the node schedules its answer for the departure time directly (one event per hop, not three).
 *
 * Free times are a binary min-heap (servers have no identity; only the earliest matters).
 * Start times of jobs still waiting are a ring in non-decreasing order, which gives the queue
 * length at any moment. Busy and queue time are booked per second as soon as they are known
 * (a crash takes back what will not happen).
 */
export class FifoServers implements StationStats {
  readonly busyMs = new SecondSeries();
  readonly capacityMs = new SecondSeries();
  readonly queueMs = new SecondSeries();
  readonly queueMax = new SecondSeries();
  private heap: Float64Array;
  private size: number;
  /**
   * When each server retired by a lowered `servers` comes free, if it was still busy then. It is
   * capacity until that moment (booked ahead, as busy time is): it is working off jobs booked
   * before the edit.
   */
  private retired: number[] = [];
  private starts = new Float64Array(64);
  private head = 0;
  private queued = 0;
  private lastMs = 0;
  /** When the job last admitted starts service (exactly the value its departure was computed from). */
  lastStartMs = 0;
  /** The limit now (read on every arrival that must wait), and what it was when. */
  private limit: number;
  private readonly limits: LimitHistory;

  /**
   * @param horizonMs busy, queue and capacity time booked ahead is kept up to here (the run's
   * last seconds, see World.bookingHorizonMs): a crash or an edit takes back what was booked, up
   * to the same moment.
   */
  constructor(
    private servers: number,
    queueLimit: number,
    private readonly horizonMs = Infinity,
  ) {
    this.limit = queueLimit;
    this.limits = new LimitHistory(queueLimit);
    this.heap = new Float64Array(Math.max(1, servers));
    this.size = servers;
  }

  get queueLength(): number {
    return this.queued;
  }

  get queueLimit(): number {
    return this.limit;
  }

  /** The most that may wait from `nowMs` on (a config edit); jobs already waiting stay. */
  setQueueLimit(limit: number, nowMs: number): void {
    this.limit = limit;
    this.limits.set(limit, nowMs);
  }

  /** The queue limit × ms over [fromMs, toMs), at the limit in force at each moment. */
  queueLimitMs(fromMs: number, toMs: number): number {
    return this.limits.integral(fromMs, toMs);
  }

  /** Admits a job arriving now: returns its departure time, or -1 when the queue is full. */
  admit(nowMs: number, serviceMs: number): number {
    this.advance(nowMs);
    const earliest = this.heap[0];
    const start = earliest > nowMs ? earliest : nowMs;
    if (start > nowMs) {
      if (this.queued >= this.limit) return -1;
      this.pushStart(start);
      addInterval(this.queueMs, nowMs, start, 1, this.horizonMs);
      this.queueMax.max(Math.floor(nowMs / 1000), this.queued);
    }
    this.lastStartMs = start;
    const departure = start + serviceMs;
    this.replaceMin(departure);
    addInterval(this.busyMs, start, departure, 1, this.horizonMs);
    return departure;
  }

  /** Crash: nothing in service or waiting any more; take back the time they would have used. */
  reset(nowMs: number): void {
    this.advance(nowMs);
    for (let i = 0; i < this.size; i++) {
      if (this.heap[i] > nowMs) addInterval(this.busyMs, nowMs, this.heap[i], -1, this.horizonMs);
      this.heap[i] = 0;
    }
    for (let i = 0; i < this.queued; i++) {
      const start = this.starts[(this.head + i) & (this.starts.length - 1)];
      addInterval(this.queueMs, nowMs, start, -1, this.horizonMs);
    }
    // A retired server's booked work runs without a gap until it comes free (a job starts later
    // than now only where the one before it ends): take it back, and the server is gone.
    for (const freeMs of this.retired) {
      if (freeMs <= nowMs) continue;
      addInterval(this.busyMs, nowMs, freeMs, -1, this.horizonMs);
      addInterval(this.capacityMs, nowMs, freeMs, -1, this.horizonMs);
    }
    this.retired.length = 0;
    this.head = 0;
    this.queued = 0;
  }

  /**
   * `count` servers from `nowMs` on (a config edit), at least 1. Nothing is preempted or moved:
   * every job admitted so far has its start and departure fixed (its answer is scheduled for it).
   * Lowering retires the servers that come free first — the ones free now at once, busy ones when
   * their booked work ends — so the next job waits for the earliest of the servers that stay.
   * Raising first keeps servers that were retiring and are still busy, then adds servers free now,
   * which jobs admitted from now on can use (jobs already waiting keep the start they were given).
   * Known limit: until those waiting jobs have started, a later job may start before them, and the
   * ring of start times (kept in order only within one set of servers) then counts it as waiting
   * after it started — queueLength, maxQueue and the queue limit read high; queue time is exact.
   * Keeping the ring sorted would cost every waiting admission a comparison.
   */
  setServers(count: number, nowMs: number): void {
    this.advance(nowMs);
    const target = Math.max(1, count);
    this.retired = this.retired.filter((freeMs) => freeMs > nowMs).sort((a, b) => a - b);
    while (this.size > target) {
      const freeMs = this.heap[0];
      this.popMin();
      if (freeMs > nowMs) {
        addInterval(this.capacityMs, nowMs, freeMs, 1, this.horizonMs);
        this.retired.push(freeMs);
      }
    }
    while (this.size < target && this.retired.length > 0) {
      const freeMs = this.retired.shift()!;
      addInterval(this.capacityMs, nowMs, freeMs, -1, this.horizonMs); // counted by `size` again from now
      this.pushFree(freeMs);
    }
    while (this.size < target) this.pushFree(nowMs);
    this.servers = target;
  }

  advance(nowMs: number): void {
    let t = this.lastMs;
    if (nowMs <= t) return;
    const ring = this.starts;
    while (t < nowMs) {
      const second = Math.floor(t / 1000);
      const end = Math.min(nowMs, (second + 1) * 1000);
      this.capacityMs.add(second, this.size * (end - t));
      // Jobs that started by `end` left the queue; what is still waiting at a second boundary
      // is that second's starting queue length.
      while (this.queued > 0 && ring[this.head] <= end) {
        this.head = (this.head + 1) & (ring.length - 1);
        this.queued--;
      }
      if (end < nowMs && this.queued > 0) this.queueMax.max(second + 1, this.queued);
      t = end;
    }
    this.lastMs = nowMs;
  }

  private pushStart(start: number): void {
    if (this.queued === this.starts.length) {
      const next = new Float64Array(this.starts.length * 2);
      for (let i = 0; i < this.queued; i++) next[i] = this.starts[(this.head + i) & (this.starts.length - 1)];
      this.starts = next;
      this.head = 0;
    }
    this.starts[(this.head + this.queued) & (this.starts.length - 1)] = start;
    this.queued++;
  }

  // --- min-heap of server free times ----------------------------------------------------------

  private replaceMin(value: number): void {
    const heap = this.heap;
    const size = this.size;
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= size) break;
      if (child + 1 < size && heap[child + 1] < heap[child]) child++;
      if (heap[child] >= value) break;
      heap[hole] = heap[child];
      hole = child;
    }
    heap[hole] = value;
  }

  private popMin(): void {
    const last = this.heap[--this.size];
    if (this.size > 0) this.replaceMin(last);
  }

  private pushFree(value: number): void {
    if (this.size === this.heap.length) {
      const next = new Float64Array(this.heap.length * 2);
      next.set(this.heap);
      this.heap = next;
    }
    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      if (this.heap[parent] <= value) break;
      this.heap[hole] = this.heap[parent];
      hole = parent;
    }
    this.heap[hole] = value;
  }
}
