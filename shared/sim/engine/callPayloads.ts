import { grow } from './growable';

/**
 * Bytes per payload: key 4 + atMs 8 + version 8 + ref 4 = 24 ({@link CALL_PAYLOAD_BYTES}). Only
 * calls made without a client request hold one.
 */
export const CALL_PAYLOAD_BYTES = 24;

/**
 * What a call made without a client request carries: replication messages, queue deliveries,
 * write-behind flushes, refresh-ahead reloads and a worker's writes outlive (or never had) the
 * request whose key they are about, so the key cannot be read through `calls.req`. A pool of its
 * own rather than arrays indexed by call slot, because those would cost every call — the many
 * on a request's path too — bytes that only these few use. A call finds its payload through its
 * `req` field (CallTable.attachPayload), and the payload is freed with the call.
 */
export class CallPayloads {
  /** Live payloads. */
  live = 0;
  /** The key the call is about. Free-list link while the payload is free. */
  key = new Int32Array(256);
  /**
   * When the write was committed at its origin (replication lag is measured from here). For a
   * write-behind flush (a db write with no request): when its client sent the write the flush
   * stands for — it was acknowledged already, so the database books it as an acknowledged write;
   * NaN for other db writes without a request (a worker's job).
   */
  atMs = new Float64Array(256);
  /** The version a replication message carries; a queue delivery's generation. */
  version = new Float64Array(256);
  /** Owner-private reference (a queue's message slot for a delivery). */
  ref = new Int32Array(256);
  private freeHead = -1;
  private used = 0;

  alloc(): number {
    let payload = this.freeHead;
    if (payload >= 0) {
      this.freeHead = this.key[payload];
    } else {
      if (this.used === this.key.length) this.growTo(this.used * 2);
      payload = this.used++;
    }
    this.live++;
    this.key[payload] = -1;
    this.atMs[payload] = Number.NaN;
    this.version[payload] = 0;
    this.ref[payload] = -1;
    return payload;
  }

  /** A new payload with the same contents as `payload` (a call passed on keeps what it carries). */
  copy(payload: number): number {
    const next = this.alloc();
    this.key[next] = this.key[payload];
    this.atMs[next] = this.atMs[payload];
    this.version[next] = this.version[payload];
    this.ref[next] = this.ref[payload];
    return next;
  }

  free(payload: number): void {
    this.key[payload] = this.freeHead;
    this.freeHead = payload;
    this.live--;
  }

  private growTo(capacity: number): void {
    this.key = grow(this.key, capacity);
    this.atMs = grow(this.atMs, capacity);
    this.version = grow(this.version, capacity);
    this.ref = grow(this.ref, capacity);
  }
}
