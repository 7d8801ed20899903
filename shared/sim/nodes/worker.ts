import type { ResolvedConfig, WorkerConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { OFFER_REJECTED, OFFER_STARTED, Station } from '../engine/station';
import { keyOf } from '../engine/callData';
import { OP_DB_WRITE, STATUS_ERROR, STATUS_OK, STATUS_REJECTED, isSuccess } from '../engine/codes';
import { BaseNode } from './baseNode';
import { clustersOf, type DbCluster } from './db/cluster';

/** Jobs a worker lets wait beyond its slots (only reachable after a restart races the queue's credit). */
const WORKER_QUEUE_LIMIT = 10_000;
/**
 * How long a worker waits for its database write. The file format has no such field for workers;
 * the app default (`downstreamTimeoutMs` 500) is too short for a job system, 1 s is a common
 * driver statement timeout.
 */
export const WORKER_DB_TIMEOUT_MS = 1000;

const STEP_FAIL = 1;
const STEP_DONE = 2;
const STEP_DB = 3;

/**
 * Job consumer (DESIGN §3 `worker`): `workers` jobs at once, each taking `serviceMs`; a
 * `failureRate` share of them fail (the job is not acknowledged and the queue redelivers it
 * later); with a linked db each job then writes its key to the cluster's primary, and only a
 * successful write acknowledges the job.
 */
export class WorkerModel extends BaseNode {
  override readonly station: Station;
  private config: WorkerConfig;
  private readonly cluster: DbCluster | null;
  private readonly dbLinks: number[];
  private readonly dbTimeouts: DeadlineQueue;

  constructor(world: World, index: number, config: WorkerConfig, dbLinks: number[]) {
    super(world, index, 'worker');
    this.config = config;
    world.callerWaitMs[index] = WORKER_DB_TIMEOUT_MS;
    this.station = new Station(config.workers, WORKER_QUEUE_LIMIT);
    if (dbLinks.length > 0) {
      const set = clustersOf(world);
      const id = set.clusterOf[world.links.to[dbLinks[0]]];
      this.cluster = set.clusters[id];
      this.dbLinks = dbLinks.filter((link) => set.clusterOf[world.links.to[link]] === id);
    } else {
      this.cluster = null;
      this.dbLinks = [];
    }
    const calls = world.calls;
    this.dbTimeouts = world.createDeadlineQueue(
      world.callStillWaiting,
      (call) => {
        calls.bump(call);
        this.reply(call, STATUS_ERROR);
      },
    );
  }

  /** Called when the worker comes back after a crash (its queues give its slots back). */
  private readonly restartListeners: (() => void)[] = [];
  /** Called when an edit gives the worker more slots (its queues hand waiting jobs to them). */
  private readonly moreSlotsListeners: (() => void)[] = [];

  /** Jobs this worker takes at once (the queue's credit for it). */
  get slots(): number {
    return this.config.workers;
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    const offer = this.station.offer(call, this.world.now);
    if (offer === OFFER_STARTED) this.begin(call);
    else if (offer === OFFER_REJECTED) this.answer(call, STATUS_REJECTED);
  }

  private begin(call: number): void {
    const world = this.world;
    const serviceMs = sample(this.config.serviceMs, this.rng) * this.slow;
    if (this.rng.next() < this.config.failureRate) {
      world.calls.step[call] = STEP_FAIL;
      world.scheduleService(call, serviceMs);
      return;
    }
    const link = this.cluster === null ? -1 : this.cluster.writeTarget(this.dbLinks);
    if (link < 0) {
      world.calls.step[call] = this.cluster === null ? STEP_DONE : STEP_FAIL;
      world.scheduleService(call, serviceMs);
      return;
    }
    const calls = world.calls;
    calls.step[call] = STEP_DB;
    const gen = calls.gen[call];
    const child = calls.alloc(call, gen, -1, link, OP_DB_WRITE);
    // A job's write: no client waits for its acknowledgement (payload atMs stays NaN).
    calls.payloads.key[calls.attachPayload(child)] = keyOf(world, call);
    this.dbTimeouts.push(call, gen, world.now + serviceMs + WORKER_DB_TIMEOUT_MS);
    world.sendRequest(child, serviceMs);
  }

  override onServiceDone(call: number): void {
    this.reply(call, this.world.calls.step[call] === STEP_FAIL ? STATUS_ERROR : STATUS_OK);
  }

  override onResponse(child: number): void {
    const world = this.world;
    const calls = world.calls;
    const parent = calls.parent[child];
    const waits = world.parentWaits(child);
    const status = calls.status[child];
    calls.free(child);
    if (!waits) return;
    calls.bump(parent);
    this.reply(parent, isSuccess(status) ? STATUS_OK : STATUS_ERROR);
  }

  private reply(call: number, status: number): void {
    const next = this.station.release(this.world.now);
    this.answer(call, status);
    if (next >= 0) this.begin(next);
  }

  override crash(): void {
    this.station.reset(this.world.now);
    this.dbTimeouts.clear();
  }

  /** `listener` runs each time this worker restarts (a queue feeding it, at its start). */
  whenRestarted(listener: () => void): void {
    this.restartListeners.push(listener);
  }

  override restart(): void {
    for (const listener of this.restartListeners) listener();
  }

  /** `listener` runs each time an edit raises this worker's `workers` (a queue feeding it). */
  whenSlotsAdded(listener: () => void): void {
    this.moreSlotsListeners.push(listener);
  }

  /**
   * Lowering `workers` preempts no job: the queues see less credit and send nothing more until
   * the jobs held drain below it. Raising it offers the new slots to the queues at once — jobs
   * waiting there would otherwise idle until the queue's next publish or acknowledgement.
   */
  applyConfig(config: ResolvedConfig): void {
    const next = config as WorkerConfig;
    const more = next.workers > this.config.workers;
    this.config = next;
    this.station.setServers(next.workers, this.world.now);
    for (let call = this.station.startSpare(this.world.now); call >= 0; call = this.station.startSpare(this.world.now)) this.begin(call);
    if (more && this.world.up[this.index] === 1) for (const listener of this.moreSlotsListeners) listener();
  }
}
