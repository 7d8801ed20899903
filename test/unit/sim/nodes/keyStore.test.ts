import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyStore } from '../../../../shared/sim/nodes/cache/keyStore';
import { createStream } from '../../../../shared/sim/random';

/** Obvious O(n) reference: entries in an array, policy applied literally. */
class ReferenceStore {
  entries: { key: number; uses: number; touched: number; inserted: number; expires: number }[] = [];
  private clock = 0;
  constructor(
    private readonly capacity: number,
    private readonly eviction: 'lru' | 'fifo' | 'lfu',
    private readonly ttlMs: number,
  ) {}
  get(key: number, now: number): boolean {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry) return false;
    if (this.ttlMs > 0 && entry.expires <= now) {
      this.entries = this.entries.filter((e) => e !== entry);
      return false;
    }
    entry.uses++;
    entry.touched = ++this.clock;
    return true;
  }
  set(key: number, now: number): void {
    const entry = this.entries.find((e) => e.key === key);
    if (entry) {
      entry.expires = now + this.ttlMs;
      entry.touched = ++this.clock; // refresh counts as a use for recency (not for frequency)
      return;
    }
    if (this.entries.length >= this.capacity) {
      const victim = [...this.entries].sort((a, b) =>
        this.eviction === 'lru' ? a.touched - b.touched : this.eviction === 'fifo' ? a.inserted - b.inserted : a.uses - b.uses || a.touched - b.touched,
      )[0];
      this.entries = this.entries.filter((e) => e !== victim);
    }
    const stamp = ++this.clock;
    this.entries.push({ key, uses: 1, touched: stamp, inserted: stamp, expires: now + this.ttlMs });
  }
  delete(key: number): void {
    this.entries = this.entries.filter((e) => e.key !== key);
  }
}

const op = fc.record({
  kind: fc.constantFrom('get', 'get', 'set', 'set', 'delete', 'clear'),
  key: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(5_000_000, 5_000_001, 2 ** 30)),
  dt: fc.integer({ min: 0, max: 5 }),
});

describe('KeyStore', () => {
  for (const eviction of ['lru', 'fifo', 'lfu'] as const) {
    it(`${eviction}: same hits and contents as an obvious reference`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 7), fc.array(op, { maxLength: 200 }), (capacity, ttlMs, ops) => {
          const store = new KeyStore(capacity, eviction, ttlMs, createStream(1, 'ks'));
          let reference = new ReferenceStore(capacity, eviction, ttlMs);
          let now = 0;
          for (const { kind, key, dt } of ops) {
            now += dt;
            if (kind === 'get') expect(store.get(key, now)).toBe(reference.get(key, now));
            else if (kind === 'set') {
              store.set(key, now);
              reference.set(key, now);
            } else if (kind === 'delete') {
              store.delete(key);
              reference.delete(key);
            } else {
              store.clear();
              reference = new ReferenceStore(capacity, eviction, ttlMs);
            }
            expect(store.size).toBe(reference.entries.length);
          }
        }),
        { numRuns: 300, seed: 11 },
      );
    });
  }

  it('random eviction keeps size ≤ capacity and only evicts on insert', () => {
    const store = new KeyStore(3, 'random', 0, createStream(1, 'r'));
    for (let k = 0; k < 100; k++) {
      store.set(k, 0);
      expect(store.size).toBe(Math.min(3, k + 1));
      expect(store.get(k, 0)).toBe(true);
    }
  });
});
