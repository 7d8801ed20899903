import type { DbFailoverConfig } from '../../../model/types';
import type { World } from '../../engine/world';
import { HELD_BY_WRITE_BEHIND_CACHE, type AckedWriteSink } from '../../engine/consistency';
import { grow } from '../../engine/growable';
import type { VersionStore } from './versionStore';
import type { ReplicationBacklog } from './replicationBacklog';

/** What the cluster needs of a database node (implemented by DbModel). */
export interface ClusterMember {
  role: 'primary' | 'replica';
  readonly store: VersionStore;
  /** `store` plus the replicated writes received and not yet applied. */
  readonly received: VersionStore;
  /** Newest version this node received in a replication message. */
  receivedUpTo: number;
  readonly failover: DbFailoverConfig;
  /** Its replication messages waiting to go (again) over its outgoing replication links. */
  readonly backlog: ReplicationBacklog;
}

/**
 * A replicated database cluster (DESIGN §3 `db`): the db nodes joined by `replication` links
 * (a db without any is a cluster of one). It is the cluster manager and the client driver at
 * once (think Patroni plus a driver's topology view):
 *  - it notices a member's crash `detectMs` after it happens (perfect detection, delayed; a
 *    partitioned but live primary is not noticed) and from then on routing avoids the member;
 *  - on a primary's detected loss with `failover.auto` it hands over to another live primary
 *    (master-master) or promotes the most up-to-date live replica (the one lacking fewest writes),
 *    which first gathers the copies the other live members hold and it lacks;
 *  - it keeps the consistency books: the newest acknowledged version per key (for stale reads)
 *    and the acknowledged writes not yet on every other live member (for lost writes).
 *
 * Replication flows along the replication links as drawn (from → to): a promoted replica
 * replicates over its own outgoing replication links, so draw them both ways where a replica
 * should be able to take over the others. Data is on disk, so a member that missed writes
 * catches up over those links (paced, as `ReplicationBacklog` resends): the replicas of a primary
 * that restarts (no failover happened), the members a promoted replica replicates to, and a
 * restarted primary from the other primaries replicating to it. A replica that no current
 * primary replicates to gets no reads (it would only serve old data); it is warned about.
 */
export class DbCluster implements AckedWriteSink {
  readonly sinkId: number;
  /** Member detected down: reads and writes are routed elsewhere. */
  readonly failed: Uint8Array;
  /** Successor of a deposed primary (−1: not deposed). */
  private readonly successorOf: Int32Array;
  /** When each member was last deposed as primary (−Infinity: never); see {@link fenced}. */
  private readonly deposedAtMs: Float64Array;
  private readonly downEpoch: Int32Array;
  private readonly timer: number;
  /** Outgoing replication links per member. */
  readonly replicationLinks = new Map<number, number[]>();
  /** Incoming replication links per member. */
  private readonly feeds = new Map<number, number[]>();
  failovers = 0;
  // Per key: newest acknowledged version, when it was acknowledged, and the one acknowledged before.
  private ackVersion = new Uint32Array(1024);
  private ackMs = new Float64Array(1024);
  private previousAck = new Uint32Array(1024);
  // Acknowledged writes that some other live member may not have yet (oldest first).
  private pendingPrimary = new Int32Array(256);
  private pendingKey = new Int32Array(256);
  private pendingVersion = new Float64Array(256);
  private pendingSentMs = new Float64Array(256);
  private pendingHead = 0;
  private pendingSize = 0;

  constructor(
    private readonly world: World,
    readonly members: readonly number[],
  ) {
    const n = world.nodeIds.length;
    this.failed = new Uint8Array(n);
    this.successorOf = new Int32Array(n).fill(-1);
    this.deposedAtMs = new Float64Array(n).fill(-Infinity);
    this.downEpoch = new Int32Array(n);
    this.sinkId = world.consistency.sinks.length;
    world.consistency.sinks.push(this);
    this.timer = world.addTimer((token) => this.onDetect(token & 0xffff, token >>> 16));
    const links = world.links;
    for (const member of members) {
      this.replicationLinks.set(member, []);
      this.feeds.set(member, []);
    }
    for (let l = 0; l < links.count; l++) {
      if (links.replication[l] === 1) {
        this.replicationLinks.get(links.from[l])?.push(l);
        this.feeds.get(links.to[l])?.push(l);
      }
    }
  }

  member(node: number): ClusterMember {
    return this.world.models[node] as unknown as ClusterMember;
  }

  // --- routing (the driver's view) ---------------------------------------------------------------

  /** The link (among `links`, in order) to the first primary not known to be down; else the first to any primary; else −1. */
  writeTarget(links: readonly number[]): number {
    const to = this.world.links.to;
    let fallback = -1;
    for (const link of links) {
      const node = to[link];
      if (this.member(node).role !== 'primary') continue;
      if (this.failed[node] === 0) return link;
      if (fallback < 0) fallback = link;
    }
    return fallback;
  }

  /**
   * A replica not known to be down and fed by a primary (the `turn`-th of them, round-robin) when
   * `fromReplicas`, else the write target.
   */
  readTarget(links: readonly number[], fromReplicas: boolean, turn: number): number {
    if (fromReplicas) {
      const to = this.world.links.to;
      let count = 0;
      for (const link of links) if (this.readable(to[link])) count++;
      if (count > 0) {
        let pick = turn % count;
        for (const link of links) {
          if (!this.readable(to[link])) continue;
          if (pick-- === 0) return link;
        }
      }
    }
    const primary = this.writeTarget(links);
    return primary >= 0 ? primary : links.length > 0 ? links[0] : -1;
  }

  /**
   * May reads go to `node`: a replica not known to be down that a replication link from a current
   * primary leads to? The cluster manager configured who replicates from whom, so it knows a
   * replica no primary feeds (a deposed primary back with no link from its successor, a replica
   * whose only feed was promoted away) — a proxy shuns one that is not replicating. It does not
   * know about a cut link (as for `reachable`): a replica cut off still takes reads, and serves
   * them stale.
   */
  private readable(node: number): boolean {
    if (this.member(node).role !== 'replica' || this.failed[node] === 1) return false;
    const from = this.world.links.from;
    for (const link of this.feeds.get(node) ?? []) if (this.member(from[link]).role === 'primary') return true;
    return false;
  }

  /**
   * Does a sync primary wait for the replica behind `link`? Yes unless the cluster knows it is
   * down: a primary cannot tell a slow replica from a cut link, so writes wait (and time out)
   * until detection says otherwise — which is why sync replication never acknowledges a write
   * that a surviving replica lacks.
   */
  reachable(link: number): boolean {
    return this.failed[this.world.links.to[link]] === 0;
  }

  // --- failure detection and failover ------------------------------------------------------------

  onCrash(node: number): void {
    const epoch = ++this.downEpoch[node];
    this.world.scheduleTimer(this.timer, this.member(node).failover.detectMs, ((epoch & 0x7fff) << 16) | node);
  }

  /**
   * Back up: routing may use it again. A deposed primary comes back as a replica; any replica
   * re-syncs from a snapshot of a live primary (its state is then that primary's). A primary
   * (no failover happened) streams to its live replicas what they lack of its data — the writes a
   * cut link or its crash kept from them — and the other live primaries replicating to it stream
   * it theirs (master-master), as a replica reconnecting pulls the log from its position.
   */
  onRestart(node: number): void {
    this.downEpoch[node]++; // a detection still pending is void
    this.failed[node] = 0;
    const self = this.member(node);
    if (this.successorOf[node] >= 0) {
      self.role = 'replica';
      this.successorOf[node] = -1;
    }
    if (self.role === 'replica') {
      const source = this.livePrimary(node);
      if (source >= 0) {
        self.store.copyFrom(this.member(source).store);
        self.received.copyFrom(self.store);
        self.receivedUpTo = this.world.consistency.lastVersion;
      }
      return;
    }
    this.catchUpFrom(node);
    const from = this.world.links.from;
    for (const link of this.feeds.get(node) ?? []) {
      const source = from[link];
      if (this.live(source) && this.member(source).role === 'primary') this.member(source).backlog.catchUp(link, this.member(source).received, self.received);
    }
  }

  /** `source` streams to each live member its replication links lead to what that one has not received. */
  private catchUpFrom(source: number): void {
    const to = this.world.links.to;
    const data = this.member(source).received;
    for (const link of this.replicationLinks.get(source) ?? []) {
      if (this.live(to[link])) this.member(source).backlog.catchUp(link, data, this.member(to[link]).received);
    }
  }

  private live(node: number): boolean {
    return this.world.up[node] === 1 && this.failed[node] === 0;
  }

  private onDetect(node: number, epoch: number): void {
    if ((this.downEpoch[node] & 0x7fff) !== epoch || this.world.up[node] === 1) return;
    this.failed[node] = 1;
    const self = this.member(node);
    if (self.role === 'primary' && self.failover.auto) this.failover(node);
  }

  private livePrimary(except: number): number {
    for (const m of this.members) {
      if (m !== except && this.world.up[m] === 1 && this.failed[m] === 0 && this.member(m).role === 'primary') return m;
    }
    return -1;
  }

  /**
   * The lost primary's place goes to another live primary, else to the most up-to-date live
   * replica: the one lacking the fewest of the lost primary's acknowledged writes (then the one
   * with the newest version). It first gathers what the other live members hold and it lacks;
   * acknowledged writes it still has not received are then in no surviving copy: lost.
   */
  private failover(lost: number): void {
    let successor = this.livePrimary(lost);
    let promoted = false;
    if (successor < 0) {
      let best = -1;
      let bestMissing = Infinity;
      for (const m of this.members) {
        if (m === lost || this.world.up[m] === 0 || this.failed[m] === 1) continue;
        const missing = this.missingOf(lost, m);
        if (best < 0 || missing < bestMissing || (missing === bestMissing && this.member(m).receivedUpTo > this.member(best).receivedUpTo)) {
          best = m;
          bestMissing = missing;
        }
      }
      if (best < 0) return; // nobody to take over: writes fail until the primary is back, with its data
      this.member(best).role = 'primary';
      successor = best;
      promoted = true;
    }
    // The other replicas follow the new primary from their position: what it holds (its relay
    // log and the copies gathered from them included) and they lack goes to them over its
    // replication links.
    if (this.gatherSurvivingCopies(successor) > 0 || promoted) this.catchUpFrom(successor);
    this.failovers++;
    this.successorOf[lost] = successor;
    this.deposedAtMs[lost] = this.world.now;
    this.world.noteFailover(lost, successor);
    const consistency = this.world.consistency;
    // Settle the lost primary's pending writes; keep the others' in order.
    let kept = 0;
    const mask = this.pendingPrimary.length - 1;
    for (let i = 0; i < this.pendingSize; i++) {
      const from = (this.pendingHead + i) & mask;
      if (this.pendingPrimary[from] === lost) {
        if (!this.survives(lost, this.pendingKey[from], this.pendingVersion[from])) consistency.countLostWrite(this.pendingSentMs[from]);
        continue;
      }
      const into = (this.pendingHead + kept) & mask;
      this.pendingPrimary[into] = this.pendingPrimary[from];
      this.pendingKey[into] = this.pendingKey[from];
      this.pendingVersion[into] = this.pendingVersion[from];
      this.pendingSentMs[into] = this.pendingSentMs[from];
      kept++;
    }
    this.pendingSize = kept;
  }

  /**
   * Before it takes writes, the successor gets from every other live member the versions it has
   * not received (as MHA applies the most advanced replica's relay log to the new master): a
   * write another replica holds is in a surviving copy, so it is not lost (DESIGN §3), and the
   * cluster goes on with it rather than leaving that replica diverged from its new primary.
   * Returns how many versions it gathered. Scans every key of every live member: failovers are rare.
   */
  private gatherSurvivingCopies(successor: number): number {
    const into = this.member(successor);
    let gathered = 0;
    let newest = into.receivedUpTo;
    for (const m of this.members) {
      if (m === successor || !this.live(m)) continue;
      this.member(m).received.forEach((key, version) => {
        if (version <= into.received.get(key)) return;
        into.received.apply(key, version);
        into.store.apply(key, version);
        if (version > newest) newest = version;
        gathered++;
      });
    }
    into.receivedUpTo = newest;
    return gathered;
  }

  /**
   * Is a replication message from `sender`, committed there at `committedAtMs`, from before a
   * failover deposed `sender`? Then every member refuses it: the failover fenced the old primary
   * (the promoted replica stops replicating from it and the others are re-pointed, as MHA or
   * Patroni do; a term number does it in Raft). Its writes were settled at the failover — lost
   * unless a surviving copy held them — so a copy still on the wire then must not land later and
   * bring back a write the books count as lost. (A message the sender sent as primary again, after
   * coming back and being promoted, carries a later commit time.)
   */
  fenced(sender: number, committedAtMs: number): boolean {
    return committedAtMs < this.deposedAtMs[sender];
  }

  /** How many of `lost`'s pending acknowledged writes member `m` has not received. */
  private missingOf(lost: number, m: number): number {
    const store = this.member(m).received;
    const mask = this.pendingPrimary.length - 1;
    let missing = 0;
    for (let i = 0; i < this.pendingSize; i++) {
      const at = (this.pendingHead + i) & mask;
      if (this.pendingPrimary[at] === lost && store.get(this.pendingKey[at]) < this.pendingVersion[at]) missing++;
    }
    return missing;
  }

  // --- consistency books ---------------------------------------------------------------------------

  /**
   * Did write (key, version) of the lost primary survive — has its successor received that
   * version of the key or a newer one (which a later write legitimately replaced it with)? The
   * successor gathered every other live member's copies when it took over, so this is "in some
   * surviving copy".
   */
  private survives(lost: number, key: number, version: number): boolean {
    const successor = this.successorOf[lost];
    return successor >= 0 && this.world.up[successor] === 1 && this.member(successor).received.get(key) >= version;
  }

  /** Has a live member received a version of `key` newer than `version` (a write applied since)? */
  landedSince(key: number, version: number): boolean {
    for (const m of this.members) if (this.world.up[m] === 1 && this.member(m).received.get(key) > version) return true;
    return false;
  }

  /**
   * The newest version of `key` acknowledged to a client before `sentMs` (0: none). Only the two
   * newest acknowledgements per key are remembered: a read sent before both of them is held to
   * the older one, which can only over-count when a key gets three acknowledgements within one
   * read's flight time.
   */
  requiredVersion(key: number, sentMs: number): number {
    if (key < 0 || key >= this.ackVersion.length) return 0;
    return this.ackMs[key] < sentMs ? this.ackVersion[key] : this.previousAck[key];
  }

  onWriteAcked(primary: number, key: number, version: number, sentMs: number, nowMs: number): void {
    if (key >= 0) {
      if (key >= this.ackVersion.length) {
        let length = this.ackVersion.length;
        while (length <= key) length *= 2;
        this.ackVersion = grow(this.ackVersion, length);
        this.ackMs = grow(this.ackMs, length);
        this.previousAck = grow(this.previousAck, length);
      }
      if (version > this.ackVersion[key]) {
        this.previousAck[key] = this.ackVersion[key];
        this.ackVersion[key] = version;
        this.ackMs[key] = nowMs;
      }
    }
    // Not at any database yet: its flush books it for failovers when a primary takes it.
    if (primary === HELD_BY_WRITE_BEHIND_CACHE) return;
    if (this.successorOf[primary] >= 0) {
      // Acknowledged after its primary was replaced (the answer was already on its way).
      if (!this.survives(primary, key, version)) this.world.consistency.countLostWrite(sentMs);
      return;
    }
    if (this.members.length === 1) return; // nowhere to fail over to: nothing can be lost
    this.pushPending(primary, key, version, sentMs);
    this.prunePending();
  }

  private pushPending(primary: number, key: number, version: number, sentMs: number): void {
    if (this.pendingSize === this.pendingPrimary.length) {
      const length = this.pendingPrimary.length;
      const mask = length - 1;
      const order = (array: Int32Array | Float64Array): void => {
        const copy = array.slice();
        for (let i = 0; i < this.pendingSize; i++) array[i] = copy[(this.pendingHead + i) & mask];
      };
      order(this.pendingPrimary);
      order(this.pendingKey);
      order(this.pendingVersion);
      order(this.pendingSentMs);
      this.pendingHead = 0;
      this.pendingPrimary = grow(this.pendingPrimary, length * 2);
      this.pendingKey = grow(this.pendingKey, length * 2);
      this.pendingVersion = grow(this.pendingVersion, length * 2);
      this.pendingSentMs = grow(this.pendingSentMs, length * 2);
    }
    const at = (this.pendingHead + this.pendingSize) & (this.pendingPrimary.length - 1);
    this.pendingPrimary[at] = primary;
    this.pendingKey[at] = key;
    this.pendingVersion[at] = version;
    this.pendingSentMs[at] = sentMs;
    this.pendingSize++;
  }

  /**
   * Drops the oldest pending writes once every live member their primary replicates to has
   * received them. Each member is asked about the write itself: a replication message lost on
   * the way (a cut link, `lossRate`) leaves a gap that later versions do not fill, so the write
   * stays pending — and is judged at a failover — for as long as that member lacks it.
   */
  private prunePending(): void {
    const mask = this.pendingPrimary.length - 1;
    const to = this.world.links.to;
    while (this.pendingSize > 0) {
      const head = this.pendingHead;
      const primary = this.pendingPrimary[head];
      let everywhere = true;
      for (const link of this.replicationLinks.get(primary) ?? []) {
        const m = to[link];
        if (this.world.up[m] === 1 && this.member(m).received.get(this.pendingKey[head]) < this.pendingVersion[head]) {
          everywhere = false;
          break;
        }
      }
      if (!everywhere) return;
      this.pendingHead = (head + 1) & mask;
      this.pendingSize--;
    }
  }
}

/** The db clusters of a world (built once, on first use, from the replication links). */
export interface ClusterSet {
  /** Cluster of each node (−1: not a db). */
  readonly clusterOf: Int32Array;
  readonly clusters: DbCluster[];
}

const clusterSets = new WeakMap<World, ClusterSet>();

export function clustersOf(world: World): ClusterSet {
  let set = clusterSets.get(world);
  if (set !== undefined) return set;
  const n = world.nodeIds.length;
  const root = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (root[x] !== x) x = root[x] = root[root[x]];
    return x;
  };
  const links = world.links;
  for (let l = 0; l < links.count; l++) {
    if (links.replication[l] === 1) root[find(links.from[l])] = find(links.to[l]);
  }
  const clusterOf = new Int32Array(n).fill(-1);
  const byRoot = new Map<number, number[]>();
  for (let node = 0; node < n; node++) {
    if (world.nodeKinds[node] !== 'db') continue;
    const r = find(node);
    const members = byRoot.get(r) ?? [];
    members.push(node);
    byRoot.set(r, members);
  }
  const clusters: DbCluster[] = [];
  for (const members of byRoot.values()) {
    for (const m of members) clusterOf[m] = clusters.length;
    clusters.push(new DbCluster(world, members));
  }
  set = { clusterOf, clusters };
  clusterSets.set(world, set);
  return set;
}
