import { grow } from './growable';
import { STATE_FREE } from './codes';
import { CallPayloads } from './callPayloads';

/** `req` of a call that holds payload `p` (no client request) is `PAYLOAD_REQ_BASE - p`. */
const PAYLOAD_REQ_BASE = -2;

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
 * state 1 + status 1 + sendMs 4 + arriveMs 4 = 31 ({@link CALL_BYTES}); a call without a client
 * request that carries data holds a payload besides ({@link CallPayloads}).
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
  /** Current message's send and arrival time (ms) — for animation; float32 is plenty for that. */
  sendMs: Float32Array;
  arriveMs: Float32Array;
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
    this.sendMs = new Float32Array(initialCapacity);
    this.arriveMs = new Float32Array(initialCapacity);
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
    this.sendMs = grow(this.sendMs, capacity);
    this.arriveMs = grow(this.arriveMs, capacity);
    this.capacity = capacity;
  }
}
