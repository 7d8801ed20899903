import { grow } from './growable';
import { STATE_FREE } from './codes';
import { CallPayloads } from './callPayloads';

/** `req` of a call that holds payload `p` (no client request) is `PAYLOAD_REQ_BASE - p`. */
const PAYLOAD_REQ_BASE = -2;

/**
 * Message times are float32 offsets from {@link CallTable.epochMs}, a multiple of this (2^16 ms,
 * 65.5 simulated seconds); the epoch moves forward by whole steps once the simulated now is a
 * step or more past it.
 */
export const EPOCH_STEP_MS = 65_536;

/**
 * Every outstanding exchange over one link — a request and, later, its response — is a *call*.
 * A client attempt's first hop is a call whose parent is the client request; an app's cache or
 * db access is a call whose parent is the app's own call; a health probe has no parent. The
 * response goes back over the same link, and the parent pointer is the path home (one level per
 * hop), so no per-request hop stack is needed.
 *
 * Struct-of-arrays with a free list: nothing is allocated per call. `gen` changes every time a
 * slot is freed *and* every time its owner moves on (e.g. an app stops waiting for a child), so
 * an event or a child carrying an old generation is recognised as stale and ignored — the
 * kernel has no cancellation.
 *
 * Bytes per live call: gen 4 + parent 4 + parentGen 4 + req 4 + link 2 + step 2 + op 1 +
 * state 1 + status 1 + sendOffset 4 + arriveOffset 4 = 31 ({@link CALL_BYTES}); a call without a
 * client request that carries data holds a payload besides ({@link CallPayloads}).
 *
 * Message times. The current message's send and arrival times are kept as float32 offsets from
 * one float64 `epochMs` (absolute float32 times would be 8 ms apart a simulated day into a run).
 * {@link setTimes} moves the epoch forward, in whole {@link EPOCH_STEP_MS} steps, when the
 * simulated now has reached a step past it, and shifts every slot's offsets by the same amount
 * (a scan of the table every 65.5 simulated seconds; no kernel event, so the event trace is
 * untouched, and the moves depend only on the simulation, not on how a run is stepped). So
 * when a time is written, now − epoch < 2^16 ms, and a message leaving (arriving) within 2^16 ms
 * of now has |offset| < 2^17 ms: it is stored within 3.9 µs (1.95 µs below 2^16 ms) at any point
 * of a run, a day or a year into it. Until the first move (epoch 0, the first 65.5 s) the offsets
 * are exactly the absolute float32 times this table used to keep. Further from the epoch the
 * precision degrades gracefully, as float32 does, with the distance d rather than with the run's
 * length: a message held to leave minutes ahead, or a call whose last message left long ago
 * and whose offsets the moves have shifted, is within about d · 2^-23 ms (a rounding when
 * stored, and at most one more per power of two its offset grows past while shifted), e.g.
 * under 0.5 ms an hour from the epoch. The times the engine reads are of messages sent moments
 * ago (an arriving request, a response just in) or on the wire now.
 */
export const CALL_BYTES = 31;

export class CallTable {
  capacity: number;
  /** Live calls. */
  live = 0;
  gen: Int32Array;
  /** Parent call slot; for a client's first hop the request slot; -1 for none. Free list link when free. */
  parent: Int32Array;
  /** The parent's generation when this call was made: if it changed, nobody waits for this call any more. */
  parentGen: Int32Array;
  /**
   * Client request slot this call works for; -1 for none; for a call without a request that
   * carries data, its payload (see {@link attachPayload}); a health probe's backend index.
   */
  req: Int32Array;
  /** Link index the call travels (request caller→callee, response back); links are < 65 536 (World). */
  link: Uint16Array;
  /** Callee-private progress (app data-path step, lb backend index…). */
  step: Uint16Array;
  op: Uint8Array;
  state: Uint8Array;
  status: Uint8Array;
  /**
   * Current message's send and arrival time, as float32 offsets (ms) from {@link epochMs}. Read
   * them through {@link sendAtMs} / {@link arriveAtMs}; a scan comparing send times with now
   * compares `sendOffset[c]` with {@link offsetOf}(now) (rounded the same way). Written only by
   * {@link setTimes}.
   */
  sendOffset: Float32Array;
  arriveOffset: Float32Array;
  /** What the offsets count from (ms): 0, then a multiple of {@link EPOCH_STEP_MS} ≤ now. */
  epochMs = 0;
  /** Data of calls without a client request (replication, deliveries, flushes…). */
  readonly payloads = new CallPayloads();
  private freeHead = -1;
  private used = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.gen = new Int32Array(initialCapacity);
    this.parent = new Int32Array(initialCapacity);
    this.parentGen = new Int32Array(initialCapacity);
    this.req = new Int32Array(initialCapacity);
    this.link = new Uint16Array(initialCapacity);
    this.step = new Uint16Array(initialCapacity);
    this.op = new Uint8Array(initialCapacity);
    this.state = new Uint8Array(initialCapacity);
    this.status = new Uint8Array(initialCapacity);
    this.sendOffset = new Float32Array(initialCapacity);
    this.arriveOffset = new Float32Array(initialCapacity);
  }

  /**
   * The call's current message leaves at `sendMs` and arrives at `arriveMs` (absolute ms; `nowMs`
   * is the simulated now, ≤ `sendMs`). Moves the epoch forward first if now has got a step past it.
   */
  setTimes(call: number, nowMs: number, sendMs: number, arriveMs: number): void {
    let epoch = this.epochMs;
    if (nowMs - epoch >= EPOCH_STEP_MS) epoch = this.rebase(nowMs);
    this.sendOffset[call] = sendMs - epoch;
    this.arriveOffset[call] = arriveMs - epoch;
  }

  /** When the call's current message leaves (left) its sender (ms). */
  sendAtMs(call: number): number {
    return this.epochMs + this.sendOffset[call];
  }

  /** When the call's current message arrives (ms). */
  arriveAtMs(call: number): number {
    return this.epochMs + this.arriveOffset[call];
  }

  /**
   * `timeMs` as an offset rounded like the stored ones: `sendOffset[c] > offsetOf(now)` exactly
   * when the message was scheduled to leave after now (one sent at now never counts as later;
   * one leaving within a float32 step after now counts as gone).
   */
  offsetOf(timeMs: number): number {
    return Math.fround(timeMs - this.epochMs);
  }

  /**
   * Moves the epoch to the last step at or before `nowMs` and shifts every slot's offsets by the
   * difference (free slots too: they are overwritten when used again). The shift is a multiple of
   * 2^16 ms, so an offset that gets smaller in magnitude (a message of the last 65.5 s) shifts
   * exactly; only an offset growing past a power of two is rounded (once per power of two).
   */
  private rebase(nowMs: number): number {
    const epoch = Math.floor(nowMs / EPOCH_STEP_MS) * EPOCH_STEP_MS;
    const shift = epoch - this.epochMs;
    const send = this.sendOffset;
    const arrive = this.arriveOffset;
    for (let c = 0; c < this.used; c++) {
      send[c] -= shift;
      arrive[c] -= shift;
    }
    this.epochMs = epoch;
    return epoch;
  }

  /**
   * A fresh slot (fields other than gen are for the caller to set). `req` is the client request,
   * or -1, or another call's `req`: a call passed on for a call without a request gets a copy of
   * its payload.
   */
  alloc(parent: number, parentGen: number, req: number, link: number, op: number): number {
    let slot = this.freeHead;
    if (slot >= 0) {
      this.freeHead = this.parent[slot];
    } else {
      if (this.used === this.capacity) this.growTo(this.capacity * 2);
      slot = this.used++;
    }
    this.live++;
    this.parent[slot] = parent;
    this.parentGen[slot] = parentGen;
    this.req[slot] = req <= PAYLOAD_REQ_BASE ? PAYLOAD_REQ_BASE - this.payloads.copy(PAYLOAD_REQ_BASE - req) : req;
    this.link[slot] = link;
    this.op[slot] = op;
    this.step[slot] = 0;
    this.status[slot] = 0;
    return slot;
  }

  /** Gives `call` (made without a client request) a payload, and returns it. */
  attachPayload(call: number): number {
    const held = this.payloadOf(call);
    if (held >= 0) return held;
    const payload = this.payloads.alloc();
    this.req[call] = PAYLOAD_REQ_BASE - payload;
    return payload;
  }

  /** The payload `call` holds, or -1. */
  payloadOf(call: number): number {
    const req = this.req[call];
    return req <= PAYLOAD_REQ_BASE ? PAYLOAD_REQ_BASE - req : -1;
  }

  free(slot: number): void {
    const req = this.req[slot];
    if (req <= PAYLOAD_REQ_BASE) {
      this.payloads.free(PAYLOAD_REQ_BASE - req);
      this.req[slot] = -1;
    }
    this.gen[slot] = (this.gen[slot] + 1) | 0;
    this.state[slot] = STATE_FREE;
    this.parent[slot] = this.freeHead;
    this.freeHead = slot;
    this.live--;
  }

  /** The owner moved on: events and children that carry the old generation become stale. */
  bump(slot: number): number {
    const next = (this.gen[slot] + 1) | 0;
    this.gen[slot] = next;
    return next;
  }

  /** Slots ever used (iterate [0, highWater) and test `state` to visit live calls). */
  get highWater(): number {
    return this.used;
  }

  private growTo(capacity: number): void {
    this.gen = grow(this.gen, capacity);
    this.parent = grow(this.parent, capacity);
    this.parentGen = grow(this.parentGen, capacity);
    this.req = grow(this.req, capacity);
    this.link = grow(this.link, capacity);
    this.step = grow(this.step, capacity);
    this.op = grow(this.op, capacity);
    this.state = grow(this.state, capacity);
    this.status = grow(this.status, capacity);
    this.sendOffset = grow(this.sendOffset, capacity);
    this.arriveOffset = grow(this.arriveOffset, capacity);
    this.capacity = capacity;
  }
}
