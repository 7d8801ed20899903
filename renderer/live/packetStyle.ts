import {
  OP_CACHE_DEL,
  OP_CACHE_GET,
  OP_CACHE_SET,
  OP_DB_READ,
  OP_DB_WRITE,
  OP_DNS_QUERY,
  OP_HEARTBEAT,
  OP_JOB,
  OP_PROBE,
  OP_PUBLISH,
  OP_READ,
  OP_REPLICATE,
  OP_WRITE,
  STATUS_ERROR,
  STATUS_HIT,
  STATUS_HIT_EXPIRING,
  STATUS_MISS,
  STATUS_REJECTED,
} from '../../shared/sim/engine/codes';
import { PACKET_PENDING } from '../../shared/sim/session/protocol';
import type { NodeKind } from '../../shared/model/types';

/** What a packet carries, as the legend names it (DESIGN §7). */
export const PACKET_KINDS = ['http', 'dns', 'cache', 'db-read', 'db-write', 'replication', 'health', 'queue'] as const;
export type PacketKind = (typeof PACKET_KINDS)[number];

export const PACKET_KIND_LABELS: Record<PacketKind, string> = {
  http: 'HTTP',
  dns: 'DNS',
  cache: 'Cache',
  'db-read': 'DB read',
  'db-write': 'DB write',
  replication: 'Replication',
  health: 'Health check',
  queue: 'Queue',
};

/** Colours picked to stay distinct on both canvas themes and on a washed-out projector. */
export const PACKET_KIND_COLORS: Record<PacketKind, number> = {
  http: 0x4f9dff,
  dns: 0xb583ff,
  cache: 0x2ec4b6,
  'db-read': 0xffb020,
  'db-write': 0xff7a1a,
  replication: 0xf472b6,
  health: 0x9ca3af,
  queue: 0xa3e635,
};

export const FAILURE_COLOR = 0xff3b3b;

/**
 * What a link mostly carries, for its flow dashes (drawn where single packets pass too fast to
 * see): its packets' kind, so the dashes read with the legend as the packets do. A database link
 * carries reads and writes; it takes the reads' colour (most traffic is reads).
 */
export function flowKindOf(replication: boolean, targetKind: NodeKind | undefined): PacketKind {
  if (replication) return 'replication';
  switch (targetKind) {
    case 'dns':
      return 'dns';
    case 'cache':
      return 'cache';
    case 'db':
    case 'shard-router':
      return 'db-read';
    case 'queue':
    case 'worker':
      return 'queue';
    default:
      return 'http';
  }
}
export const REJECTED_COLOR = 0xff8c42;

export function packetKindOf(op: number): PacketKind {
  switch (op) {
    case OP_READ:
    case OP_WRITE:
      return 'http';
    case OP_DNS_QUERY:
      return 'dns';
    case OP_CACHE_GET:
    case OP_CACHE_SET:
    case OP_CACHE_DEL:
      return 'cache';
    case OP_DB_READ:
      return 'db-read';
    case OP_DB_WRITE:
      return 'db-write';
    case OP_REPLICATE:
      return 'replication';
    case OP_PROBE:
    case OP_HEARTBEAT:
      return 'health';
    case OP_PUBLISH:
    case OP_JOB:
      return 'queue';
    default:
      return 'http';
  }
}

/** The outcome column of a packet: pending (a request on its way) or a response's status. */
export type PacketOutcome = 'request' | 'ok' | 'hit' | 'miss' | 'error' | 'rejected';

export function packetOutcomeOf(outcome: number): PacketOutcome {
  if (outcome === PACKET_PENDING) return 'request';
  const status = outcome - 1;
  if (status === STATUS_ERROR) return 'error';
  if (status === STATUS_REJECTED) return 'rejected';
  if (status === STATUS_HIT || status === STATUS_HIT_EXPIRING) return 'hit';
  if (status === STATUS_MISS) return 'miss';
  return 'ok';
}

/** True for answers that mean something went wrong: they are drawn red and burst. */
export function isFailure(outcome: PacketOutcome): boolean {
  return outcome === 'error' || outcome === 'rejected';
}

/** The packet's tint: its kind's colour, unless the answer is a failure. */
export function packetColor(op: number, outcome: number): number {
  const kind = packetOutcomeOf(outcome);
  if (kind === 'error') return FAILURE_COLOR;
  if (kind === 'rejected') return REJECTED_COLOR;
  return PACKET_KIND_COLORS[packetKindOf(op)];
}
