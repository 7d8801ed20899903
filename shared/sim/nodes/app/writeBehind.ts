import type { World } from '../../engine/world';
import type { DeadlineQueue } from '../../engine/deadlineQueue';
import { grow } from '../../engine/growable';

/**
 * How long a write-behind cache holds a write before flushing it to the database. The file format
 * has no field for it; write-behind caches batch on the order of a second (e.g. Redis Gears'
 * write-behind, Hazelcast's write-delay-seconds default of 1 s).
 */
export const WRITE_BEHIND_DELAY_MS = 1000;

/**
 * Attempts at flushing one write before the write-behind queue gives up on it (it is then a lost
 * write: acknowledged, and in no copy once the cache lets it go). A failed attempt (an error
 * answer, no answer within the app's `downstreamTimeoutMs`, no primary to send to) is retried
 * {@link WRITE_BEHIND_DELAY_MS} later, so five attempts span about 6 s: a failover with the
 * default `detectMs` (5 s) loses nothing, a longer outage does.
 */
export const WRITE_BEHIND_ATTEMPTS = 5;

/**
 * Writes an app acknowledged after putting them only in the cache (`write-behind`), waiting to be
 * flushed to the database. The data lives in the cache: if the cache's contents are lost (crash
 * or flush) before the flush, each such write is a lost write — it was acknowledged and is in no
 * copy. Entries are flushed in order, one timer for the oldest.
 *
 * A flush is followed to its answer: a failed one (error, timeout — the primary was down, the
 * network dropped it — or no primary to send to) goes back in the queue and is retried after
 * {@link WRITE_BEHIND_DELAY_MS}, like a real write-behind queue; after
 * {@link WRITE_BEHIND_ATTEMPTS} failed attempts, or if the cache lost its contents meanwhile, the
 * write is counted lost. A timed-out attempt may still have landed (a slow database answers late;
 * an answer can be lost on the way back): before sending again, and before counting a loss, the
 * buffer asks the database whether the key holds the write's version or a newer one — the write,
 * or a later one that supersedes it.
 *
 * The write's version (DESIGN §3: assigned by the primary that accepts it) is drawn when the app
 * puts it in the cache, since that is where it is accepted and acknowledged: the cache holds it
 * with that version, the client's acknowledgement books it, and every flush attempt writes that
 * same version (last write wins at the database, so a later write of the key is not undone by a
 * late flush). A write lost with the cache thus remains the newest acknowledged version of its
 * key, and the older version the database still serves is a stale read.
 */
export class WriteBehindBuffer {
  private keys = new Int32Array(64);
  private epochs = new Int32Array(64);
  private sentMs = new Float64Array(64);
  private dueMs = new Float64Array(64);
  /** Failed flush attempts so far. */
  private attempts = new Int32Array(64);
  /** The version the write took when the app accepted it (see `landed`). */
  private versions = new Float64Array(64);
  private head = 0;
  private size = 0;
  private readonly timer: number;
  private armed = false;
  // Flushes on their way (struct of arrays, free list through `fNext`).
  private fKey = new Int32Array(16);
  private fEpoch = new Int32Array(16);
  private fSentMs = new Float64Array(16);
  private fAttempts = new Int32Array(16);
  private fVersion = new Float64Array(16);
  private fCall = new Int32Array(16);
  /** Bumped when the flush is settled: its timeout entry and late answers are then stale. */
  private fLife = new Int32Array(16);
  private fNext = new Int32Array(16);
  private fFree = -1;
  private fUsed = 0;
  /** Per call slot: the flush whose attempt it carried (valid while that flush's `fCall` is the call). */
  private byCall = new Int32Array(256);
  private readonly timeouts: DeadlineQueue;
  /** Flushes that failed an attempt (each retried or, after the last, counted lost). */
  failedAttempts = 0;

  constructor(
    private readonly world: World,
    /** The cache's current content epoch. */
    private readonly cacheEpoch: () => number,
    /**
     * Sends the database write of `version` of `key`, acknowledged to a client who sent it at
     * `sentMs`; returns its call, or −1 if there is nowhere to send it.
     */
    private readonly flushWrite: (key: number, sentMs: number, version: number) => number,
    /** How long a flush waits for its answer (the app's `downstreamTimeoutMs`). */
    private readonly timeoutMs: () => number,
    /**
     * Does the database now hold `version` of `key`, or a newer one? A flush that timed out may
     * still have landed (a slow database answers late), and a later write to the key supersedes
     * it anyway: either way there is nothing to send again, and nothing lost.
     */
    private readonly landed: (key: number, version: number) => boolean,
  ) {
    this.timer = world.addTimer(() => this.onTimer());
    this.timeouts = world.createDeadlineQueue(
      (flush, life) => this.fLife[flush] === life,
      (flush) => this.onFailed(flush),
    );
  }

  get pending(): number {
    return this.size;
  }

  /** A write of `version` of `key` is in the cache and acknowledged (its client sent it at `sentMs`). */
  add(key: number, sentMs: number, version: number): void {
    this.enqueue(key, this.cacheEpoch(), sentMs, 0, version);
  }

  private enqueue(key: number, epoch: number, sentMs: number, attempts: number, version: number): void {
    if (this.size === this.keys.length) this.growRing();
    const at = (this.head + this.size) & (this.keys.length - 1);
    this.keys[at] = key;
    this.epochs[at] = epoch;
    this.sentMs[at] = sentMs;
    this.dueMs[at] = this.world.now + WRITE_BEHIND_DELAY_MS;
    this.attempts[at] = attempts;
    this.versions[at] = version;
    this.size++;
    if (!this.armed) this.arm();
  }

  private arm(): void {
    this.armed = true;
    this.world.scheduleTimer(this.timer, Math.max(0, this.dueMs[this.head] - this.world.now), 0);
  }

  private onTimer(): void {
    this.armed = false;
    const now = this.world.now;
    const epoch = this.cacheEpoch();
    const mask = this.keys.length - 1;
    while (this.size > 0 && this.dueMs[this.head] <= now) {
      const at = this.head;
      this.head = (at + 1) & mask;
      this.size--;
      if (this.epochs[at] !== epoch) this.world.consistency.countLostWrite(this.sentMs[at]);
      else if (this.attempts[at] > 0 && this.landed(this.keys[at], this.versions[at])) continue; // a late answer's write is in
      else this.send(this.keys[at], this.epochs[at], this.sentMs[at], this.attempts[at], this.versions[at]);
    }
    if (this.size > 0 && !this.armed) this.arm();
  }

  private send(key: number, epoch: number, sentMs: number, attempts: number, version: number): void {
    const call = this.flushWrite(key, sentMs, version);
    if (call < 0) {
      this.retryOrLose(key, epoch, sentMs, attempts + 1, version);
      return;
    }
    const flush = this.allocFlush();
    this.fKey[flush] = key;
    this.fEpoch[flush] = epoch;
    this.fSentMs[flush] = sentMs;
    this.fAttempts[flush] = attempts;
    this.fVersion[flush] = version;
    this.fCall[flush] = call;
    if (call >= this.byCall.length) {
      let length = this.byCall.length;
      while (length <= call) length *= 2;
      this.byCall = grow(this.byCall, length);
    }
    this.byCall[call] = flush;
    this.timeouts.push(flush, this.fLife[flush], this.world.now + this.timeoutMs());
  }

  /**
   * The answer to flush call `call`, ok or not (the app hands over every answer to a call it
   * sent through `flushWrite`). An answer to an attempt already given up on (timed out) is ignored.
   */
  onAnswer(call: number, ok: boolean): void {
    if (call >= this.byCall.length) return;
    const flush = this.byCall[call];
    if (flush >= this.fUsed || this.fCall[flush] !== call) return;
    if (ok) this.settle(flush);
    else this.onFailed(flush);
  }

  private onFailed(flush: number): void {
    const key = this.fKey[flush];
    const epoch = this.fEpoch[flush];
    const sentMs = this.fSentMs[flush];
    const attempts = this.fAttempts[flush] + 1;
    const version = this.fVersion[flush];
    this.settle(flush);
    this.retryOrLose(key, epoch, sentMs, attempts, version);
  }

  private retryOrLose(key: number, epoch: number, sentMs: number, attempts: number, version: number): void {
    this.failedAttempts++;
    if (attempts < WRITE_BEHIND_ATTEMPTS) this.enqueue(key, epoch, sentMs, attempts, version);
    else if (!this.landed(key, version)) this.world.consistency.countLostWrite(sentMs);
  }

  private settle(flush: number): void {
    this.fCall[flush] = -1;
    this.fLife[flush] = (this.fLife[flush] + 1) | 0;
    this.fNext[flush] = this.fFree;
    this.fFree = flush;
  }

  private allocFlush(): number {
    const flush = this.fFree;
    if (flush >= 0) {
      this.fFree = this.fNext[flush];
      return flush;
    }
    if (this.fUsed === this.fKey.length) {
      const length = this.fKey.length * 2;
      this.fKey = grow(this.fKey, length);
      this.fEpoch = grow(this.fEpoch, length);
      this.fSentMs = grow(this.fSentMs, length);
      this.fAttempts = grow(this.fAttempts, length);
      this.fVersion = grow(this.fVersion, length);
      this.fCall = grow(this.fCall, length);
      this.fLife = grow(this.fLife, length);
      this.fNext = grow(this.fNext, length);
    }
    return this.fUsed++;
  }

  private growRing(): void {
    const length = this.keys.length;
    const mask = length - 1;
    const reorder = <T extends Int32Array | Float64Array>(array: T): T => {
      const next = grow(array, length * 2);
      for (let i = 0; i < this.size; i++) next[i] = array[(this.head + i) & mask];
      return next;
    };
    this.keys = reorder(this.keys);
    this.epochs = reorder(this.epochs);
    this.sentMs = reorder(this.sentMs);
    this.dueMs = reorder(this.dueMs);
    this.attempts = reorder(this.attempts);
    this.versions = reorder(this.versions);
    this.head = 0;
  }
}
