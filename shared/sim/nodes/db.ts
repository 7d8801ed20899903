import type { DbConfig, DbFailoverConfig, ResolvedConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { FifoServers } from '../engine/fifoServers';
import { keyOf } from '../engine/callData';
import { OP_DB_WRITE, OP_REPLICATE, OP_WRITE, STATUS_ERROR, STATUS_OK, STATUS_REJECTED } from '../engine/codes';
import { BaseNode } from './baseNode';
import type { NodeExtras } from './nodeModel';
import { clustersOf, type ClusterMember, type DbCluster } from './db/cluster';
import { VersionStore } from './db/versionStore';
import { InFlightVersions } from './db/inFlightVersions';
import { ReplicationBacklog } from './db/replicationBacklog';

/**
 * How long a sync / semi-sync primary waits for replica acknowledgements before answering the
 * write with an error (the write stays applied locally but was never acknowledged). The file
 * format has no such field; MySQL's rpl_semi_sync_master_timeout defaults to 10 s.
 */
export const SYNC_REPLICATION_TIMEOUT_MS = 10_000;

/**
 * Database node (DESIGN §3 `db`): `connections` queries at once, a FIFO of at most `queueLimit`,
 * reads take `readMs`, writes `writeMs`, replicated writes `applyMs` — all through the same FIFO,
 * so a busy replica falls behind (lag = link delay + applyMs + its queue).
 *
 * A primary gives each write the next version, applies it, and once the write is done sends it
 * over each of its outgoing replication links. It answers `async`: when the write is done;
 * `sync`: when every replica it can reach has applied it; `semi-sync`: when one has. A replica
 * answers reads and refuses writes (error). A read returns the data as of when it starts in the
 * FIFO (`db/inFlightVersions.ts`) and is judged stale against the cluster's books (DESIGN §3). Data is on disk: a crash loses the queries in progress, not the
 * data. Cluster membership, failover and the books are in `db/cluster.ts`.
 */
export class DbModel extends BaseNode implements ClusterMember {
  override readonly station: FifoServers;
  private config: DbConfig;
  role: 'primary' | 'replica';
  readonly store = new VersionStore();
  /**
   * What this node has received: `store` plus the replicated writes waiting in its FIFO to be
   * applied (a relay log, on disk). A promoted replica applies them before anything else, so a
   * write here is not lost; a crash empties the FIFO, and this falls back to `store`.
   */
  readonly received = new VersionStore();
  /** Newest version this node received in a replication message. */
  receivedUpTo = 0;
  /** Writes and applies admitted but perhaps not in effect yet: what a read sees depends on when it starts. */
  private readonly inFlight: InFlightVersions;
  private cluster: DbCluster | null = null;
  private readonly syncWaits: DeadlineQueue;
  readonly backlog: ReplicationBacklog;
  reads = 0;
  writes = 0;
  /** Replication lag observed here: commit at the origin → applied here. */
  lagCount = 0;
  lagSumMs = 0;
  lagMaxMs = 0;

  constructor(world: World, index: number, config: DbConfig) {
    super(world, index, 'db');
    this.config = config;
    this.role = config.role;
    this.station = new FifoServers(config.connections, config.queueLimit, world.bookingHorizonMs);
    this.backlog = new ReplicationBacklog(world);
    this.inFlight = new InFlightVersions(world.calls);
    const calls = world.calls;
    this.syncWaits = world.createDeadlineQueue(
      world.callStillWaiting,
      (call) => {
        calls.bump(call); // late acknowledgements are ignored
        this.answer(call, STATUS_ERROR);
      },
    );
  }

  get failover(): DbFailoverConfig {
    return this.config.failover;
  }

  /** The cluster this node belongs to (built on first use, when every model exists). */
  get clusterOfNode(): DbCluster {
    if (this.cluster === null) {
      const set = clustersOf(this.world);
      this.cluster = set.clusters[set.clusterOf[this.index]];
    }
    return this.cluster;
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    const world = this.world;
    const op = world.calls.op[call];
    if (op === OP_REPLICATE) {
      this.receiveReplicated(call);
      return;
    }
    const write = op === OP_DB_WRITE || op === OP_WRITE;
    if (write && this.role !== 'primary') {
      this.answer(call, STATUS_ERROR); // read-only replica
      return;
    }
    const departure = this.station.admit(world.now, sample(write ? this.config.writeMs : this.config.readMs, this.rng) * this.slow);
    if (departure < 0) {
      this.answer(call, STATUS_REJECTED);
      return;
    }
    const key = keyOf(world, call);
    const req = world.calls.req[call];
    const cluster = this.clusterOfNode;
    // The answer carries the version served (a cache that stores it can be judged stale later).
    if (!write) {
      // The data as of when the read starts (not when it arrived): applies queued ahead of it have
      // ended by then, writes still running beside it (connections > 1) have not.
      const version = this.inFlight.versionAt(key, this.station.lastStartMs, world.now, this.store.get(key));
      world.callData.setVersion(call, version, cluster.sinkId);
      this.reads++;
      if (req >= 0 && version < cluster.requiredVersion(key, world.requests.firstSendMs[req])) world.consistency.markStaleRead(req);
      this.answer(call, STATUS_OK, departure - world.now);
      return;
    }
    this.writes++;
    // A write-behind flush writes the version its write took when the app accepted it.
    const version = req >= 0 ? world.consistency.nextVersion() : this.backgroundWriteVersion(call);
    world.callData.setVersion(call, version, cluster.sinkId);
    // In `store` (and the cluster's books) at once; to reads only from when the write ends.
    this.inFlight.addWrite(key, version, departure, this.store.get(key), world.now);
    this.store.apply(key, version);
    this.received.apply(key, version);
    if (req >= 0) world.consistency.markWrite(req, cluster.sinkId, this.index, version);
    // A write-behind flush: its client was acknowledged when the app took the write (the stale-read
    // books have it since then); from now on a failover that loses it loses an acknowledged write.
    else {
      const payload = world.calls.payloadOf(call);
      const ackedSentMs = payload >= 0 ? world.calls.payloads.atMs[payload] : Number.NaN;
      if (ackedSentMs >= 0) world.consistency.sinks[cluster.sinkId].onWriteAcked(this.index, key, version, ackedSentMs, world.now);
    }
    const needed = this.replicate(call, key, version, departure);
    if (needed === 0) {
      this.answer(call, STATUS_OK, departure - world.now);
    } else {
      world.calls.step[call] = needed;
      this.syncWaits.push(call, world.calls.gen[call], departure + SYNC_REPLICATION_TIMEOUT_MS);
    }
  }

  /** A write with no client request: a write-behind flush's own version, else (a worker's job) the next. */
  private backgroundWriteVersion(call: number): number {
    const world = this.world;
    const payload = world.calls.payloadOf(call);
    const carried = payload >= 0 ? world.calls.payloads.version[payload] : 0;
    return carried > 0 ? carried : world.consistency.nextVersion();
  }

  /**
   * Sends the write to every replication target once it is done (at `departure`). Returns how many
   * acknowledgements the answer waits for: none (async), every reachable target (sync) or one
   * (semi-sync).
   */
  private replicate(call: number, key: number, version: number, departure: number): number {
    const world = this.world;
    const calls = world.calls;
    const cluster = this.clusterOfNode;
    const targets = cluster.replicationLinks.get(this.index) ?? [];
    const mode = this.config.replication;
    let reachable = 0;
    if (mode !== 'async') for (const link of targets) if (cluster.reachable(link)) reachable++;
    const needed = mode === 'async' ? 0 : mode === 'sync' ? reachable : Math.min(1, reachable);
    const afterMs = departure - world.now;
    for (const link of targets) {
      // Waited-for messages hang under the write's call (their loss shows on the client's books);
      // async ones belong to nobody.
      const child = needed > 0 ? calls.alloc(call, calls.gen[call], -1, link, OP_REPLICATE) : calls.alloc(-1, 0, -1, link, OP_REPLICATE);
      const payload = calls.attachPayload(child);
      calls.payloads.key[payload] = key;
      calls.payloads.version[payload] = version;
      calls.payloads.atMs[payload] = departure;
      world.sendRequest(child, afterMs);
    }
    return needed;
  }

  private receiveReplicated(call: number): void {
    const world = this.world;
    const sender = world.links.from[world.calls.link[call]];
    if (this.clusterOfNode.fenced(sender, world.calls.payloads.atMs[world.calls.payloadOf(call)])) {
      // A copy from a primary deposed since it left: refused and dropped, nobody waits for it.
      this.counters.rejected++;
      world.calls.free(call);
      return;
    }
    const departure = this.station.admit(world.now, this.config.applyMs * this.slow);
    if (departure < 0) {
      this.answer(call, STATUS_REJECTED);
      return;
    }
    const { payloads } = world.calls;
    const payload = world.calls.payloadOf(call);
    const version = payloads.version[payload];
    this.received.apply(payloads.key[payload], version);
    if (version > this.receivedUpTo) this.receivedUpTo = version;
    // Reaches `store` at `departure` (onServiceDone); a read starting from then on sees it already.
    this.inFlight.addApply(payloads.key[payload], version, departure, call, world.now);
    world.scheduleService(call, departure - world.now);
  }

  /** A replicated write is applied (its turn in the FIFO is over): keep it if newer, acknowledge. */
  override onServiceDone(call: number): void {
    const world = this.world;
    const { payloads } = world.calls;
    const payload = world.calls.payloadOf(call);
    const version = payloads.version[payload];
    this.store.apply(payloads.key[payload], version);
    this.inFlight.applied(payloads.key[payload], version);
    const lag = world.now - payloads.atMs[payload];
    this.lagCount++;
    this.lagSumMs += lag;
    if (lag > this.lagMaxMs) this.lagMaxMs = lag;
    if (world.calls.parent[call] >= 0) {
      this.answer(call, STATUS_OK); // a sync / semi-sync primary waits for this acknowledgement
    } else {
      // Nobody waits for an async copy: no acknowledgement message (one event less per write).
      this.counters.completed++;
      world.calls.free(call);
    }
  }

  /** A replica's acknowledgement (or refusal) came back. */
  override onResponse(child: number): void {
    const world = this.world;
    const calls = world.calls;
    const parent = calls.parent[child];
    const waits = parent >= 0 && world.parentWaits(child);
    const ok = calls.status[child] === STATUS_OK;
    // The replica's apply queue was full: like a TCP stream, the copy waits and goes again.
    if (calls.status[child] === STATUS_REJECTED) this.backlog.keep(child);
    calls.free(child);
    if (!waits || !ok) return;
    if (--calls.step[parent] > 0) return;
    calls.bump(parent); // the sync timeout and any later acknowledgements are now stale
    this.answer(parent, STATUS_OK);
  }

  onReplicationLost(call: number): void {
    this.backlog.keep(call);
  }

  override crash(): void {
    this.station.reset(this.world.now);
    this.backlog.clear();
    // The FIFO's replicated writes are gone with it (a restart re-syncs from a snapshot anyway).
    this.received.copyFrom(this.store);
    this.syncWaits.clear();
    this.clusterOfNode.onCrash(this.index);
  }

  override restart(): void {
    this.clusterOfNode.onRestart(this.index);
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as DbConfig;
    if (next.role !== this.config.role) this.role = next.role;
    this.config = next;
    this.station.setServers(next.connections, this.world.now);
    this.station.setQueueLimit(next.queueLimit, this.world.now);
  }

  override extras(): NodeExtras {
    return { keys: this.store.size };
  }
}
