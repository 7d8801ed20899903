import type { ProxyConfig, ResolvedConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import { OFFER_REJECTED, Station } from '../engine/station';
import { OP_READ, STATUS_ERROR, STATUS_OK, STATUS_REJECTED, isSuccess } from '../engine/codes';
import { BaseNode } from './baseNode';
import type { NodeExtras } from './nodeModel';
import { Forwarder } from './proxy/forwarder';
import { RateLimiter } from './proxy/rateLimiter';
import { ResponseCache } from './proxy/responseCache';

/** Where a request is at the proxy (its call's `step`). */
const STEP_FORWARDED = 0;
/** Forwarded after a cache miss: store the answer. */
const STEP_MISS = 1;
/** Answered from here once the processing time is over (its status follows from the step). */
const STEP_HIT = 2;
const STEP_RATE_LIMITED = 3;
const STEP_NO_UPSTREAM = 4;

/**
 * Reverse proxy (DESIGN §3 `proxy`): holds a connection per request (at most `maxConnections`,
 * beyond that 503 `rejected`), spends `serviceMs` plus `tlsMs` of TLS termination on each
 * (there are no client connections in the model, so every request pays the TLS cost — a
 * handshake-per-request worst case), then:
 *  - a rate limit (token bucket per user or global) refuses requests beyond it with 429;
 *  - with a response cache (`cache.capacity` > 0), a read whose key is cached and fresh
 *    (`cache.ttlS`) is answered here; a miss is fetched and its successful answer stored (LRU);
 *    writes pass through and invalidate nothing — a reverse-proxy cache only learns of changes
 *    when its entries expire, so it can serve an old page for up to one TTL (counted as stale
 *    reads, see ResponseCache);
 *  - everything else goes to the next upstream link, round-robin, and the answer is relayed.
 */
export class ProxyModel extends BaseNode {
  override readonly station: Station;
  private config: ProxyConfig;
  private next = 0;
  private readonly forwarder: Forwarder;
  private readonly limiter: RateLimiter;
  private readonly cache: ResponseCache;

  constructor(
    world: World,
    index: number,
    config: ProxyConfig,
    private readonly upstreams: number[],
  ) {
    super(world, index, 'proxy');
    this.config = config;
    this.station = new Station(config.maxConnections, 0);
    this.forwarder = new Forwarder(
      world,
      (call) => this.reply(call, STATUS_ERROR),
      (call) => {
        this.station.release(world.now);
        world.calls.free(call);
      },
    );
    this.limiter = new RateLimiter(config.rateLimit);
    this.cache = new ResponseCache(config.cache.capacity, config.cache.ttlS * 1000, this.rng);
  }

  private get caching(): boolean {
    return this.config.cache.capacity > 0;
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    const world = this.world;
    const now = world.now;
    if (this.station.offer(call, now) === OFFER_REJECTED) {
      this.answer(call, STATUS_REJECTED);
      return;
    }
    const calls = world.calls;
    const requests = world.requests;
    const req = calls.req[call];
    const processingMs = (sample(this.config.serviceMs, this.rng) + this.config.tlsMs) * this.slow;
    if (!this.limiter.allow(requests.client[req], requests.user[req], now)) {
      this.answerLater(call, STEP_RATE_LIMITED, processingMs);
      return;
    }
    let step = STEP_FORWARDED;
    if (this.caching && calls.op[call] === OP_READ) {
      const key = requests.key[req];
      if (this.cache.lookup(key, now)) {
        if (this.cache.isStale(key, requests.firstSendMs[req], world.consistency)) world.consistency.markStaleRead(req);
        this.answerLater(call, STEP_HIT, processingMs);
        return;
      }
      step = STEP_MISS;
    }
    const upstream = this.nextUpstream();
    if (upstream < 0) {
      this.answerLater(call, STEP_NO_UPSTREAM, processingMs);
      return;
    }
    calls.step[call] = step;
    this.forwarder.forward(call, upstream, calls.op[call], processingMs);
  }

  private nextUpstream(): number {
    const n = this.upstreams.length;
    if (n === 0) return -1;
    const link = this.upstreams[this.next];
    this.next = this.next + 1 === n ? 0 : this.next + 1;
    return link;
  }

  private answerLater(call: number, step: number, afterMs: number): void {
    this.world.calls.step[call] = step;
    this.world.scheduleService(call, afterMs);
  }

  override onServiceDone(call: number): void {
    const step = this.world.calls.step[call];
    this.reply(call, step === STEP_HIT ? STATUS_OK : step === STEP_RATE_LIMITED ? STATUS_REJECTED : STATUS_ERROR);
  }

  override onResponse(child: number): void {
    const world = this.world;
    const status = world.calls.status[child];
    const answeredAtMs = world.calls.sendAtMs(child); // when the response left the upstream
    const parent = this.forwarder.settle(child);
    if (parent < 0) return;
    if (world.calls.step[parent] === STEP_MISS && isSuccess(status)) {
      this.cache.fill(world.requests.key[world.calls.req[parent]], world.now, answeredAtMs, world.callData.versionOf(parent), world.callData.sinkOf(parent));
    }
    this.reply(parent, status);
  }

  /** Answers a request that holds a connection, and frees the connection. */
  private reply(call: number, status: number): void {
    this.station.release(this.world.now);
    this.answer(call, status);
  }

  override crash(): void {
    this.station.reset(this.world.now);
    this.forwarder.clear();
    this.limiter.reset();
    this.cache.clear();
  }

  override flush(): void {
    this.cache.clear();
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as ProxyConfig;
    this.config = next;
    this.station.setServers(next.maxConnections, this.world.now);
    this.limiter.setConfig(next.rateLimit, this.world.now);
    this.cache.configure(next.cache.capacity, next.cache.ttlS * 1000, this.world.now);
  }

  override extras(): NodeExtras {
    const { hits, misses } = this.cache;
    if (!this.caching && hits + misses === 0) return {};
    return { hits, misses, keys: this.cache.liveKeys(this.world.now) };
  }

  hitRatioIn(fromS: number, toS: number): number | null {
    return this.cache.hitRatioIn(fromS, toS);
  }
}
