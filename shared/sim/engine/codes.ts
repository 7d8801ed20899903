/**
 * Small integer codes stored in the struct-of-arrays tables. Plain numeric constants (not enums)
 * so they cost nothing on the hot path and fit in a Uint8Array.
 */

/** What a call asks its callee to do. */
export const OP_READ = 0;
export const OP_WRITE = 1;
/** Cache operations issued by an app's data path. */
export const OP_CACHE_GET = 2;
export const OP_CACHE_SET = 3;
export const OP_CACHE_DEL = 4;
/** Database operations issued by an app's data path. */
export const OP_DB_READ = 5;
export const OP_DB_WRITE = 6;
/** Health-check probe from a load balancer (answered at once by any live node). */
export const OP_PROBE = 7;
/** Edge kinds (dns, lb HA pairs) use 20–29. A client's DNS lookup; the answer's node is in `step` − 1. */
export const OP_DNS_QUERY = 20;
/** One-way heartbeat from an active load balancer to its passive peer (the receiver frees it). */
export const OP_HEARTBEAT = 21;

/** Data kinds use 30–39. A primary's write sent over a replication link to another member. */
export const OP_REPLICATE = 30;
/** An app publishing a job to a queue (full queue ⇒ STATUS_REJECTED). */
export const OP_PUBLISH = 31;
/** A queue delivering a message to a worker; the worker's ok answer is the ack. */
export const OP_JOB = 32;

/** Where a call is. A call carries at most one message at a time. */
export const STATE_FREE = 0;
/** The request message is on its link. */
export const STATE_REQUEST_WIRE = 1;
/** The callee holds it (queued, in service, or waiting on its own downstream call). */
export const STATE_AT_CALLEE = 2;
/** The response message is on its link back to the caller. */
export const STATE_RESPONSE_WIRE = 3;
/**
 * The request (response) waits at its sender to leave at its send time (CallTable.sendAtMs)
 * over a link that was cut, or across a partition, after it was handed over: whether it gets
 * through is decided when it leaves (World.transmit). Not on the wire yet.
 */
export const STATE_REQUEST_HELD = 4;
export const STATE_RESPONSE_HELD = 5;

/** What a response says. */
export const STATUS_OK = 0;
/** 5xx from somewhere downstream (or a downstream timeout). */
export const STATUS_ERROR = 1;
/** 429/503: full queue, connection limit, rate limit. */
export const STATUS_REJECTED = 2;
/** OK answers of a cache get. */
export const STATUS_HIT = 3;
export const STATUS_MISS = 4;
/** A cache hit on an entry close to expiry (refresh-ahead: the app refreshes it in the background). */
export const STATUS_HIT_EXPIRING = 5;

export function isSuccess(status: number): boolean {
  return status === STATUS_OK || status === STATUS_HIT || status === STATUS_MISS || status === STATUS_HIT_EXPIRING;
}

/** Final outcome of a client request (DESIGN §3). Index into per-outcome counters. */
export const OUTCOME_OK = 0;
export const OUTCOME_ERROR = 1;
export const OUTCOME_TIMEOUT = 2;
export const OUTCOME_REJECTED = 3;
export const OUTCOME_DROPPED = 4;
export const OUTCOME_COUNT = 5;
export const OUTCOME_NAMES = ['ok', 'error', 'timeout', 'rejected', 'dropped'] as const;

/** Message sizes in bytes (DESIGN §3 defaults), used when a link has a bandwidth. */
export const REQUEST_BYTES = 1000;
export const RESPONSE_BYTES = 10_000;
