import type { AppConfig, ResolvedConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { OFFER_REJECTED, OFFER_STARTED, Station } from '../engine/station';
import { keyOf } from '../engine/callData';
import {
  OP_CACHE_DEL,
  OP_CACHE_GET,
  OP_CACHE_SET,
  OP_DB_READ,
  OP_DB_WRITE,
  OP_PUBLISH,
  OP_WRITE,
  STATUS_ERROR,
  STATUS_HIT,
  STATUS_HIT_EXPIRING,
  STATUS_OK,
  STATUS_REJECTED,
  isSuccess,
} from '../engine/codes';
import { BaseNode } from './baseNode';
import type { CacheModel } from './cache';
import { clustersOf, type DbCluster } from './db/cluster';
import { sessionBookOf, type SessionBook } from './app/sessions';
import { WriteBehindBuffer } from './app/writeBehind';
import type { ShardRouterModel } from './shardRouter';
import { HELD_BY_WRITE_BEHIND_CACHE } from '../engine/consistency';

/** Data-path steps, stored in the app call's `step` while it is here. */
const STEP_QUEUED = 0;
const STEP_SERVICE = 1;
const STEP_CACHE_GET = 2;
const STEP_DB = 3;
const STEP_CACHE_SET = 4;
const STEP_CACHE_DEL = 5;
const STEP_PUBLISH = 6;
/** Calling linked app i is step STEP_APPS + i. */
const STEP_APPS = 16;

/** What an app talks to, by kind, in link order (−1 / empty: none). */
export interface AppLinks {
  cache: number;
  /** Links to db nodes; the first one's cluster is the app's database. */
  dbs: number[];
  /** A shard router, used as the database when no db is linked. */
  router: number;
  queue: number;
  apps: number[];
}

/**
 * Application server (DESIGN §3 `app`): `workers` requests at once, a FIFO queue of at most
 * `queueLimit` (full ⇒ `rejected` 503), `serviceMs` of work, then the data path:
 *
 * | cachePolicy   | read                                  | write                                        |
 * |---------------|---------------------------------------|----------------------------------------------|
 * | none          | db                                    | db                                           |
 * | cache-aside   | get; miss ⇒ db, set                   | db, then delete the key                      |
 * | write-through | as cache-aside                        | db, then set the key                         |
 * | write-around  | as cache-aside                        | db only (the cache is not touched)           |
 * | write-behind  | as cache-aside                        | set, answer; the db write follows ~1 s later |
 * | refresh-ahead | as cache-aside; a hit close to expiry | as write-through                             |
 * |               | also reloads the key in background    |                                              |
 *
 * Writes then publish a job to a linked queue (a `publishRatio` share of them; a full queue makes
 * the app answer 503 `rejected`), then every linked app is called once, in link order.
 * The database is a replicated cluster: writes go to its primary, reads to a replica when
 * `readFromReplicas` (round-robin), else to the primary; or a shard router when no db is linked.
 * A worker stays busy for the whole data path (thread-per-request servers: a slow database fills
 * the app's queue — the back-pressure lesson). A downstream call not answered within
 * `downstreamTimeoutMs`, or answered with a failure, makes the app answer `error`.
 * With `sessions: local` the app keeps sessions in memory (see SessionBook).
 */
export class AppModel extends BaseNode {
  override readonly station: Station;
  private config: AppConfig;
  private readonly downstreamTimeouts: DeadlineQueue;
  private readonly cluster: DbCluster | null;
  private readonly clusterLinks: number[];
  private readonly sessions: SessionBook;
  private readonly writeBehind: WriteBehindBuffer | null;
  /** Round-robin position over read replicas. */
  private readTurn = 0;
  /** Crashes so far: local sessions do not survive one. */
  private life = 0;

  constructor(
    world: World,
    index: number,
    config: AppConfig,
    private readonly targets: AppLinks,
  ) {
    super(world, index, 'app');
    this.config = config;
    world.callerWaitMs[index] = config.downstreamTimeoutMs;
    this.station = new Station(config.workers, config.queueLimit);
    this.downstreamTimeouts = world.createDeadlineQueue(
      world.callStillWaiting,
      (call) => this.onDownstreamTimeout(call),
    );
    if (targets.dbs.length > 0) {
      const set = clustersOf(world);
      const id = set.clusterOf[world.links.to[targets.dbs[0]]];
      this.cluster = set.clusters[id];
      this.clusterLinks = targets.dbs.filter((link) => set.clusterOf[world.links.to[link]] === id);
    } else {
      this.cluster = null;
      this.clusterLinks = [];
    }
    this.sessions = sessionBookOf(world);
    this.writeBehind =
      targets.cache >= 0
        ? new WriteBehindBuffer(
            world,
            () => (world.models[world.links.to[targets.cache]] as CacheModel).contentEpoch,
            (key, sentMs, version) => this.sendOrphan(this.storeLink(true), OP_DB_WRITE, key, version, -1, sentMs),
            () => this.config.downstreamTimeoutMs,
            // Through a shard router the shard is not known here: every failed attempt counts.
            (key, version) => this.cluster !== null && this.cluster.landedSince(key, version - 1),
          )
        : null;
  }

  private get usesCache(): boolean {
    return this.targets.cache >= 0 && this.config.cachePolicy !== 'none';
  }

  private get hasStore(): boolean {
    return this.cluster !== null || this.targets.router >= 0;
  }

  readsFromReplicas(): boolean {
    return this.config.readFromReplicas;
  }

  /** The link a database read or write goes over right now (−1: none usable). */
  private storeLink(write: boolean): number {
    if (this.cluster === null) return this.targets.router;
    if (write) return this.cluster.writeTarget(this.clusterLinks);
    return this.cluster.readTarget(this.clusterLinks, this.config.readFromReplicas, this.readTurn++);
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    const world = this.world;
    const req = world.calls.req[call];
    if (this.config.sessions === 'local' && req >= 0) this.sessions.arrive(req, this.index, this.life);
    const offer = this.station.offer(call, world.now);
    if (offer === OFFER_STARTED) this.beginService(call);
    else if (offer === OFFER_REJECTED) this.answer(call, STATUS_REJECTED);
    else world.calls.step[call] = STEP_QUEUED;
  }

  /**
   * Starts the request's service. The first downstream call (or the answer) is scheduled to leave
   * when the service time ends, without an event in between; the decision what to call first is
   * taken at the start (it depends only on the request and the links).
   */
  private beginService(call: number): void {
    this.world.calls.step[call] = STEP_SERVICE;
    // No database version read or written yet (a db answer fills these in; see issue()).
    this.world.callData.unknownVersion(call);
    this.advance(call, STEP_SERVICE, STATUS_OK, sample(this.config.serviceMs, this.rng) * this.slow);
  }

  /** Only reached by a request that needed nothing downstream: its service time is over. */
  override onServiceDone(call: number): void {
    this.reply(call, STATUS_OK);
  }

  /** Moves the call past step `done` (answered with `status`) to its next step, `afterMs` from now. */
  private advance(call: number, done: number, status: number, afterMs: number): void {
    const write = this.world.calls.op[call] === OP_WRITE;
    const cached = this.usesCache;
    const policy = this.config.cachePolicy;
    switch (done) {
      case STEP_SERVICE:
        if (write) {
          if (cached && policy === 'write-behind') {
            if (this.hasStore) this.acceptBehind(call);
            return this.issueCache(call, STEP_CACHE_SET, OP_CACHE_SET, afterMs);
          }
          if (this.hasStore) return this.issueStore(call, true, afterMs);
          if (cached) return this.issueCache(call, STEP_CACHE_SET, OP_CACHE_SET, afterMs); // the cache is the store
          return this.afterWrite(call, afterMs);
        }
        if (cached) return this.issueCache(call, STEP_CACHE_GET, OP_CACHE_GET, afterMs);
        if (this.hasStore) return this.issueStore(call, false, afterMs);
        return this.callApps(call, 0, afterMs);
      case STEP_CACHE_GET:
        if (status === STATUS_HIT_EXPIRING && policy === 'refresh-ahead' && this.hasStore) this.refreshAhead(call);
        if (status === STATUS_HIT || status === STATUS_HIT_EXPIRING || !this.hasStore) return this.callApps(call, 0, afterMs);
        return this.issueStore(call, false, afterMs);
      case STEP_DB:
        if (!write) return cached ? this.issueCache(call, STEP_CACHE_SET, OP_CACHE_SET, afterMs) : this.callApps(call, 0, afterMs);
        if (cached && policy === 'cache-aside') return this.issueCache(call, STEP_CACHE_DEL, OP_CACHE_DEL, afterMs);
        if (cached && (policy === 'write-through' || policy === 'refresh-ahead')) return this.issueCache(call, STEP_CACHE_SET, OP_CACHE_SET, afterMs);
        return this.afterWrite(call, afterMs);
      case STEP_CACHE_SET:
        if (!write) return this.callApps(call, 0, afterMs);
        if (policy === 'write-behind' && this.hasStore) this.acknowledgeBehind(call);
        return this.afterWrite(call, afterMs);
      case STEP_CACHE_DEL:
        return this.afterWrite(call, afterMs);
      case STEP_PUBLISH:
        return this.callApps(call, 0, afterMs);
      default:
        return this.callApps(call, done - STEP_APPS + 1, afterMs);
    }
  }

  /** A write is stored: publish its job (a `publishRatio` share of writes), then the linked apps. */
  private afterWrite(call: number, afterMs: number): void {
    const queue = this.targets.queue;
    if (queue >= 0 && this.config.publishRatio > 0 && this.rng.next() < this.config.publishRatio) {
      return this.issue(call, STEP_PUBLISH, queue, OP_PUBLISH, afterMs);
    }
    this.callApps(call, 0, afterMs);
  }

  private callApps(call: number, from: number, afterMs: number): void {
    const apps = this.targets.apps;
    if (from < apps.length) this.issue(call, STEP_APPS + from, apps[from], this.world.calls.op[call], afterMs);
    else if (afterMs > 0) this.world.scheduleService(call, afterMs); // answer when the service ends
    else this.reply(call, STATUS_OK);
  }

  private issueCache(call: number, step: number, op: number, afterMs: number): void {
    this.issue(call, step, this.targets.cache, op, afterMs);
  }

  private issueStore(call: number, write: boolean, afterMs: number): void {
    const link = this.storeLink(write);
    if (link < 0) {
      this.world.calls.step[call] = STEP_DB;
      this.world.calls.bump(call);
      this.reply(call, STATUS_ERROR); // no primary to write to
      return;
    }
    this.issue(call, STEP_DB, link, write ? OP_DB_WRITE : OP_DB_READ, afterMs);
  }

  /** Sends a downstream call for `call` (after `afterMs`) and waits, with the downstream timeout, for its answer. */
  private issue(call: number, step: number, link: number, op: number, afterMs: number): void {
    const world = this.world;
    const calls = world.calls;
    calls.step[call] = step;
    const gen = calls.gen[call];
    const child = calls.alloc(call, gen, calls.req[call], link, op);
    if (op === OP_CACHE_SET) world.callData.setVersion(child, world.callData.versionOf(call), world.callData.sinkOf(call));
    this.downstreamTimeouts.push(call, gen, world.now + afterMs + this.config.downstreamTimeoutMs);
    world.sendRequest(child, afterMs);
  }

  /**
   * A call no request waits for (write-behind flush, refresh-ahead reload, a reloaded value's
   * cache set): its key in its payload. `ackedSentMs`: for a write-behind flush, when its client
   * sent the write (see CallPayloads.atMs), and `version` is the one its write took when the app
   * accepted it. A cache set stores the version the database answered with, so hits on it can be
   * judged stale; Infinity / −1 (never judged) when none did.
   */
  private sendOrphan(link: number, op: number, key: number, version = Infinity, sink = -1, ackedSentMs = Number.NaN): number {
    if (link < 0) return -1;
    const world = this.world;
    const calls = world.calls;
    const child = calls.alloc(-1, 0, -1, link, op);
    const payload = calls.attachPayload(child);
    calls.payloads.key[payload] = key;
    calls.payloads.atMs[payload] = ackedSentMs;
    if (op === OP_DB_WRITE) calls.payloads.version[payload] = version;
    if (op === OP_CACHE_SET) world.callData.setVersion(child, version, sink);
    world.sendRequest(child);
    return child;
  }

  /**
   * A write-behind write is accepted here (DESIGN §3: its version is assigned by whoever accepts
   * it): it takes the next version now, and the cache stores it with that version, for the
   * database cluster that will hold the key (`WriteBehindBuffer`).
   */
  private acceptBehind(call: number): void {
    const world = this.world;
    world.callData.setVersion(call, world.consistency.nextVersion(), this.clusterOfKey(keyOf(world, call))?.sinkId ?? -1);
  }

  /**
   * The write is in the cache: buffered for the database, and acknowledged to the client when
   * the answer reaches it (from then on it is the key's newest acknowledged version).
   */
  private acknowledgeBehind(call: number): void {
    const world = this.world;
    const version = world.callData.versionOf(call);
    const sink = world.callData.sinkOf(call);
    const req = world.calls.req[call];
    this.writeBehind!.add(keyOf(world, call), this.sentMs(call), version);
    if (req >= 0 && sink >= 0) world.consistency.markWrite(req, sink, HELD_BY_WRITE_BEHIND_CACHE, version);
  }

  /** The db cluster holding `key`: the app's own, or the shard a linked router sends it to. */
  private clusterOfKey(key: number): DbCluster | null {
    if (this.cluster !== null) return this.cluster;
    const router = this.targets.router;
    return router >= 0 ? (this.world.models[this.world.links.to[router]] as ShardRouterModel).clusterOfKey(key) : null;
  }

  /** Refresh-ahead: reload the key from the database in the background; the answer is set into the cache. */
  private refreshAhead(call: number): void {
    this.sendOrphan(this.storeLink(false), OP_DB_READ, keyOf(this.world, call));
  }

  private sentMs(call: number): number {
    const req = this.world.calls.req[call];
    return req >= 0 ? this.world.requests.firstSendMs[req] : this.world.now;
  }

  override onResponse(child: number): void {
    const world = this.world;
    const calls = world.calls;
    const parent = calls.parent[child];
    const status = calls.status[child];
    if (parent < 0) {
      // A background call: a reloaded value goes into the cache; nothing else is waited for.
      const reloaded = calls.op[child] === OP_DB_READ && isSuccess(status) && this.targets.cache >= 0;
      const key = keyOf(world, child);
      const version = world.callData.versionOf(child);
      const sink = world.callData.sinkOf(child);
      // The only background writes are write-behind flushes: a failed one is retried or counted lost.
      if (calls.op[child] === OP_DB_WRITE) this.writeBehind?.onAnswer(child, isSuccess(status));
      calls.free(child);
      if (reloaded) this.sendOrphan(this.targets.cache, OP_CACHE_SET, key, version, sink);
      return;
    }
    const waits = world.parentWaits(child);
    const op = calls.op[child];
    // The version of the data the request got: a database's answer, or a cache hit's (which
    // answers the request: a caching proxy in front keeps it to judge its own hits).
    const hit = op === OP_CACHE_GET && (status === STATUS_HIT || status === STATUS_HIT_EXPIRING);
    if (waits && isSuccess(status) && (op === OP_DB_READ || op === OP_DB_WRITE || hit)) world.callData.relayVersion(child, parent);
    calls.free(child);
    if (!waits) return;
    calls.bump(parent); // the pending downstream timeout is now stale
    const step = calls.step[parent];
    if (isSuccess(status)) this.advance(parent, step, status, 0);
    // A full queue downstream (a database's, a queue's) is passed on as 503: the request was
    // turned away, not failed (DESIGN §3: rejected = rate limit or full queue).
    else this.reply(parent, status === STATUS_REJECTED ? STATUS_REJECTED : STATUS_ERROR);
  }

  private onDownstreamTimeout(call: number): void {
    this.world.calls.bump(call); // a late answer is ignored
    this.reply(call, STATUS_ERROR);
  }

  /** Answers and hands the worker to the next queued request. */
  private reply(call: number, status: number): void {
    const next = this.station.release(this.world.now);
    this.answer(call, status);
    if (next >= 0) this.beginService(next);
  }

  override crash(): void {
    this.station.reset(this.world.now);
    this.downstreamTimeouts.clear();
    this.life++;
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as AppConfig;
    this.config = next;
    this.world.callerWaitMs[this.index] = next.downstreamTimeoutMs;
    this.station.setServers(next.workers, this.world.now);
    this.station.setQueueLimit(next.queueLimit, this.world.now);
    for (let call = this.station.startSpare(this.world.now); call >= 0; call = this.station.startSpare(this.world.now)) this.beginService(call);
  }
}
