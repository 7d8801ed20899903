import type { LbConfig, ResolvedConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { OFFER_REJECTED, Station } from '../engine/station';
import { OP_HEARTBEAT, OP_PROBE, STATUS_ERROR, STATUS_REJECTED } from '../engine/codes';
import { BaseNode } from './baseNode';
import { HealthChecks } from './lb/healthChecks';
import { BackendPicker } from './lb/pickBackend';
import { HaPair } from './lb/haPair';

/**
 * How long a load balancer waits for a backend before answering 504. The file format has no such
 * field; real balancers have one (nginx proxy_read_timeout, ELB idle timeout: 60 s). Without it a
 * request lost behind the balancer would hold its connection forever.
 */
export const LB_UPSTREAM_TIMEOUT_MS = 60_000;

/**
 * Load balancer (DESIGN §3 `lb`): holds a connection per request (at most `maxConnections`,
 * beyond that `rejected`), spends `serviceMs` deciding, forwards to a backend chosen among those
 * its health checks mark up, and relays the backend's answer. `layer` sets the default cost
 * (0.05 ms at layer 4, 0.5 ms at layer 7: the defaults resolve it). `sticky` (layer 7 only: a
 * layer-4 balancer never sees the cookie) pins each user to the backend it first got, for as long
 * as that backend is marked up. `ha` makes this the active half of a pair (see HaPair).
 */
export class LbModel extends BaseNode {
  override readonly station: Station;
  private config: LbConfig;
  private readonly backends: number[];
  /** Open connections per backend (least-connections). */
  private readonly active: Int32Array;
  private readonly picker: BackendPicker;
  private readonly health: HealthChecks;
  private readonly upstreamTimeouts: DeadlineQueue;
  /** Sticky sessions: (client, user) → backend index. */
  private readonly pins = new Map<number, number>();
  /** The pair this balancer is the passive half of (it hears the heartbeats), if any. */
  passiveOf: HaPair | null = null;
  /** The pair this balancer is the active half of, if any. */
  private pair: HaPair | null = null;

  constructor(world: World, index: number, config: LbConfig, backends: number[]) {
    super(world, index, 'lb');
    this.config = config;
    this.backends = backends;
    this.station = new Station(config.maxConnections, 0);
    this.active = new Int32Array(backends.length);
    const weights = Float64Array.from(backends, (link) => world.links.weight[link]);
    this.picker = new BackendPicker(config.algorithm, weights, this.rng);
    this.health = new HealthChecks(world, backends, config.healthCheck);
    this.upstreamTimeouts = world.createDeadlineQueue(
      world.callStillWaiting,
      (call) => this.onUpstreamTimeout(call),
    );
  }

  start(): void {
    this.health.start();
    const ha = this.config.ha;
    if (ha === null) return;
    const peer = this.world.nodeIds.indexOf(ha.peer);
    const peerModel = peer >= 0 ? this.world.models[peer] : null;
    if (!(peerModel instanceof LbModel) || peer === this.index) return; // validation names the bad peer
    this.pair = new HaPair(this.world, this.index, peer, ha);
    peerModel.passiveOf = this.pair;
    this.pair.start();
  }

  /** Does this balancer's passive peer hold its address now? */
  get replacedByPeer(): boolean {
    return this.pair !== null && this.pair.tookOver;
  }

  /** Backends currently marked up (1) or down (0), in link order. */
  get markedUp(): Uint8Array {
    return this.health.markedUp;
  }

  /** The link index of each backend, in the order of `markedUp` (the live view draws marks on them). */
  get checkedLinks(): readonly number[] {
    return this.backends;
  }

  onRequest(call: number): void {
    if (this.world.calls.op[call] === OP_HEARTBEAT) {
      this.passiveOf?.heard();
      this.world.calls.free(call);
      return;
    }
    this.counters.arrivals++;
    if (this.station.offer(call, this.world.now) === OFFER_REJECTED) {
      this.answer(call, STATUS_REJECTED);
      return;
    }
    // The backend is chosen on arrival and the forward leaves after the processing time — one
    // event per hop instead of two (the health marks could change within those ≤ 0.5 ms).
    const world = this.world;
    const calls = world.calls;
    const serviceMs = sample(this.config.serviceMs, this.rng) * this.slow;
    const backend = this.chooseBackend(calls.req[call]);
    if (backend < 0) {
      world.scheduleService(call, serviceMs); // then 503: no healthy backend
      return;
    }
    calls.step[call] = backend;
    this.active[backend]++;
    const gen = calls.gen[call];
    const child = calls.alloc(call, gen, calls.req[call], this.backends[backend], calls.op[call]);
    world.callData.unknownVersion(child);
    this.upstreamTimeouts.push(call, gen, world.now + serviceMs + world.upstreamWaitMs(call, LB_UPSTREAM_TIMEOUT_MS));
    world.sendRequest(child, serviceMs);
  }

  private chooseBackend(req: number): number {
    const requests = this.world.requests;
    const user = requests.user[req];
    if (!this.config.sticky || this.config.layer !== 7) return this.picker.pick(this.health.markedUp, this.active, user);
    // Client indices are < 2^16 and user ids < 2^32: the pair is an exact double.
    const id = requests.client[req] * 0x1_0000_0000 + user;
    const pinned = this.pins.get(id);
    if (pinned !== undefined && this.health.markedUp[pinned] === 1) return pinned;
    const backend = this.picker.pick(this.health.markedUp, this.active, user);
    if (backend >= 0) this.pins.set(id, backend);
    return backend;
  }

  /** Only reached when no backend was marked up. */
  override onServiceDone(call: number): void {
    this.reply(call, STATUS_ERROR);
  }

  override onResponse(child: number): void {
    const world = this.world;
    const calls = world.calls;
    if (calls.op[child] === OP_PROBE) {
      this.health.onProbeResponse(child);
      return;
    }
    const parent = calls.parent[child];
    const waits = world.parentWaits(child);
    const status = calls.status[child];
    // The version the backend answered with travels back with the answer (a caching proxy keeps it).
    if (waits) world.callData.relayVersion(child, parent);
    calls.free(child);
    if (!waits) return;
    calls.bump(parent); // its upstream timeout is now stale
    this.active[calls.step[parent]]--;
    this.reply(parent, status);
  }

  private onUpstreamTimeout(call: number): void {
    const world = this.world;
    world.calls.bump(call); // the backend's late answer, if any, is ignored
    this.active[world.calls.step[call]]--;
    if (world.callerWaits(call)) {
      this.reply(call, STATUS_ERROR); // 504
      return;
    }
    // The user gave up and closed the connection: free it, with no answer for nobody to read.
    this.station.release(world.now);
    world.calls.free(call);
  }

  /** Answers a request that holds a connection, and frees the connection. */
  private reply(call: number, status: number): void {
    this.station.release(this.world.now);
    this.answer(call, status);
  }

  override crash(): void {
    this.station.reset(this.world.now);
    this.active.fill(0);
    this.pins.clear();
    this.health.reset();
    this.upstreamTimeouts.clear();
  }

  override restart(): void {
    this.health.start();
  }

  /** `ha` is read once, at start: a live edit of the pair takes effect on the next run. */
  applyConfig(config: ResolvedConfig): void {
    const next = config as LbConfig;
    this.config = next;
    this.station.setServers(next.maxConnections, this.world.now);
    this.picker.algorithm = next.algorithm;
    this.health.setConfig(next.healthCheck);
  }
}
