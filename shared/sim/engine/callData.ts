import { grow } from './growable';
import type { World } from './world';

/** A relayed version nobody has filled in (Infinity outside this file). */
const UNKNOWN_VERSION = 0xffffffff;
/** No cluster (−1 outside this file). */
const NO_SINK = 0xffff;

/**
 * Bytes per call slot: version 4 + sink 2 = 6 ({@link CALL_DATA_BYTES}). The arrays are indexed
 * by call slot, so every live call costs them, whether it uses them or not.
 */
export const CALL_DATA_BYTES = 6;

/**
 * The version of the data an answer carries, and the db cluster (its consistency sink) it came
 * from, relayed back along a request's path so a cache that stores the answer can later judge it
 * stale. Indexed by call slot and grown with the call table, never allocated per call. Versions
 * are 32 bits (consistency.ts MAX_VERSION), clusters 16 (fewer than nodes, World).
 */
export class CallData {
  private version = new Uint32Array(1024);
  private sink = new Uint16Array(1024);

  /** The version `call`'s answer carries; Infinity when no database answered it. */
  versionOf(call: number): number {
    const version = this.version[call];
    return version === UNKNOWN_VERSION ? Infinity : version;
  }

  /** The cluster (consistency sink) that version is from; −1 for none. */
  sinkOf(call: number): number {
    const sink = this.sink[call];
    return sink === NO_SINK ? -1 : sink;
  }

  /** `call`'s answer carries `version` (Infinity: unknown) of cluster `sink` (−1: none). */
  setVersion(call: number, version: number, sink: number): void {
    this.ensure(call);
    this.version[call] = version === Infinity ? UNKNOWN_VERSION : version;
    this.sink[call] = sink < 0 ? NO_SINK : sink;
  }

  /**
   * A call passed on along the request path starts knowing no version: whoever answers it fills
   * one in (a db read or write, a cache hit, an app relaying its own data path's answer).
   */
  unknownVersion(call: number): void {
    this.ensure(call);
    this.version[call] = UNKNOWN_VERSION;
    this.sink[call] = NO_SINK;
  }

  /** A node in the path relays the version (and its cluster) its upstream answered with. */
  relayVersion(child: number, parent: number): void {
    this.ensure(parent);
    this.version[parent] = this.version[child];
    this.sink[parent] = this.sink[child];
  }

  private ensure(call: number): void {
    if (call < this.version.length) return;
    let length = this.version.length;
    while (length <= call) length *= 2;
    this.version = grow(this.version, length);
    this.sink = grow(this.sink, length);
  }
}

/** The key a call is about: its client request's, or (no request) the one its payload carries; −1 for none. */
export function keyOf(world: World, call: number): number {
  const calls = world.calls;
  const req = calls.req[call];
  if (req >= 0) return world.requests.key[req];
  const payload = calls.payloadOf(call);
  return payload >= 0 ? calls.payloads.key[payload] : -1;
}
