import type { CdnConfig, ResolvedConfig } from '../../model/types';
import type { World } from '../engine/world';
import { SecondSeries } from '../engine/secondSeries';
import { REQ_STATIC } from '../engine/requestTable';
import { OP_READ, STATUS_ERROR, STATUS_OK, isSuccess } from '../engine/codes';
import { BaseNode } from './baseNode';
import type { NodeExtras } from './nodeModel';
import { KeyStore } from './cache/keyStore';
import { Forwarder } from './proxy/forwarder';

/** `step` of a call waiting for the origin: was it a static miss (store the answer) or a pass-through? */
const STEP_PASS_THROUGH = 0;
const STEP_MISS = 1;

/**
 * Edge cache for static reads (DESIGN §3 `cdn`).
 *  - pull: a static read is looked up by key; a hit is answered after `hitMs`; a miss is fetched
 *    from the origin (the CDN's first outgoing link) after the same lookup time, stored for
 *    `ttlS` (at most `capacity` keys, least recently used evicted) and relayed.
 *  - push: the origin pushed every static key before t=0 and they never expire, so every static
 *    read is a hit. Pushed content lives on the edge's disks: a crash or `flush` keeps it.
 * Anything that is not a static read (writes, dynamic reads a DNS answer sent here) passes
 * through to the origin uncached. The hit ratio is therefore whatever the clients' key
 * popularity and the TTL make it — there is no knob for it.
 *
 * A CDN is a large fleet of edge servers: it is modelled as a delay, not a queue (station null).
 */
export class CdnModel extends BaseNode {
  private config: CdnConfig;
  private readonly store: KeyStore;
  private readonly forwarder: Forwarder;
  hits = 0;
  misses = 0;
  private readonly hitSeries = new SecondSeries();
  private readonly missSeries = new SecondSeries();

  constructor(
    world: World,
    index: number,
    config: CdnConfig,
    /** The first outgoing traffic link (-1: no origin, misses answer errors). */
    private readonly origin: number,
    /** Size of the static key space of the clients that link here (what push mode holds). */
    private readonly pushedKeys: number,
  ) {
    super(world, index, 'cdn');
    this.config = config;
    this.store = new KeyStore(config.capacity, 'lru', config.ttlS * 1000, this.rng);
    this.forwarder = new Forwarder(
      world,
      (call) => this.answer(call, STATUS_ERROR),
      (call) => world.calls.free(call),
    );
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    const world = this.world;
    const calls = world.calls;
    const req = calls.req[call];
    const now = world.now;
    const isStaticRead = calls.op[call] === OP_READ && (world.requests.flags[req] & REQ_STATIC) !== 0;
    if (!isStaticRead) {
      this.fetch(call, STEP_PASS_THROUGH, 0);
      return;
    }
    const hitMs = this.config.hitMs * this.slow;
    const second = Math.floor(now / 1000);
    if (this.config.mode === 'push' || this.store.get(world.requests.key[req], now)) {
      this.hits++;
      this.hitSeries.add(second, 1);
      this.answer(call, STATUS_OK, hitMs);
      return;
    }
    this.misses++;
    this.missSeries.add(second, 1);
    this.fetch(call, STEP_MISS, hitMs);
  }

  private fetch(call: number, step: number, afterMs: number): void {
    if (this.origin < 0) {
      this.answer(call, STATUS_ERROR, afterMs);
      return;
    }
    const calls = this.world.calls;
    calls.step[call] = step;
    this.forwarder.forward(call, this.origin, calls.op[call], afterMs);
  }

  override onResponse(child: number): void {
    const world = this.world;
    const status = world.calls.status[child];
    const parent = this.forwarder.settle(child);
    if (parent < 0) return;
    if (world.calls.step[parent] === STEP_MISS && isSuccess(status)) {
      this.store.set(world.requests.key[world.calls.req[parent]], world.now);
    }
    this.answer(parent, status);
  }

  override crash(): void {
    this.forwarder.clear();
    this.store.clear();
  }

  override flush(): void {
    this.store.clear();
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as CdnConfig;
    this.config = next;
    this.store.setTtl(next.ttlS * 1000, this.world.now);
    this.store.setCapacity(next.capacity, this.world.now);
  }

  override extras(): NodeExtras {
    const keys = this.config.mode === 'push' ? this.pushedKeys : this.store.liveKeys(this.world.now);
    return { hits: this.hits, misses: this.misses, keys };
  }

  hitRatioIn(fromS: number, toS: number): number | null {
    const hits = this.hitSeries.sum(fromS, toS);
    const lookups = hits + this.missSeries.sum(fromS, toS);
    return lookups === 0 ? null : hits / lookups;
  }
}
