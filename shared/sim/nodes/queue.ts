import type { QueueConfig, ResolvedConfig } from '../../model/types';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { keyOf } from '../engine/callData';
import { grow } from '../engine/growable';
import { OP_JOB, STATE_FREE, STATUS_OK, STATUS_REJECTED } from '../engine/codes';
import { BaseNode } from './baseNode';
import { DepthStats } from './queue/depthStats';
import type { WorkerModel } from './worker';

const FREE = 0;
const READY = 1;
const IN_FLIGHT = 2;
/** Acknowledged while visible again (a late ack): gone from the books, its slot still in the ready ring. */
const DELETED = 3;

/**
 * Message broker (DESIGN §3 `queue`), at-least-once like SQS. A publish is stored (or refused
 * `rejected` when `capacity` messages are held — the producing app then answers 503) and
 * delivered to a linked worker that is up and has a free slot (round-robin; the queue tracks each
 * worker's `workers` slots as credit, and like a broker that sees a consumer's connection drop it
 * sends nothing to a crashed worker). The delivery is invisible for `visibilityTimeoutMs`; the
 * worker's ok answer deletes the message; no ok answer in time (failure, crash, slow worker) makes
 * it visible again for redelivery — so a slow worker's job can run twice. After `maxReceives`
 * deliveries a message goes to the dead letters.
 *
 * A delivery holds its worker slot until the worker answers it (or it is found lost: the worker
 * crashed, the network dropped it), not merely until its visibility timeout: a worker runs at
 * most `workers` jobs, so a job that outlives its visibility timeout keeps its slot, and the
 * message it made visible again waits for a free slot (this worker's or another's). An ok answer
 * that comes after the timeout still deletes the message if it is still held — waiting visible,
 * or out again with another worker, whose run is then a duplicate (its answer is ignored) — like
 * an SQS delete with an older receipt handle.
 *
 * A crash loses every held message unless `durable`; a durable queue keeps them and redelivers
 * the ones that were out at the time.
 *
 * Report mapping: `arrivals` publishes, `completed` messages acknowledged by a worker, `rejected`
 * publishes refused, `errors` messages never processed: dead-lettered, or lost in a crash of a
 * queue that is not durable (counted nowhere else, they broke the books: every publish accepted
 * is acknowledged, an error, or still held). The station figures are the depth (held messages,
 * ready or out), so `maxQueue` is the deepest the queue got.
 */
export class QueueModel extends BaseNode {
  override readonly station: DepthStats;
  private config: QueueConfig;
  /**
   * Deliveries each consumer holds. Its credit is its current `workers` minus these, read live so
   * that lowering a worker's `workers` lets the excess drain; raising it dispatches at once
   * (`whenSlotsAdded`).
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
  /** Bumped when the message is deleted or dead-lettered: answers of its deliveries then find it gone. */
  private life = new Int32Array(256);
  private freeHead = -1;
  private used = 0;
  // Ready messages in FIFO order.
  private ready = new Int32Array(256);
  private readyHead = 0;
  private readySize = 0;
  // Deliveries (struct of arrays, free list through `dNext`): one per message sent to a worker,
  // kept until its visibility timeout is settled and its worker slot is given back.
  /** The delivery's call while it holds its worker slot, −1 once the slot is given back. */
  private dCall = new Int32Array(64).fill(-1);
  private dConsumer = new Int32Array(64);
  private dMessage = new Int32Array(64);
  /** The message's `gen` when delivered: the delivery is the message's current one while they match. */
  private dMessageGen = new Int32Array(64);
  private dMessageLife = new Int32Array(64);
  /** Bumped when the record is freed: visibility entries of a freed record are stale. */
  private dLife = new Int32Array(64);
  private dNext = new Int32Array(64);
  private dFree = -1;
  private dUsed = 0;
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
      (delivery, life) => this.dLife[delivery] === life,
      (delivery, life) => this.onVisibilityTimeout(delivery, life),
    );
  }

  start(): void {
    this.resetCredit();
    this.consumerModels.forEach((model, consumer) => {
      model?.whenRestarted(() => this.onConsumerRestarted(consumer));
      model?.whenSlotsAdded(() => this.dispatch());
    });
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
    if (model === null || this.world.up[model.index] === 0) return 0;
    return model.slots - this.held[consumer];
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
      if (this.state[slot] === DELETED) this.releaseSlot(slot); // acknowledged late while waiting here
      else this.deliver(slot, consumer);
    }
  }

  private deliver(slot: number, consumer: number): void {
    const world = this.world;
    this.held[consumer]++;
    this.state[slot] = IN_FLIGHT;
    if (this.receives[slot] > 0) this.redeliveries++;
    this.receives[slot]++;
    const gen = (this.gen[slot] = (this.gen[slot] + 1) | 0); // this delivery's identity
    const call = world.calls.alloc(-1, 0, -1, this.consumers[consumer], OP_JOB);
    const delivery = this.allocDelivery();
    this.dCall[delivery] = call;
    this.dConsumer[delivery] = consumer;
    this.dMessage[delivery] = slot;
    this.dMessageGen[delivery] = gen;
    this.dMessageLife[delivery] = this.life[slot];
    const payload = world.calls.attachPayload(call);
    world.calls.payloads.key[payload] = this.keys[slot];
    world.calls.payloads.ref[payload] = delivery;
    this.visibility.push(delivery, this.dLife[delivery], world.now + this.config.visibilityTimeoutMs);
    world.sendRequest(call);
  }

  /**
   * A worker answered a delivery: its slot is free again. An ok answer deletes the message if it is
   * still held — also after the visibility timeout (a late ack); a failure leaves it invisible
   * until its timeout, like an SQS message nobody deleted.
   */
  override onResponse(call: number): void {
    const world = this.world;
    const calls = world.calls;
    const payload = calls.payloadOf(call);
    const delivery = payload >= 0 ? calls.payloads.ref[payload] : -1;
    const ok = calls.status[call] === STATUS_OK;
    const ours = delivery >= 0 && delivery < this.dUsed && this.dCall[delivery] === call;
    calls.free(call);
    if (!ours) return; // a delivery of the queue's previous life (before a crash)
    this.giveSlotBack(delivery);
    const slot = this.dMessage[delivery];
    if (ok && this.life[slot] === this.dMessageLife[delivery]) {
      this.counters.completed++;
      if (this.state[slot] === READY) this.markDeleted(slot);
      else this.freeMessage(slot); // out with this delivery, or again with another (a duplicate run)
    }
    this.settle(delivery);
    this.dispatch();
  }

  /**
   * The visibility timeout of a delivery. If it is still the message's current delivery, the
   * message is visible again, or dead-lettered after `maxReceives`. The delivery's worker slot is
   * given back if the delivery was lost (the worker crashed, the network dropped it); if the
   * worker still has it, the slot stays taken until it answers, checked again one timeout later.
   */
  private onVisibilityTimeout(delivery: number, life: number): void {
    const world = this.world;
    if (this.isCurrent(delivery)) {
      const slot = this.dMessage[delivery];
      this.gen[slot] = (this.gen[slot] + 1) | 0;
      if (this.receives[slot] >= this.config.maxReceives) {
        this.deadLettered++;
        this.counters.errors++;
        this.freeMessage(slot);
      } else {
        this.pushReady(slot);
      }
    }
    if (this.dCall[delivery] >= 0 && this.deliveryAlive(delivery)) {
      this.visibility.push(delivery, life, world.now + this.config.visibilityTimeoutMs);
    } else {
      this.giveSlotBack(delivery);
      this.settle(delivery);
    }
    if (world.up[this.index] === 1) this.dispatch();
  }

  /** A consumer restarted with every slot free: deliveries lost in its crash give their slots back. */
  private onConsumerRestarted(consumer: number): void {
    for (let d = 0; d < this.dUsed; d++) {
      if (this.dCall[d] < 0 || this.dConsumer[d] !== consumer || this.deliveryAlive(d)) continue;
      this.giveSlotBack(d);
      this.settle(d);
    }
    if (this.world.up[this.index] === 1) this.dispatch();
  }

  /** Is the delivery's call still on its way, at the worker, or its answer on the way back? */
  private deliveryAlive(delivery: number): boolean {
    const world = this.world;
    const call = this.dCall[delivery];
    const payload = world.calls.payloadOf(call);
    // A freed call slot may be reused: by another node (another link) or by another delivery.
    return (
      world.calls.state[call] !== STATE_FREE &&
      world.calls.link[call] === this.consumers[this.dConsumer[delivery]] &&
      payload >= 0 &&
      world.calls.payloads.ref[payload] === delivery
    );
  }

  private isCurrent(delivery: number): boolean {
    const slot = this.dMessage[delivery];
    return this.gen[slot] === this.dMessageGen[delivery] && this.state[slot] === IN_FLIGHT;
  }

  /** The delivery's worker slot is free again (once). */
  private giveSlotBack(delivery: number): void {
    if (this.dCall[delivery] < 0) return;
    this.held[this.dConsumer[delivery]]--;
    this.dCall[delivery] = -1;
  }

  /** Frees the delivery's record once it holds no slot and its timeout has nothing left to do. */
  private settle(delivery: number): void {
    if (this.dCall[delivery] >= 0 || this.isCurrent(delivery)) return;
    this.dLife[delivery] = (this.dLife[delivery] + 1) | 0;
    this.dNext[delivery] = this.dFree;
    this.dFree = delivery;
  }

  private allocDelivery(): number {
    let d = this.dFree;
    if (d >= 0) {
      this.dFree = this.dNext[d];
      return d;
    }
    if (this.dUsed === this.dCall.length) {
      const length = this.dCall.length * 2;
      const calls = new Int32Array(length).fill(-1);
      calls.set(this.dCall);
      this.dCall = calls;
      this.dConsumer = grow(this.dConsumer, length);
      this.dMessage = grow(this.dMessage, length);
      this.dMessageGen = grow(this.dMessageGen, length);
      this.dMessageLife = grow(this.dMessageLife, length);
      this.dLife = grow(this.dLife, length);
      this.dNext = grow(this.dNext, length);
    }
    d = this.dUsed++;
    return d;
  }

  /** Forgets every delivery (the queue crashed): answers still coming belong to the old life. */
  private forgetDeliveries(): void {
    for (let d = 0; d < this.dUsed; d++) {
      this.dCall[d] = -1;
      this.dLife[d] = (this.dLife[d] + 1) | 0;
    }
    this.dUsed = 0;
    this.dFree = -1;
  }

  override crash(): void {
    const world = this.world;
    this.forgetDeliveries();
    for (let slot = 0; slot < this.used; slot++) {
      if (this.state[slot] === FREE) continue;
      if (this.state[slot] === DELETED) {
        this.releaseSlot(slot);
        continue;
      }
      this.gen[slot] = (this.gen[slot] + 1) | 0; // outstanding deliveries belong to the old life
      if (!this.config.durable) {
        this.lostOnCrash++;
        this.counters.errors++;
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
    this.station.setCapacity(this.config.capacity, this.world.now);
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
    return slot;
  }

  /** The message is gone (acknowledged, dead-lettered, lost): its slot is free, the depth one less. */
  private freeMessage(slot: number): void {
    this.life[slot] = (this.life[slot] + 1) | 0;
    this.releaseSlot(slot);
    this.station.change(this.world.now, -1);
  }

  /** Acknowledged while waiting in the ready ring: gone now, its slot freed when the ring reaches it. */
  private markDeleted(slot: number): void {
    this.life[slot] = (this.life[slot] + 1) | 0;
    this.gen[slot] = (this.gen[slot] + 1) | 0;
    this.state[slot] = DELETED;
    this.station.change(this.world.now, -1);
  }

  private releaseSlot(slot: number): void {
    this.state[slot] = FREE;
    this.gen[slot] = (this.gen[slot] + 1) | 0;
    this.next[slot] = this.freeHead;
    this.freeHead = slot;
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
    this.life = grow(this.life, length);
  }
}
