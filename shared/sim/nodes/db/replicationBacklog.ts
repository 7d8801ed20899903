import { OP_REPLICATE } from '../../engine/codes';
import type { World } from '../../engine/world';

/**
 * How long a primary waits before sending again the replication messages the network lost. The
 * file format has no such field: a replication stream runs over TCP, which retransmits a lost
 * segment within a second or so, and a replica whose connection broke reconnects every few
 * seconds and asks for everything after the last position it has (PostgreSQL's
 * wal_retrieve_retry_interval: 5 s; a lost segment much sooner).
 */
export const REPLICATION_RETRY_MS = 1000;

/**
 * The replication messages of one primary that a cut link, a partition or `lossRate` lost on the
 * way. They are sent again every {@link REPLICATION_RETRY_MS} until they get through, so a
 * replica catches up once the network lets it — a replica that missed the writes made during a
 * three-second cut does not stay without them for ever. Only the primary's crash loses them (the
 * crashed primary's acknowledged writes that no replica received are then lost writes).
 *
 * Lost messages are rare next to delivered ones: this path allocates, the normal one does not.
 */
export class ReplicationBacklog {
  private links: number[] = [];
  private keys: number[] = [];
  private versions: number[] = [];
  private committedAtMs: number[] = [];
  private readonly timer: number;
  private armed = false;
  /** Bumped by a crash: a retry timer armed before it is void. */
  private epoch = 0;

  constructor(private readonly world: World) {
    this.timer = world.addTimer((token) => this.retry(token));
  }

  /** The network lost `call` (a replication message) on its way: send it again later. */
  keep(call: number): void {
    const data = this.world.callData;
    this.links.push(this.world.calls.link[call]);
    this.keys.push(data.key[call]);
    this.versions.push(data.version[call]);
    this.committedAtMs.push(data.atMs[call]);
    if (this.armed) return;
    this.armed = true;
    this.world.scheduleTimer(this.timer, REPLICATION_RETRY_MS, this.epoch);
  }

  /** The primary crashed: what it had not yet delivered goes with it. */
  clear(): void {
    this.links = [];
    this.keys = [];
    this.versions = [];
    this.committedAtMs = [];
    this.armed = false;
    this.epoch = (this.epoch + 1) & 0x7fffffff;
  }

  private retry(epoch: number): void {
    if (epoch !== this.epoch) return;
    this.armed = false;
    const { links, keys, versions, committedAtMs } = this;
    this.links = [];
    this.keys = [];
    this.versions = [];
    this.committedAtMs = [];
    const world = this.world;
    // In commit order; whatever is lost again comes back here through keep().
    for (let i = 0; i < links.length; i++) {
      const call = world.calls.alloc(-1, 0, -1, links[i], OP_REPLICATE);
      world.callData.ensure(call);
      world.callData.key[call] = keys[i];
      world.callData.version[call] = versions[i];
      world.callData.atMs[call] = committedAtMs[i];
      world.sendRequest(call);
    }
  }
}
