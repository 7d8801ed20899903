import { OP_REPLICATE, STATE_AT_CALLEE } from '../../engine/codes';
import type { World } from '../../engine/world';
import type { VersionStore } from './versionStore';

/**
 * How long a primary waits before sending again the replication messages the network lost. The
 * file format has no such field: a replication stream runs over TCP, which retransmits a lost
 * segment within a second or so, and a replica whose connection broke reconnects every few
 * seconds and asks for everything after the last position it has (PostgreSQL's
 * wal_retrieve_retry_interval: 5 s; a lost segment much sooner).
 */
export const REPLICATION_RETRY_MS = 1000;

/** Messages sent again per step while the link carries them: the stream is flow-controlled. */
export const REPLICATION_RESEND_BATCH = 256;
/** Pause between batches (≈ 12 800 messages/s: a replica applies far slower than that by default). */
export const REPLICATION_RESEND_GAP_MS = 20;

/**
 * The replication messages of one primary that a cut link, a partition or `lossRate` lost on the
 * way, or that a replica's full apply queue refused. They are sent again until they get through,
 * so a replica catches up once the network and its queue let it — a replica that missed the
 * writes made during a cut does not stay without them for ever. Only the primary's crash loses
 * them (the crashed primary's acknowledged writes that no replica received are then lost writes).
 *
 * Like a TCP stream they go again in order and paced: a batch every
 * {@link REPLICATION_RESEND_GAP_MS} while the link carries them, so a long backlog does not all
 * land in the replica's queue at once; when a batch bounces off a link still down, the rest waits
 * {@link REPLICATION_RETRY_MS}. A message a sync primary is still waiting for goes again under
 * that write, so its acknowledgement counts.
 *
 * Lost messages are rare next to delivered ones: this path allocates, the normal one does not.
 */
/** One replication message to send again. */
interface KeptMessage {
  link: number;
  key: number;
  version: number;
  committedAtMs: number;
  /** The write waiting for this copy's acknowledgement (sync, semi-sync), or −1. */
  parent: number;
  parentGen: number;
}

export class ReplicationBacklog {
  private kept: KeptMessage[] = [];
  /** Index of the oldest message not yet sent again. */
  private head = 0;
  private readonly timer: number;
  private armed = false;
  /** Bumped by a crash, and when a batch re-arms sooner: a timer armed before it is void. */
  private epoch = 0;

  constructor(private readonly world: World) {
    this.timer = world.addTimer((token) => this.retry(token));
  }

  /** The network lost `call` (a replication message) on its way, or the replica refused it: send it again later. */
  keep(call: number): void {
    const { calls } = this.world;
    const { payloads } = calls;
    const payload = calls.payloadOf(call);
    this.kept.push({
      link: calls.link[call],
      key: payloads.key[payload],
      version: payloads.version[payload],
      committedAtMs: payloads.atMs[payload],
      parent: calls.parent[call],
      parentGen: calls.parentGen[call],
    });
    if (!this.armed) this.arm(REPLICATION_RETRY_MS);
  }

  /**
   * A replica behind `link` is to catch up with `source` (this node's data, on disk): every key
   * `source` holds newer than what the replica has received goes again, oldest version first (the
   * order of a binlog read from the replica's position), paced like the resends above — a batch
   * right away, then one every {@link REPLICATION_RESEND_GAP_MS} while the link carries them, the
   * long retry while it does not. The commit time of an old write is not kept: these copies count
   * their lag from now. Returns how many copies were queued.
   */
  catchUp(link: number, source: VersionStore, replica: VersionStore): number {
    const missing: { key: number; version: number }[] = [];
    source.forEach((key, version) => {
      if (replica.get(key) < version) missing.push({ key, version });
    });
    if (missing.length === 0) return 0;
    missing.sort((a, b) => a.version - b.version);
    const now = this.world.now;
    for (const { key, version } of missing) this.kept.push({ link, key, version, committedAtMs: now, parent: -1, parentGen: 0 });
    if (!this.armed) this.arm(0);
    return missing.length;
  }

  /** The primary crashed: what it had not yet delivered goes with it. */
  clear(): void {
    this.kept = [];
    this.head = 0;
    this.armed = false;
    this.epoch = (this.epoch + 1) & 0x7fffffff;
  }

  private arm(delayMs: number): void {
    this.armed = true;
    this.epoch = (this.epoch + 1) & 0x7fffffff;
    this.world.scheduleTimer(this.timer, delayMs, this.epoch);
  }

  private retry(epoch: number): void {
    if (epoch !== this.epoch) return;
    this.armed = false;
    const world = this.world;
    const calls = world.calls;
    const end = Math.min(this.kept.length, this.head + REPLICATION_RESEND_BATCH);
    for (let i = this.head; i < end; i++) {
      const message = this.kept[i];
      // A write still waiting for this copy (sync, semi-sync) gets its acknowledgement; else nobody waits.
      const parent = message.parent;
      const waits = parent >= 0 && calls.gen[parent] === message.parentGen && calls.state[parent] === STATE_AT_CALLEE;
      const call = waits ? calls.alloc(parent, message.parentGen, -1, message.link, OP_REPLICATE) : calls.alloc(-1, 0, -1, message.link, OP_REPLICATE);
      const payload = calls.attachPayload(call);
      calls.payloads.key[payload] = message.key;
      calls.payloads.version[payload] = message.version;
      calls.payloads.atMs[payload] = message.committedAtMs;
      // Lost again at once (the link is still down): keep() appends it and arms the long retry.
      world.sendRequest(call);
    }
    this.head = end;
    if (this.head === this.kept.length) {
      this.kept = [];
      this.head = 0;
    } else {
      // A long backlog behind a dead link keeps cycling: forget what was sent again.
      if (this.head >= 4096 && this.head * 2 >= this.kept.length) {
        this.kept = this.kept.slice(this.head);
        this.head = 0;
      }
      // The link took this batch (or keep() armed the long retry): the next one follows shortly.
      if (!this.armed) this.arm(REPLICATION_RESEND_GAP_MS);
    }
  }
}
