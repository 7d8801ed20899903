import type { CacheConfig, ResolvedConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import { FifoServers } from '../engine/fifoServers';
import { SecondSeries } from '../engine/secondSeries';
import { keyOf } from '../engine/callData';
import { OP_CACHE_DEL, OP_CACHE_GET, OP_CACHE_SET, OP_READ, STATUS_HIT, STATUS_HIT_EXPIRING, STATUS_MISS, STATUS_OK, STATUS_REJECTED } from '../engine/codes';
import { BaseNode } from './baseNode';
import type { NodeExtras } from './nodeModel';
import { KeyStore } from './cache/keyStore';

/**
 * Requests a cache lets wait before refusing. The file format has no queue limit for caches; this
 * only keeps an overloaded cache's memory bounded.
 */
export const CACHE_QUEUE_LIMIT = 100_000;

/**
 * A hit on an entry with less than this share of its TTL left answers "hit, expiring" (once per
 * value), which an app with `refresh-ahead` takes as the cue to reload it in the background.
 * Caffeine's refreshAfterWrite and common refresh-ahead write-ups use about half the TTL.
 */
export const REFRESH_AHEAD_FRACTION = 0.5;

/**
 * In-memory key-value cache (DESIGN §3 `cache`), modelled as one server thread (like Redis):
 * each get/set/delete takes `serviceMs`, in FIFO order. Crash or flush empties it.
 * A plain read sent straight to a cache is a get; a plain write is a set.
 *
 * The operation is applied in arrival order — which for one FIFO server is also service order —
 * as the request arrives, with TTLs judged at its departure time; the answer is scheduled to
 * leave at the departure time (see FifoServers).
 */
export class CacheModel extends BaseNode {
  override readonly station: FifoServers;
  private config: CacheConfig;
  readonly store: KeyStore;
  hits = 0;
  misses = 0;
  /** Changes whenever the contents are lost (crash, flush): write-behind data buffered before is gone. */
  contentEpoch = 0;
  private readonly hitSeries = new SecondSeries();
  private readonly missSeries = new SecondSeries();

  constructor(world: World, index: number, config: CacheConfig) {
    super(world, index, 'cache');
    this.config = config;
    this.station = new FifoServers(1, CACHE_QUEUE_LIMIT, world.bookingHorizonMs);
    this.store = new KeyStore(config.capacity, config.eviction, config.ttlS * 1000, this.rng);
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    const world = this.world;
    const departure = this.station.admit(world.now, sample(this.config.serviceMs, this.rng) * this.slow);
    if (departure < 0) {
      this.answer(call, STATUS_REJECTED);
      return;
    }
    const now = departure;
    const op = world.calls.op[call];
    const key = keyOf(world, call);
    let status = STATUS_OK;
    if (op === OP_CACHE_GET || op === OP_READ) {
      const second = Math.floor(now / 1000);
      if (this.store.get(key, now)) {
        this.hits++;
        this.hitSeries.add(second, 1);
        status = this.store.askRefresh(key, now, REFRESH_AHEAD_FRACTION) ? STATUS_HIT_EXPIRING : STATUS_HIT;
        this.judgeHit(call, key);
      } else {
        this.misses++;
        this.missSeries.add(second, 1);
        status = STATUS_MISS;
      }
    } else if (op === OP_CACHE_DEL) {
      this.store.delete(key);
    } else if (op === OP_CACHE_SET) {
      // An app's set says which version it stores and where from (see AppModel.issue).
      this.store.set(key, now, world.callData.versionOf(call), world.callData.sinkOf(call));
    } else {
      this.store.set(key, now);
    }
    this.answer(call, status, departure - world.now);
  }

  /**
   * A hit returns the version the cache holds: stale (DESIGN §3) if a newer one of the database it
   * came from was acknowledged before the client sent the read.
   */
  private judgeHit(call: number, key: number): void {
    const world = this.world;
    const req = world.calls.req[call];
    const sink = this.store.hitSink;
    // The answer carries the version it holds (an app relays it; a caching proxy keeps it).
    world.callData.setVersion(call, this.store.hitVersion, sink);
    if (req < 0 || sink < 0) return;
    const books = world.consistency.sinks[sink];
    if (this.store.hitVersion < books.requiredVersion(key, world.requests.firstSendMs[req])) world.consistency.markStaleRead(req);
  }

  override crash(): void {
    this.station.reset(this.world.now);
    this.store.clear();
    this.contentEpoch++;
  }

  override flush(): void {
    this.store.clear();
    this.contentEpoch++;
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as CacheConfig;
    this.config = next;
    this.store.setEviction(next.eviction);
    this.store.setTtl(next.ttlS * 1000, this.world.now);
    this.store.setCapacity(next.capacity, this.world.now);
  }

  override extras(): NodeExtras {
    return { hits: this.hits, misses: this.misses, keys: this.store.liveKeys(this.world.now) };
  }

  hitRatioIn(fromS: number, toS: number): number | null {
    const hits = this.hitSeries.sum(fromS, toS);
    const lookups = hits + this.missSeries.sum(fromS, toS);
    return lookups === 0 ? null : hits / lookups;
  }
}
