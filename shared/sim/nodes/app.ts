import type { AppConfig, ResolvedConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { OFFER_REJECTED, OFFER_STARTED, Station } from '../engine/station';
import {
  OP_CACHE_DEL,
  OP_CACHE_GET,
  OP_CACHE_SET,
  OP_DB_READ,
  OP_DB_WRITE,
  OP_WRITE,
  STATE_AT_CALLEE,
  STATUS_ERROR,
  STATUS_HIT,
  STATUS_OK,
  STATUS_REJECTED,
  isSuccess,
} from '../engine/codes';
import { BaseNode } from './baseNode';

/** Data-path steps, stored in the app call's `step` while it is here. */
const STEP_QUEUED = 0;
const STEP_SERVICE = 1;
const STEP_CACHE_GET = 2;
const STEP_DB = 3;
const STEP_CACHE_SET = 4;
const STEP_CACHE_DEL = 5;
/** Calling linked app i is step STEP_APPS + i. */
const STEP_APPS = 16;

/** What an app talks to, by kind, in link order. */
export interface AppLinks {
  cache: number;
  db: number;
  apps: number[];
}

/**
 * Application server (DESIGN §3 `app`): `workers` requests at once, a FIFO queue of at most
 * `queueLimit` (full ⇒ `rejected` 503), `serviceMs` of work, then the data path, in order:
 *  - reads with cache-aside: get from the cache; on a miss read the db, then set the cache;
 *  - writes with cache-aside: write the db, then delete the key from the cache;
 *  - no cache (or cachePolicy none): read or write the db;
 *  - then call each linked app once, in link order; then answer.
 * A worker stays busy for the whole data path (thread-per-request servers: a slow database
 * fills the app's queue, which is the back-pressure lesson). A downstream call not answered within
 * `downstreamTimeoutMs`, or answered with a failure, makes the app answer `error`.
 * Other cache policies (write-through, write-behind, …) are a later issue and behave as
 * cache-aside meanwhile.
 */
export class AppModel extends BaseNode {
  override readonly station: Station;
  private config: AppConfig;
  private readonly downstreamTimeouts: DeadlineQueue;

  constructor(
    world: World,
    index: number,
    config: AppConfig,
    private readonly targets: AppLinks,
  ) {
    super(world, index, 'app');
    this.config = config;
    this.station = new Station(config.workers, config.queueLimit);
    const calls = world.calls;
    this.downstreamTimeouts = world.createDeadlineQueue(
      (call, gen) => calls.gen[call] === gen && calls.state[call] === STATE_AT_CALLEE,
      (call) => this.onDownstreamTimeout(call),
    );
  }

  private get usesCache(): boolean {
    return this.targets.cache >= 0 && this.config.cachePolicy !== 'none';
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    const offer = this.station.offer(call, this.world.now);
    if (offer === OFFER_STARTED) this.beginService(call);
    else if (offer === OFFER_REJECTED) this.answer(call, STATUS_REJECTED);
    else this.world.calls.step[call] = STEP_QUEUED;
  }

  /**
   * Starts the request's service. The first downstream call (or the answer) is scheduled to leave
   * when the service time ends, without an event in between; the decision what to call first is
   * taken at the start (it depends only on the request and the links).
   */
  private beginService(call: number): void {
    this.world.calls.step[call] = STEP_SERVICE;
    this.advance(call, STEP_SERVICE, false, sample(this.config.serviceMs, this.rng) * this.slow);
  }

  /** Only reached by a request that needed nothing downstream: its service time is over. */
  override onServiceDone(call: number): void {
    this.reply(call, STATUS_OK);
  }

  /** Moves the call past `done` (whose answer was a hit when `hit`) to its next step, `afterMs` from now. */
  private advance(call: number, done: number, hit: boolean, afterMs: number): void {
    const write = this.world.calls.op[call] === OP_WRITE;
    const { cache, db } = this.targets;
    const cached = this.usesCache;
    switch (done) {
      case STEP_SERVICE:
        if (write) {
          if (db >= 0) return this.issue(call, STEP_DB, db, OP_DB_WRITE, afterMs);
          if (cached) return this.issue(call, STEP_CACHE_SET, cache, OP_CACHE_SET, afterMs); // the cache is the store
        } else {
          if (cached) return this.issue(call, STEP_CACHE_GET, cache, OP_CACHE_GET, afterMs);
          if (db >= 0) return this.issue(call, STEP_DB, db, OP_DB_READ, afterMs);
        }
        return this.callApps(call, 0, afterMs);
      case STEP_CACHE_GET:
        if (!hit && db >= 0) return this.issue(call, STEP_DB, db, OP_DB_READ, afterMs);
        return this.callApps(call, 0, afterMs);
      case STEP_DB:
        if (cached) return write ? this.issue(call, STEP_CACHE_DEL, cache, OP_CACHE_DEL, afterMs) : this.issue(call, STEP_CACHE_SET, cache, OP_CACHE_SET, afterMs);
        return this.callApps(call, 0, afterMs);
      case STEP_CACHE_SET:
      case STEP_CACHE_DEL:
        return this.callApps(call, 0, afterMs);
      default:
        return this.callApps(call, done - STEP_APPS + 1, afterMs);
    }
  }

  private callApps(call: number, from: number, afterMs: number): void {
    const apps = this.targets.apps;
    if (from < apps.length) this.issue(call, STEP_APPS + from, apps[from], this.world.calls.op[call], afterMs);
    else if (afterMs > 0) this.world.scheduleService(call, afterMs); // answer when the service ends
    else this.reply(call, STATUS_OK);
  }

  /** Sends a downstream call for `call` (after `afterMs`) and waits, with the downstream timeout, for its answer. */
  private issue(call: number, step: number, link: number, op: number, afterMs: number): void {
    const world = this.world;
    const calls = world.calls;
    calls.step[call] = step;
    const gen = calls.gen[call];
    const child = calls.alloc(call, gen, calls.req[call], link, op);
    this.downstreamTimeouts.push(call, gen, world.now + afterMs + this.config.downstreamTimeoutMs);
    world.sendRequest(child, afterMs);
  }

  override onResponse(child: number): void {
    const world = this.world;
    const calls = world.calls;
    const parent = calls.parent[child];
    const waits = world.parentWaits(child);
    const status = calls.status[child];
    calls.free(child);
    if (!waits) return;
    calls.bump(parent); // the pending downstream timeout is now stale
    if (!isSuccess(status)) this.reply(parent, STATUS_ERROR);
    else this.advance(parent, calls.step[parent], status === STATUS_HIT, 0);
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
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as AppConfig;
    this.config = next;
    this.station.servers = next.workers;
    this.station.queueLimit = next.queueLimit;
    for (let call = this.station.startSpare(this.world.now); call >= 0; call = this.station.startSpare(this.world.now)) this.beginService(call);
  }
}
