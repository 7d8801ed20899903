import { describe, expect, it } from 'vitest';
import { createStream, createZipf } from '../../../../shared/sim/random';
import { KeyStore } from '../../../../shared/sim/nodes/cache/keyStore';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';
import { characteristicTimeHitRatio, lruOccupancy } from '../helpers/characteristicTime';

/** Che's approximation of an LRU cache (see helpers/characteristicTime). */
function cheHitRatio(probabilities: number[], capacity: number): number {
  return characteristicTimeHitRatio(probabilities, capacity, lruOccupancy);
}

describe('LRU hit ratio under Zipf against Che', () => {
  const keys = 5000;
  const capacity = 500;
  const s = 0.9;
  const zipf = createZipf(keys, s);
  const probabilities = Array.from({ length: keys }, (_, k) => zipf.probability(k));
  const expected = cheHitRatio(probabilities, capacity);

  it('the key store (400k lookups after 100k warm-up) is within 0.015 of Che', () => {
    // 400k get-then-set-on-miss operations: the binomial SE of the hit ratio is ≈ 0.001 (and
    // LRU's state mixes within a few thousand requests), so 0.015 covers Che's own ≈ 1 % error.
    const rng = createStream(3, 'che');
    const store = new KeyStore(capacity, 'lru', 0, rng);
    let hits = 0;
    let lookups = 0;
    for (let i = 0; i < 500_000; i++) {
      const key = zipf.sample(rng);
      const hit = store.get(key, i);
      if (!hit) store.set(key, i);
      if (i >= 100_000) {
        lookups++;
        if (hit) hits++;
      }
    }
    expect(store.size).toBe(capacity);
    expect(Math.abs(hits / lookups - expected)).toBeLessThan(0.015);
  });

  it('FIFO does worse than LRU, and LFU better, on the same stream (sanity of the policies)', () => {
    const ratio = (eviction: 'lru' | 'fifo' | 'lfu' | 'random'): number => {
      const rng = createStream(4, 'policy');
      const store = new KeyStore(capacity, eviction, 0, rng);
      let hits = 0;
      for (let i = 0; i < 200_000; i++) {
        const key = zipf.sample(rng);
        if (store.get(key, i)) hits++;
        else store.set(key, i);
      }
      return hits / 200_000;
    };
    const lru = ratio('lru');
    expect(ratio('fifo')).toBeLessThan(lru);
    expect(ratio('random')).toBeLessThan(lru);
    expect(ratio('lfu')).toBeGreaterThan(lru);
  });

  it('a full app + cache-aside + db run reports a hit ratio within 0.02 of Che', () => {
    // 60 s at 2000 rps = 120k reads (≈ 12 % are the first 10 s warm-up misses of a cold cache,
    // which the whole-run ratio includes; the window check below starts at 10 s). SE ≈ 0.002.
    const doc = makeDocument({
      durationS: 60,
      nodes: [
        { id: 'users', kind: 'client', config: { rps: 2000, writeRatio: 0, keys: { count: keys, distribution: 'zipf', zipfS: s } } },
        { id: 'app', kind: 'app', config: { workers: 64, serviceMs: 0.1 } },
        { id: 'cache', kind: 'cache', config: { capacity, eviction: 'lru', serviceMs: 0.01 } },
        { id: 'db', kind: 'db', config: { readMs: 1 } },
      ],
      links: [
        { from: 'users', to: 'app' },
        { from: 'app', to: 'cache' },
        { from: 'app', to: 'db' },
      ],
      checks: [{ id: 'warm', metric: 'cache.hitRatio', node: 'cache', op: '>', value: 0, fromS: 10 }],
    });
    const report = new Simulation(doc).finish();
    expect(report.requests.ok).toBe(report.requests.total);
    const warm = report.checks[0].actual!;
    expect(Math.abs(warm - expected)).toBeLessThan(0.02);
    expect(report.nodes.cache.keys).toBe(capacity);
  });
});
