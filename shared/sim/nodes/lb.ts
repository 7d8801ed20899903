import type { LbConfig, ResolvedConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { OFFER_REJECTED, Station } from '../engine/station';
import { OP_PROBE, STATE_AT_CALLEE, STATUS_ERROR, STATUS_REJECTED } from '../engine/codes';
import { BaseNode } from './baseNode';
import { HealthChecks } from './lb/healthChecks';
import { BackendPicker } from './lb/pickBackend';

/**
 * How long a load balancer waits for a backend before answering 504. The file format has no such
 * field; real balancers have one (nginx proxy_read_timeout, ELB idle timeout: 60 s). Without it a
 * request lost behind the balancer would hold its connection forever.
 */
export const LB_UPSTREAM_TIMEOUT_MS = 60_000;

/**
 * Load balancer (DESIGN §3 `lb`): holds a connection per request (at most `maxConnections`,
 * beyond that `rejected`), spends `serviceMs` deciding, forwards to a backend chosen among those
 * its health checks mark up, and relays the backend's answer. `layer`, `sticky` and `ha` are a
 * later issue.
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

  constructor(world: World, index: number, config: LbConfig, backends: number[]) {
    super(world, index, 'lb');
    this.config = config;
    this.backends = backends;
    this.station = new Station(config.maxConnections, 0);
    this.active = new Int32Array(backends.length);
    const weights = Float64Array.from(backends, (link) => world.links.weight[link]);
    this.picker = new BackendPicker(config.algorithm, weights, this.rng);
    this.health = new HealthChecks(world, backends, config.healthCheck);
    const calls = world.calls;
    this.upstreamTimeouts = world.createDeadlineQueue(
      (call, gen) => calls.gen[call] === gen && calls.state[call] === STATE_AT_CALLEE,
      (call) => this.onUpstreamTimeout(call),
    );
  }

  start(): void {
    this.health.start();
  }

  /** Backends currently marked up (1) or down (0), in link order. */
  get markedUp(): Uint8Array {
    return this.health.markedUp;
  }

  onRequest(call: number): void {
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
    const backend = this.picker.pick(this.health.markedUp, this.active, world.requests.user[calls.req[call]]);
    if (backend < 0) {
      world.scheduleService(call, serviceMs); // then 503: no healthy backend
      return;
    }
    calls.step[call] = backend;
    this.active[backend]++;
    const gen = calls.gen[call];
    const child = calls.alloc(call, gen, calls.req[call], this.backends[backend], calls.op[call]);
    this.upstreamTimeouts.push(call, gen, world.now + serviceMs + LB_UPSTREAM_TIMEOUT_MS);
    world.sendRequest(child, serviceMs);
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
    calls.free(child);
    if (!waits) return;
    calls.bump(parent); // its upstream timeout is now stale
    this.active[calls.step[parent]]--;
    this.reply(parent, status);
  }

  private onUpstreamTimeout(call: number): void {
    this.world.calls.bump(call); // the backend's late answer, if any, is ignored
    this.active[this.world.calls.step[call]]--;
    this.reply(call, STATUS_ERROR); // 504
  }

  /** Answers a request that holds a connection, and frees the connection. */
  private reply(call: number, status: number): void {
    this.station.release(this.world.now);
    this.answer(call, status);
  }

  override crash(): void {
    this.station.reset(this.world.now);
    this.active.fill(0);
    this.health.reset();
    this.upstreamTimeouts.clear();
  }

  override restart(): void {
    this.health.start();
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as LbConfig;
    this.config = next;
    this.station.servers = next.maxConnections;
    this.picker.algorithm = next.algorithm;
    this.health.setConfig(next.healthCheck);
  }
}
