import type { QueueConfig, ResolvedConfig } from '../../model/types';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { keyOf } from '../engine/callData';
import { grow } from '../engine/growable';
import { OP_JOB, STATUS_OK, STATUS_REJECTED } from '../engine/codes';
import { BaseNode } from './baseNode';
import { DepthStats } from './queue/depthStats';
import type { WorkerModel } from './worker';

const FREE = 0;
const READY = 1;
const IN_FLIGHT = 2;

/**
 * Message broker (DESIGN §3 `queue`), at-least-once like SQS. A publish is stored (or refused
 * `rejected` when `capacity` messages are held — the producing app then answers 503) and
 * delivered to a linked worker with a free slot (round-robin; the queue tracks each worker's
 * `workers` slots as credit). The delivery is invisible for `visibilityTimeoutMs`; the worker's ok
 * answer deletes the message; no ok answer in time (failure, crash, slow worker) makes it visible
 * again for redelivery — so a slow worker's job can run twice. After `maxReceives` deliveries a
 * message goes to the dead letters.
 *
 * A crash loses every held message unless `durable`; a durable queue keeps them and redelivers
 * the ones that were out at the time.
 *
 * Report mapping: `arrivals` publishes, `completed` messages acknowledged by a worker, `rejected`
 * publishes refused, `errors` messages dead-lettered; the station figures are the depth (held
 * messages, ready or out), so `maxQueue` is the deepest the queue got.
 */
export class QueueModel extends BaseNode {
  override readonly station: DepthStats;
  private config: QueueConfig;
  /**
   * Deliveries each consumer holds. Its credit is its current `workers` minus these, read live so
   * that a `set` raising a worker's `workers` takes effect at the next dispatch (the next publish
   * or answer), and lowering it lets the excess drain.
   */
  private readonly held: Int32Array;
  private readonly consumerModels: (WorkerModel | null)[] = [];
  private turn = 0;
  private readonly visibility: DeadlineQueue;
  // Messages (struct of arrays, free list through `next`).
  private keys = new Int32Array(256);
  private state = new Uint8Array(256);
  private receives = new Int32Array(256);
  private gen = new Int32Array(256);
  private next = new Int32Array(256);
  /** Consumer whose slot the message's outstanding delivery holds (−1: none). */
  private heldBy = new Int32Array(256).fill(-1);
  private freeHead = -1;
  private used = 0;
  // Ready messages in FIFO order.
  private ready = new Int32Array(256);
  private readyHead = 0;
  private readySize = 0;
  deadLettered = 0;
  lostOnCrash = 0;
  redeliveries = 0;

  constructor(
    world: World,
    index: number,
    config: QueueConfig,
    private readonly consumers: number[],
  ) {
    super(world, index, 'queue');
    this.config = config;
    this.station = new DepthStats(config.capacity);
    this.held = new Int32Array(consumers.length);
    this.visibility = world.createDeadlineQueue(
      (slot, gen) => this.gen[slot] === gen && this.state[slot] === IN_FLIGHT,
      (slot) => this.onInvisibleTooLong(slot),
    );
  }

  start(): void {
    this.resetCredit();
  }

  get depth(): number {
    return this.station.depth;
  }

  private resetCredit(): void {
    const world = this.world;
    this.consumers.forEach((link, i) => {
      const model = world.models[world.links.to[link]];
      this.consumerModels[i] = model.kind === 'worker' ? (model as WorkerModel) : null;
    });
    this.held.fill(0);
  }

  private credit(consumer: number): number {
    const model = this.consumerModels[consumer];
    return model === null ? 0 : model.slots - this.held[consumer];
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    const world = this.world;
    if (this.station.depth >= this.config.capacity) {
      this.answer(call, STATUS_REJECTED);
      return;
    }
    const slot = this.allocMessage(keyOf(world, call));
    this.station.change(world.now, 1);
    this.pushReady(slot);
    world.sendResponse(call, STATUS_OK); // stored: the publish is acknowledged (not a completion)
    this.dispatch();
  }

  /** Hands ready messages to workers with free slots. */
  private dispatch(): void {
    const world = this.world;
    if (world.up[this.index] === 0) return;
    const n = this.consumers.length;
    while (this.readySize > 0) {
      let consumer = -1;
      for (let k = 0; k < n; k++) {
        const c = (this.turn + k) % n;
        if (this.credit(c) > 0) {
          consumer = c;
          break;
        }
      }
      if (consumer < 0) return;
      this.turn = (consumer + 1) % n;
      const slot = this.ready[this.readyHead];
      this.readyHead = (this.readyHead + 1) & (this.ready.length - 1);
      this.readySize--;
      this.deliver(slot, consumer);
    }
  }

  private deliver(slot: number, consumer: number): void {
    const world = this.world;
    this.held[consumer]++;
    this.heldBy[slot] = consumer;
    this.state[slot] = IN_FLIGHT;
    if (this.receives[slot] > 0) this.redeliveries++;
    this.receives[slot]++;
    const gen = (this.gen[slot] = (this.gen[slot] + 1) | 0); // this delivery's identity
    const call = world.calls.alloc(-1, 0, -1, this.consumers[consumer], OP_JOB);
    world.calls.step[call] = consumer;
    world.callData.ensure(call);
    world.callData.key[call] = this.keys[slot];
    world.callData.ref[call] = slot;
    world.callData.version[call] = gen;
    this.visibility.push(slot, gen, world.now + this.config.visibilityTimeoutMs);
    world.sendRequest(call);
  }

  /** A worker answered a delivery: its slot is free again; ok deletes the message (if still this delivery). */
  override onResponse(call: number): void {
    const world = this.world;
    const calls = world.calls;
    const slot = world.callData.ref[call];
    const current = this.gen[slot] === world.callData.version[call] && this.state[slot] === IN_FLIGHT;
    const ok = calls.status[call] === STATUS_OK;
    calls.free(call);
    if (!current) return; // timed out already (its slot was given back then) or a previous life's
    this.returnCreditOf(slot);
    if (ok) {
      this.counters.completed++;
      this.freeMessage(slot);
    }
    // A failed job stays invisible until its timeout, like an SQS message nobody deleted.
    this.dispatch();
  }

  /** No ok answer within the visibility timeout: visible again, or dead-lettered after `maxReceives`. */
  private onInvisibleTooLong(slot: number): void {
    const world = this.world;
    // The delivery holding a worker slot (if this timeout is the delivery's) gives it back.
    this.returnCreditOf(slot);
    this.gen[slot] = (this.gen[slot] + 1) | 0;
    if (this.receives[slot] >= this.config.maxReceives) {
      this.deadLettered++;
      this.counters.errors++;
      this.freeMessage(slot);
    } else {
      this.pushReady(slot);
    }
    if (world.up[this.index] === 1) this.dispatch();
  }

  /** A delivery gives its worker slot back exactly once: at its answer, its timeout, or never (a crash resets). */
  private returnCreditOf(slot: number): void {
    const consumer = this.heldBy[slot];
    if (consumer >= 0) this.held[consumer]--;
    this.heldBy[slot] = -1;
  }

  override crash(): void {
    const world = this.world;
    for (let slot = 0; slot < this.used; slot++) {
      if (this.state[slot] === FREE) continue;
      this.gen[slot] = (this.gen[slot] + 1) | 0; // outstanding deliveries belong to the old life
      this.heldBy[slot] = -1;
      if (!this.config.durable) {
        this.lostOnCrash++;
        this.freeMessage(slot);
      } else {
        this.state[slot] = READY;
      }
    }
    this.readySize = 0;
    this.readyHead = 0;
    if (this.config.durable) for (let slot = 0; slot < this.used; slot++) if (this.state[slot] === READY) this.pushReady(slot);
    this.visibility.clear();
    this.station.advance(world.now);
  }

  override restart(): void {
    this.resetCredit();
    this.dispatch();
  }

  applyConfig(config: ResolvedConfig): void {
    this.config = config as QueueConfig;
    this.station.capacity = this.config.capacity;
  }

  // --- message storage ---------------------------------------------------------------------------

  private allocMessage(key: number): number {
    let slot = this.freeHead;
    if (slot >= 0) {
      this.freeHead = this.next[slot];
    } else {
      if (this.used === this.keys.length) this.growMessages();
      slot = this.used++;
    }
    this.keys[slot] = key;
    this.receives[slot] = 0;
    this.heldBy[slot] = -1;
    return slot;
  }

  private freeMessage(slot: number): void {
    this.state[slot] = FREE;
    this.gen[slot] = (this.gen[slot] + 1) | 0;
    this.heldBy[slot] = -1;
    this.next[slot] = this.freeHead;
    this.freeHead = slot;
    this.station.change(this.world.now, -1);
  }

  private pushReady(slot: number): void {
    this.state[slot] = READY;
    if (this.readySize === this.ready.length) {
      const length = this.ready.length;
      const next = new Int32Array(length * 2);
      for (let i = 0; i < this.readySize; i++) next[i] = this.ready[(this.readyHead + i) & (length - 1)];
      this.ready = next;
      this.readyHead = 0;
    }
    this.ready[(this.readyHead + this.readySize) & (this.ready.length - 1)] = slot;
    this.readySize++;
  }

  private growMessages(): void {
    const length = this.keys.length * 2;
    this.keys = grow(this.keys, length);
    this.state = grow(this.state, length);
    this.receives = grow(this.receives, length);
    this.gen = grow(this.gen, length);
    this.next = grow(this.next, length);
    const held = new Int32Array(length).fill(-1);
    held.set(this.heldBy);
    this.heldBy = held;
  }
}
