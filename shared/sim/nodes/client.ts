import type { ClientConfig, ResolvedConfig } from '../../model/types';
import { exponential, type ZipfSampler } from '../random';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { REQ_LIVE, REQ_LOST, REQ_STATIC, REQ_WRITE } from '../engine/requestTable';
import {
  OP_DNS_QUERY,
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
import type { DnsModel } from './dns';
import { UserAnswers } from './dns/userAnswers';

/**
 * A population of users sending open-loop requests (DESIGN §3 `client`). Each request gets a
 * key, a user id and read/write; each attempt is a call over one of the client's links, guarded
 * by `timeoutMs`; failed attempts are retried after full-jitter exponential backoff and the
 * request's outcome is its last attempt's.
 *
 * Targets, per attempt:
 *  - a static read (a `staticRatio` share of reads) goes to the first linked `cdn`, if any;
 *  - with a link to a `dns` node, the user resolves first: the query and its answer are a call
 *    over the DNS link, inside the attempt's timeout; the answer (a node) is cached per user for
 *    the DNS record's TTL, and the request goes over the client's link to that node — a user
 *    keeps using a cached answer, dead or not, until it expires;
 *  - otherwise uniformly over the linked nodes that are neither CDN nor DNS, and through the CDN
 *    when the client links to nothing else.
 */
export class ClientModel extends BaseNode {
  private config: ClientConfig;
  private zipf: ZipfSampler | null = null;
  /** Links to nodes that are neither CDN nor DNS. */
  private readonly targets: number[];
  /** First link to a CDN / a DNS node, or -1. */
  private readonly cdnLink: number;
  private readonly dnsLink: number;
  /** node index → this client's first link to it, or -1 (where a DNS answer can be sent). */
  private readonly linkToNode: Int32Array;
  private readonly answers = new UserAnswers();
  private readonly arrivalTimer: number;
  /** Bumped to cancel the pending arrival (crash, rate change). */
  private arrivalGen = 0;
  /**
   * Constant arrivals: when the clock last (re)started and the gaps since, so that the n-th arrival
   * is at origin + n·1000/rps exactly. Adding the gap arrival after arrival drifts: 333 gaps of
   * 1000/333 ms end just short of 1000 ms, and an arrival due on a second boundary fell in the
   * second before.
   */
  private constantOriginMs = 0;
  private constantGaps = 0;
  /** When the last arrival fired: a rate change keeps the spacing from it (−∞: none yet). */
  private lastArrivalMs = -Infinity;
  private readonly timeouts: DeadlineQueue;

  constructor(world: World, index: number, config: ClientConfig, outLinks: readonly number[]) {
    super(world, index, 'client');
    this.config = config;
    const { to } = world.links;
    const kindOf = (link: number) => world.nodeKinds[to[link]];
    this.targets = outLinks.filter((link) => kindOf(link) !== 'cdn' && kindOf(link) !== 'dns');
    this.cdnLink = outLinks.find((link) => kindOf(link) === 'cdn') ?? -1;
    this.dnsLink = outLinks.find((link) => kindOf(link) === 'dns') ?? -1;
    this.linkToNode = new Int32Array(world.nodeIds.length).fill(-1);
    for (const link of outLinks) if (this.linkToNode[to[link]] < 0) this.linkToNode[to[link]] = link;
    this.resetAnswerCache();
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

  /**
   * Schedules the next arrival. `first`: the client starts (or restarts) sending, the first arrival
   * is now; `restartClock`: the rate changed, the next arrival is one new gap after the last one
   * (or now, if that is past): the gap across the change is the new rate's, not the remainder of
   * the old gap plus a whole new one.
   */
  private scheduleArrival(first: boolean, restartClock = first): void {
    const rps = this.config.rps;
    if (!(rps > 0)) return;
    // Constant arrivals start at once (rps × duration requests); Poisson ones are memoryless.
    if (this.config.arrival === 'constant') {
      if (restartClock) {
        const now = this.world.now;
        this.constantOriginMs = first ? now : Math.max(now, this.lastArrivalMs + 1000 / rps);
        this.constantGaps = 0;
      } else {
        this.constantGaps++;
      }
      this.world.scheduleTimerAt(this.arrivalTimer, this.constantOriginMs + (this.constantGaps * 1000) / rps, this.arrivalGen);
      return;
    }
    this.world.scheduleTimer(this.arrivalTimer, exponential(this.rng, 1000 / rps), this.arrivalGen);
  }

  private onArrival(token: number): void {
    if (token !== this.arrivalGen) return;
    const world = this.world;
    if (world.now >= world.stopGeneratingMs) return;
    this.lastArrivalMs = world.now;
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
    // Drawn only when static content exists, so documents without it keep their random sequence.
    if (!write && config.staticRatio > 0 && rng.next() < config.staticRatio) world.requests.flags[req] |= REQ_STATIC;
    world.generated++;
    world.metrics.onSent(now, world.maxRequestLifetimeMs);
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
    const flags = requests.flags[req];
    let link: number;
    let op = (flags & REQ_WRITE) !== 0 ? OP_WRITE : OP_READ;
    if ((flags & REQ_STATIC) !== 0 && this.cdnLink >= 0) {
      link = this.cdnLink;
    } else if (this.dnsLink >= 0) {
      const user = requests.user[req];
      const cached = this.answers.get(user, world.now);
      link = cached >= 0 ? this.linkToNode[cached] : this.dnsLink;
      if (cached < 0) op = OP_DNS_QUERY;
    } else {
      link = this.pickTarget();
      // Users in front of a CDN only (users → cdn → origin): everything goes through it, and it
      // passes what is not static on to its origin uncached (DESIGN §3 cdn).
      if (link < 0) link = this.cdnLink;
    }
    if (link < 0) {
      this.finish(req, OUTCOME_ERROR);
      return;
    }
    requests.flags[req] &= ~REQ_LOST;
    const gen = requests.gen[req];
    const call = world.calls.alloc(req, gen, req, link, op);
    // The client gives up at the deadline as kept, so it and the nodes in the path agree on it.
    const deadlineMs = requests.setAttemptDeadline(req, world.now + this.config.timeoutMs);
    this.timeouts.push(req, gen, deadlineMs);
    world.sendRequest(call);
  }

  /** The DNS answer for the attempt `gen` of `req` arrived: cache it and send the request there. */
  private onDnsAnswer(req: number, gen: number, answered: number): void {
    const world = this.world;
    const requests = world.requests;
    const user = requests.user[req];
    const dns = world.models[world.links.to[this.dnsLink]] as DnsModel;
    this.answers.set(user, answered, world.now + dns.ttlMs);
    const link = this.linkToNode[answered];
    if (link < 0) {
      // DNS named a node this client has no link to: nothing to send the request over.
      this.attemptFailed(req, OUTCOME_ERROR);
      return;
    }
    const op = (requests.flags[req] & REQ_WRITE) !== 0 ? OP_WRITE : OP_READ;
    world.sendRequest(world.calls.alloc(req, gen, req, link, op));
  }

  override onResponse(call: number): void {
    const world = this.world;
    const calls = world.calls;
    const requests = world.requests;
    const req = calls.parent[call];
    const gen = calls.parentGen[call];
    const status = calls.status[call];
    const isDnsAnswer = calls.op[call] === OP_DNS_QUERY;
    const answered = calls.step[call] - 1;
    calls.free(call);
    // An answer to an attempt the client already gave up on is ignored.
    if (requests.gen[req] !== gen || (requests.flags[req] & REQ_LIVE) === 0) return;
    if (isDnsAnswer && isSuccess(status) && answered >= 0) this.onDnsAnswer(req, gen, answered);
    else if (isSuccess(status) && !isDnsAnswer) this.finish(req, OUTCOME_OK);
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
    this.resetAnswerCache(); // the users' resolvers start empty
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
    if (next.users !== previous.users) this.resetAnswerCache();
    if (next.keys.count !== previous.keys.count || next.keys.distribution !== previous.keys.distribution || next.keys.zipfS !== previous.keys.zipfS) {
      this.buildKeySampler();
    }
    if (next.rps !== previous.rps || next.arrival !== previous.arrival) {
      // Restart the arrival clock at the new rate (exact for Poisson: it is memoryless).
      this.arrivalGen = (this.arrivalGen + 1) | 0;
      if (this.world.up[this.index] === 1) this.scheduleArrival(false, true);
    }
  }

  /** Keeps the world's bound on request lifetime (used to stop following requests at the end). */
  private noteLifetime(): void {
    const { retries, timeoutMs, retryBackoffMs } = this.config;
    const lifetime = (retries + 1) * timeoutMs + retryBackoffMs * 2 ** retries;
    if (lifetime > this.world.maxRequestLifetimeMs) this.world.maxRequestLifetimeMs = lifetime;
  }

  private resetAnswerCache(): void {
    this.answers.reset(this.dnsLink >= 0 ? this.config.users : 0);
  }

  private buildKeySampler(): void {
    const keys = this.config.keys;
    this.zipf = keys.distribution === 'zipf' ? this.world.zipf(keys.count, keys.zipfS) : null;
  }
}
