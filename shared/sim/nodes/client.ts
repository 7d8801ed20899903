import type { ClientConfig, ResolvedConfig } from '../../model/types';
import { createZipf, exponential, type ZipfSampler } from '../random';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { REQ_LIVE, REQ_LOST, REQ_WRITE } from '../engine/requestTable';
import {
  OP_READ,
  OP_WRITE,
  OUTCOME_DROPPED,
  OUTCOME_ERROR,
  OUTCOME_OK,
  OUTCOME_REJECTED,
  OUTCOME_TIMEOUT,
  STATUS_ERROR,
  STATUS_REJECTED,
  isSuccess,
} from '../engine/codes';
import { BaseNode } from './baseNode';

/**
 * A population of users sending open-loop requests (DESIGN §3 `client`). Each request gets a
 * key, a user id and read/write; each attempt is a call over one of the client's links, guarded
 * by `timeoutMs`; failed attempts are retried after full-jitter exponential backoff and the
 * request's outcome is its last attempt's.
 *
 * Targets: without DNS the client spreads uniformly over its linked non-CDN, non-DNS nodes.
 * DNS resolution and CDN static reads are a later issue; they will choose the target link here
 * (`pickTarget`) and nothing else changes.
 */
export class ClientModel extends BaseNode {
  private config: ClientConfig;
  private zipf: ZipfSampler | null = null;
  private readonly targets: number[];
  private readonly arrivalTimer: number;
  /** Bumped to cancel the pending arrival (crash, rate change). */
  private arrivalGen = 0;
  private readonly timeouts: DeadlineQueue;

  constructor(world: World, index: number, config: ClientConfig, targets: number[]) {
    super(world, index, 'client');
    this.config = config;
    this.targets = targets;
    this.buildKeySampler();
    this.noteLifetime();
    this.arrivalTimer = world.addTimer((token) => this.onArrival(token));
    const requests = world.requests;
    this.timeouts = world.createDeadlineQueue(
      (req, gen) => requests.gen[req] === gen && (requests.flags[req] & REQ_LIVE) !== 0,
      (req) => this.attemptFailed(req, (requests.flags[req] & REQ_LOST) !== 0 ? OUTCOME_DROPPED : OUTCOME_TIMEOUT),
    );
  }

  /** Starts the arrival process (called once the whole world exists). */
  start(): void {
    this.scheduleArrival(true);
  }

  onRequest(call: number): void {
    // Nothing sends requests to a client; answer so the caller is not left waiting.
    this.counters.arrivals++;
    this.answer(call, STATUS_ERROR);
  }

  private scheduleArrival(first: boolean): void {
    const rps = this.config.rps;
    if (!(rps > 0)) return;
    const mean = 1000 / rps;
    // Constant arrivals start at once (rps × duration requests); Poisson ones are memoryless.
    const gap = this.config.arrival === 'constant' ? (first ? 0 : mean) : exponential(this.rng, mean);
    this.world.scheduleTimer(this.arrivalTimer, gap, this.arrivalGen);
  }

  private onArrival(token: number): void {
    if (token !== this.arrivalGen) return;
    const world = this.world;
    if (world.now >= world.stopGeneratingMs) return;
    if (world.up[this.index] === 1) this.createRequest();
    this.scheduleArrival(false);
  }

  private createRequest(): void {
    const world = this.world;
    const config = this.config;
    const rng = this.rng;
    const now = world.now;
    const key = this.zipf !== null ? this.zipf.sample(rng) : rng.int(config.keys.count);
    const user = rng.int(config.users);
    const write = rng.next() < config.writeRatio;
    const req = world.requests.alloc(this.index, now, key, user, write);
    world.generated++;
    world.metrics.onSent(now);
    this.startAttempt(req);
  }

  private pickTarget(): number {
    const targets = this.targets;
    if (targets.length <= 1) return targets.length === 0 ? -1 : targets[0];
    return targets[this.rng.int(targets.length)];
  }

  private startAttempt(req: number): void {
    const world = this.world;
    const requests = world.requests;
    const link = this.pickTarget();
    if (link < 0) {
      this.finish(req, OUTCOME_ERROR);
      return;
    }
    requests.flags[req] &= ~REQ_LOST;
    const gen = requests.gen[req];
    const op = (requests.flags[req] & REQ_WRITE) !== 0 ? OP_WRITE : OP_READ;
    const call = world.calls.alloc(req, gen, req, link, op);
    this.timeouts.push(req, gen, world.now + this.config.timeoutMs);
    world.sendRequest(call);
  }

  override onResponse(call: number): void {
    const world = this.world;
    const calls = world.calls;
    const requests = world.requests;
    const req = calls.parent[call];
    const gen = calls.parentGen[call];
    const status = calls.status[call];
    calls.free(call);
    // An answer to an attempt the client already gave up on is ignored.
    if (requests.gen[req] !== gen || (requests.flags[req] & REQ_LIVE) === 0) return;
    if (isSuccess(status)) this.finish(req, OUTCOME_OK);
    else this.attemptFailed(req, status === STATUS_REJECTED ? OUTCOME_REJECTED : OUTCOME_ERROR);
  }

  private attemptFailed(req: number, outcome: number): void {
    const world = this.world;
    const requests = world.requests;
    const attempt = requests.attempt[req];
    if (attempt < this.config.retries && world.up[this.index] === 1) {
      requests.attempt[req] = attempt + 1;
      const gen = requests.bump(req); // the failed attempt's calls and timeout become stale
      // Full jitter: uniform in [0, backoff · 2^attempt).
      const backoff = this.rng.next() * this.config.retryBackoffMs * 2 ** attempt;
      world.kernel.schedule(backoff, world.retryEvent, req, gen);
    } else {
      this.finish(req, outcome);
    }
  }

  onRetry(req: number, gen: number): void {
    const requests = this.world.requests;
    if (requests.gen[req] !== gen || (requests.flags[req] & REQ_LIVE) === 0) return;
    this.startAttempt(req);
  }

  private finish(req: number, outcome: number): void {
    const world = this.world;
    const requests = world.requests;
    const first = requests.firstSendMs[req];
    world.metrics.onFinished(first, outcome, world.now - first, (requests.flags[req] & REQ_WRITE) !== 0);
    world.finished++;
    requests.free(req);
  }

  /** A crashed client's users are gone: their requests are never answered (dropped). */
  override crash(): void {
    this.arrivalGen = (this.arrivalGen + 1) | 0;
    const requests = this.world.requests;
    for (let req = 0; req < requests.highWater; req++) {
      if ((requests.flags[req] & REQ_LIVE) !== 0 && requests.client[req] === this.index) this.finish(req, OUTCOME_DROPPED);
    }
    this.timeouts.clear();
  }

  override restart(): void {
    this.arrivalGen = (this.arrivalGen + 1) | 0;
    this.scheduleArrival(true);
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as ClientConfig;
    const previous = this.config;
    this.config = next;
    this.noteLifetime();
    if (next.keys.count !== previous.keys.count || next.keys.distribution !== previous.keys.distribution || next.keys.zipfS !== previous.keys.zipfS) {
      this.buildKeySampler();
    }
    if (next.rps !== previous.rps || next.arrival !== previous.arrival) {
      // Restart the arrival clock at the new rate (exact for Poisson: it is memoryless).
      this.arrivalGen = (this.arrivalGen + 1) | 0;
      if (this.world.up[this.index] === 1) this.scheduleArrival(false);
    }
  }

  /** Keeps the world's bound on request lifetime (used to stop following requests at the end). */
  private noteLifetime(): void {
    const { retries, timeoutMs, retryBackoffMs } = this.config;
    const lifetime = (retries + 1) * timeoutMs + retryBackoffMs * 2 ** retries;
    if (lifetime > this.world.maxRequestLifetimeMs) this.world.maxRequestLifetimeMs = lifetime;
  }

  private buildKeySampler(): void {
    const keys = this.config.keys;
    this.zipf = keys.distribution === 'zipf' ? createZipf(keys.count, keys.zipfS) : null;
  }
}
