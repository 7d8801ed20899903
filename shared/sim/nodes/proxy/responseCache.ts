import type { RandomStream } from '../../random';
import type { Consistency } from '../../engine/consistency';
import { SecondSeries } from '../../engine/secondSeries';
import { KeyStore } from '../cache/keyStore';

/**
 * A reverse proxy's response cache: keys with a TTL, least recently used evicted, hits and
 * misses per second (for `cache.hitRatio` checks). The proxy never hears of writes, so it serves
 * the old page until the entry expires. A hit is a stale read (DESIGN §3) when the version the
 * cached response holds is older than the newest one acknowledged to a client before the read was
 * sent — the version the database (or an app's cache) answered with, relayed back with the
 * response. A response whose version nobody reported (an upstream without a database) is judged
 * by time instead: stale if a write of its key was acknowledged after the response left the
 * upstream ("as of") and before the read was sent.
 */
export class ResponseCache {
  private readonly store: KeyStore;
  hits = 0;
  misses = 0;
  private readonly hitSeries = new SecondSeries();
  private readonly missSeries = new SecondSeries();
  /** key → when the cached response left the upstream (ms). */
  private asOfMs = new Float64Array(1024);

  constructor(capacity: number, ttlMs: number, rng: RandomStream) {
    this.store = new KeyStore(capacity, 'lru', ttlMs, rng);
  }

  /** A lookup, counted as a hit or a miss. */
  lookup(key: number, nowMs: number): boolean {
    const second = Math.floor(nowMs / 1000);
    if (this.store.get(key, nowMs)) {
      this.hits++;
      this.hitSeries.add(second, 1);
      return true;
    }
    this.misses++;
    this.missSeries.add(second, 1);
    return false;
  }

  fill(key: number, nowMs: number, asOfMs: number, version: number, sink: number): void {
    this.store.set(key, nowMs, version, sink);
    if (key < 0) return;
    if (key >= this.asOfMs.length) {
      let length = this.asOfMs.length;
      while (length <= key) length *= 2;
      const next = new Float64Array(length);
      next.set(this.asOfMs);
      this.asOfMs = next;
    }
    this.asOfMs[key] = asOfMs;
  }

  /** Is the copy of `key` the last `lookup` hit older than a write acknowledged before `sentMs`? */
  isStale(key: number, sentMs: number, consistency: Consistency): boolean {
    const sink = this.store.hitSink;
    if (sink >= 0) return this.store.hitVersion < consistency.sinks[sink].requiredVersion(key, sentMs);
    return key >= 0 && key < this.asOfMs.length && consistency.ackedBetween(key, this.asOfMs[key], sentMs);
  }

  configure(capacity: number, ttlMs: number, nowMs: number): void {
    this.store.setTtl(ttlMs, nowMs);
    this.store.setCapacity(capacity, nowMs);
  }

  clear(): void {
    this.store.clear();
  }

  liveKeys(nowMs: number): number {
    return this.store.liveKeys(nowMs);
  }

  hitRatioIn(fromS: number, toS: number): number | null {
    const hits = this.hitSeries.sum(fromS, toS);
    const lookups = hits + this.missSeries.sum(fromS, toS);
    return lookups === 0 ? null : hits / lookups;
  }
}
