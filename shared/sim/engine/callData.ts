import { grow } from './growable';
import type { World } from './world';

/**
 * Per-call data that a call without a client request needs: replication messages, queue
 * deliveries, write-behind flushes and refresh-ahead reads outlive (or never had) the request
 * whose key they carry, so the key cannot be read through `calls.req`. Indexed by call slot and
 * written by whoever allocates such a call; grown with the call table, never allocated per call.
 */
/**
 * Bytes per call slot: key 4 + version 8 + atMs 8 + ref 4 = 24 ({@link CALL_DATA_BYTES}). The
 * arrays are indexed by call slot, so every live call costs them, whether it uses them or not.
 */
export const CALL_DATA_BYTES = 24;

export class CallData {
  key = new Int32Array(1024);
  /** Version a replication message carries. */
  version = new Float64Array(1024);
  /**
   * When the write was committed at its origin (replication lag is measured from here). For a
   * write-behind flush (a db write with no request): when its client sent the write the flush
   * stands for — it was acknowledged already, so the database books it as an acknowledged write;
   * NaN for other db writes without a request (a worker's job).
   */
  atMs = new Float64Array(1024);
  /** Owner-private reference (a queue's message slot for a delivery). */
  ref = new Int32Array(1024);

  /**
   * A call passed on along the request path starts knowing no version: whoever answers it fills
   * one in (a db read or write, a cache hit, an app relaying its own data path's answer).
   */
  unknownVersion(call: number): void {
    this.ensure(call);
    this.version[call] = Infinity;
    this.ref[call] = -1;
  }

  /** A node in the path relays the version (and its cluster) its upstream answered with. */
  relayVersion(child: number, parent: number): void {
    this.ensure(parent);
    this.version[parent] = this.version[child];
    this.ref[parent] = this.ref[child];
  }

  ensure(call: number): void {
    if (call < this.key.length) return;
    let length = this.key.length;
    while (length <= call) length *= 2;
    this.key = grow(this.key, length);
    this.version = grow(this.version, length);
    this.atMs = grow(this.atMs, length);
    this.ref = grow(this.ref, length);
  }
}

/** The key a call is about: its client request's, or (no request) the one stored in CallData. */
export function keyOf(world: World, call: number): number {
  const req = world.calls.req[call];
  return req >= 0 ? world.requests.key[req] : world.callData.key[call];
}
