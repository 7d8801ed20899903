import { grow } from './growable';

/** flags bits */
export const REQ_WRITE = 1;
/** A message of the current attempt was lost (network or crashed node): a timeout counts as `dropped`. */
export const REQ_LOST = 2;
export const REQ_LIVE = 4;
/** A static read (client `staticRatio`): a CDN serves it from its edge; anything else passes it on. */
export const REQ_STATIC = 128;
/** Consistency marks of the current attempt (engine/consistency.ts): cleared when the attempt ends. */
export const REQ_MARK_STALE = 8;
export const REQ_MARK_WRITE = 16;
const REQ_MARKS = REQ_MARK_STALE | REQ_MARK_WRITE;

/**
 * Client requests (one per user action, across all its attempts), struct-of-arrays with a free
 * list. `gen` changes when an attempt ends and when the slot is freed, so calls, timeouts and
 * retries of an earlier attempt are recognised as stale.
 *
 * Bytes per live request: gen 4 + firstSendMs 8 + deadlineAfterFirstSendMs 4 + key 4 + user 4 +
 * client 2 + attempt 1 + flags 1 = 28 ({@link REQUEST_BYTES_PER_SLOT}).
 */
export const REQUEST_BYTES_PER_SLOT = 28;

export class RequestTable {
  capacity: number;
  live = 0;
  gen: Int32Array;
  /** First attempt's send time: latency is measured from here to the final answer. */
  firstSendMs: Float64Array;
  /**
   * When the current attempt times out at the client, after `firstSendMs` (see
   * {@link attemptDeadlineMs}). 32 bits: exact for a first attempt whose timeout float32 holds
   * (any whole number of ms), within 2⁻²⁴ of the time since the first send for a retry (1 µs
   * after 16 s).
   */
  private deadlineAfterFirstSendMs: Float32Array;
  key: Int32Array;
  /** User id; also the free-list link while the slot is free. */
  user: Int32Array;
  client: Uint16Array;
  attempt: Uint8Array;
  flags: Uint8Array;
  private freeHead = -1;
  private used = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.gen = new Int32Array(initialCapacity);
    this.firstSendMs = new Float64Array(initialCapacity);
    this.deadlineAfterFirstSendMs = new Float32Array(initialCapacity);
    this.key = new Int32Array(initialCapacity);
    this.user = new Int32Array(initialCapacity);
    this.client = new Uint16Array(initialCapacity);
    this.attempt = new Uint8Array(initialCapacity);
    this.flags = new Uint8Array(initialCapacity);
  }

  alloc(client: number, nowMs: number, key: number, user: number, write: boolean): number {
    let slot = this.freeHead;
    if (slot >= 0) {
      this.freeHead = this.user[slot];
    } else {
      if (this.used === this.capacity) this.growTo(this.capacity * 2);
      slot = this.used++;
    }
    this.live++;
    this.client[slot] = client;
    this.firstSendMs[slot] = nowMs;
    this.key[slot] = key;
    this.user[slot] = user;
    this.attempt[slot] = 0;
    this.flags[slot] = write ? REQ_WRITE | REQ_LIVE : REQ_LIVE;
    return slot;
  }

  free(slot: number): void {
    this.gen[slot] = (this.gen[slot] + 1) | 0;
    this.flags[slot] = 0;
    this.user[slot] = this.freeHead;
    this.freeHead = slot;
    this.live--;
  }

  /**
   * When the current attempt times out at the client. Nodes in the request's path stop waiting
   * then (World.upstreamWaitMs): the attempt's own deadline, not the client's timeout now, which a
   * `set` may have changed since the attempt began.
   */
  attemptDeadlineMs(slot: number): number {
    return this.firstSendMs[slot] + this.deadlineAfterFirstSendMs[slot];
  }

  /** The current attempt times out at `deadlineMs`; returns that time as it is kept. */
  setAttemptDeadline(slot: number, deadlineMs: number): number {
    this.deadlineAfterFirstSendMs[slot] = deadlineMs - this.firstSendMs[slot];
    return this.attemptDeadlineMs(slot);
  }

  /** Ends the current attempt: its calls, timeout, retry timer and consistency marks become stale. */
  bump(slot: number): number {
    const next = (this.gen[slot] + 1) | 0;
    this.gen[slot] = next;
    this.flags[slot] &= ~REQ_MARKS;
    return next;
  }

  get highWater(): number {
    return this.used;
  }

  private growTo(capacity: number): void {
    this.gen = grow(this.gen, capacity);
    this.firstSendMs = grow(this.firstSendMs, capacity);
    this.deadlineAfterFirstSendMs = grow(this.deadlineAfterFirstSendMs, capacity);
    this.key = grow(this.key, capacity);
    this.user = grow(this.user, capacity);
    this.client = grow(this.client, capacity);
    this.attempt = grow(this.attempt, capacity);
    this.flags = grow(this.flags, capacity);
    this.capacity = capacity;
  }
}
