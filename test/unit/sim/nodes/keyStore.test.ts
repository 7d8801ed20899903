import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyStore, type Eviction } from '../../../../shared/sim/nodes/cache/keyStore';
import { createStream, type RandomStream } from '../../../../shared/sim/random';

interface Entry {
  key: number;
  uses: number;
  touched: number;
  inserted: number;
  expires: number;
  asked: boolean;
}

/**
 * Obvious O(n) reference: entries in an array kept like the store's slots (a removal moves the last
 * entry into the hole, so random eviction picks the same entry for the same draw), policy applied
 * literally by sorting.
 */
class ReferenceStore {
  entries: Entry[] = [];
  private clock = 0;
  constructor(
    private capacity: number,
    public eviction: Eviction,
    public ttlMs: number,
    private readonly rng: RandomStream,
  ) {}
  private order(policy: Eviction): Entry[] {
    if (policy === 'random') return [...this.entries];
    return [...this.entries].sort((a, b) =>
      policy === 'lru' ? a.touched - b.touched : policy === 'fifo' ? a.inserted - b.inserted : a.uses - b.uses || a.touched - b.touched,
    );
  }
  private removeEntry(entry: Entry): void {
    const index = this.entries.indexOf(entry);
    const last = this.entries.pop()!;
    if (last !== entry) this.entries[index] = last;
  }
  private fill(entry: Entry, now: number): void {
    entry.expires = now + this.ttlMs;
    entry.asked = false;
  }
  private evictOne(): void {
    if (this.eviction === 'random') this.removeEntry(this.entries[this.rng.int(this.entries.length)]);
    else this.removeEntry(this.order(this.eviction)[0]);
  }
  get(key: number, now: number): boolean {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry) return false;
    if (this.ttlMs > 0 && entry.expires <= now) {
      this.removeEntry(entry);
      return false;
    }
    entry.uses++;
    entry.touched = ++this.clock;
    return true;
  }
  askRefresh(key: number, now: number, fraction: number): boolean {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry || this.ttlMs <= 0 || entry.asked || entry.expires - now >= fraction * this.ttlMs) return false;
    entry.asked = true;
    return true;
  }
  set(key: number, now: number): void {
    if (this.capacity <= 0) return;
    const entry = this.entries.find((e) => e.key === key);
    if (entry) {
      this.fill(entry, now);
      entry.touched = ++this.clock; // refresh counts as a use for recency (not for frequency)
      return;
    }
    if (this.entries.length >= this.capacity) this.evictOne();
    const stamp = ++this.clock;
    const added: Entry = { key, uses: 1, touched: stamp, inserted: stamp, expires: 0, asked: false };
    this.fill(added, now);
    this.entries.push(added);
  }
  delete(key: number): void {
    const entry = this.entries.find((e) => e.key === key);
    if (entry) this.removeEntry(entry);
  }
  clear(): void {
    this.entries = [];
  }
  setCapacity(capacity: number): void {
    this.capacity = capacity;
    while (this.entries.length > Math.max(0, capacity)) this.evictOne();
  }
  /** The new policy takes over the old one's order (least to most recent/used; random: slot order); lfu counts restart at 1. */
  setEviction(eviction: Eviction): void {
    if (eviction === this.eviction) return;
    for (const entry of this.order(this.eviction)) {
      entry.touched = entry.inserted = ++this.clock;
      if (eviction === 'lfu') entry.uses = 1;
    }
    this.eviction = eviction;
  }
  liveKeys(now: number): number {
    return this.ttlMs > 0 ? this.entries.filter((e) => e.expires > now).length : this.entries.length;
  }
}

const POLICIES = ['lru', 'fifo', 'lfu', 'random'] as const;

const op = fc.record({
  kind: fc.constantFrom('get', 'get', 'get', 'set', 'set', 'set', 'delete', 'clear', 'eviction', 'capacity'),
  key: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: fc.constantFrom(5_000_000, 5_000_001, 2 ** 30) }),
  dt: fc.integer({ min: 0, max: 5 }),
  eviction: fc.constantFrom(...POLICIES),
  capacity: fc.integer({ min: 0, max: 6 }),
});

function runAgainstReference(
  eviction: Eviction,
  capacity: number,
  ttlMs: number,
  ops: { kind: string; key: number; dt: number; eviction: Eviction; capacity: number }[],
  allowed: Set<string>,
): void {
  const store = new KeyStore(capacity, eviction, ttlMs, createStream(1, 'ks'));
  const reference = new ReferenceStore(capacity, eviction, ttlMs, createStream(1, 'ks'));
  let now = 0;
  for (const o of ops) {
    if (!allowed.has(o.kind)) continue;
    now += o.dt;
    if (o.kind === 'get') {
      const hit = store.get(o.key, now);
      expect(hit).toBe(reference.get(o.key, now));
      if (hit) expect(store.askRefresh(o.key, now, 0.5)).toBe(reference.askRefresh(o.key, now, 0.5));
    } else if (o.kind === 'set') {
      store.set(o.key, now);
      reference.set(o.key, now);
    } else if (o.kind === 'delete') {
      store.delete(o.key);
      reference.delete(o.key);
    } else if (o.kind === 'clear') {
      store.clear();
      reference.clear();
    } else if (o.kind === 'eviction') {
      store.setEviction(o.eviction);
      reference.setEviction(o.eviction);
    } else {
      store.setCapacity(o.capacity);
      reference.setCapacity(o.capacity);
    }
    expect(store.size).toBe(reference.entries.length);
    expect(store.liveKeys(now)).toBe(reference.liveKeys(now));
  }
  // Same contents, key by key.
  for (const entry of reference.entries) expect(store.get(entry.key, now)).toBe(ttlMs <= 0 || entry.expires > now);
}

describe('KeyStore', () => {
  const basic = new Set(['get', 'set', 'delete', 'clear']);
  for (const eviction of POLICIES) {
    it(`${eviction}: same hits, refresh-ahead asks and contents as an obvious reference`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 7), fc.array(op, { maxLength: 200, size: 'max' }), (capacity, ttlMs, ops) => {
          runAgainstReference(eviction, capacity, ttlMs, ops, basic);
        }),
        { numRuns: 300, seed: 11 },
      );
    });
  }

  it('policy and capacity changes mid-run: same hits and contents as the reference', () => {
    const all = new Set(['get', 'set', 'delete', 'clear', 'eviction', 'capacity']);
    fc.assert(
      fc.property(fc.constantFrom(...POLICIES), fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 7), fc.array(op, { maxLength: 300, size: 'max' }), (eviction, capacity, ttlMs, ops) => {
        runAgainstReference(eviction, capacity, ttlMs, ops, all);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('random eviction keeps size ≤ capacity and only evicts on insert', () => {
    const store = new KeyStore(3, 'random', 0, createStream(1, 'r'));
    for (let k = 0; k < 100; k++) {
      store.set(k, 0);
      expect(store.size).toBe(Math.min(3, k + 1));
      expect(store.get(k, 0)).toBe(true);
    }
  });

  describe('switching the eviction policy mid-run', () => {
    it('random → lru: the entries held enter in slot order, and LRU evicts the least recent', () => {
      const store = new KeyStore(3, 'random', 0, createStream(1, 'switch'));
      for (const key of [10, 11, 12]) store.set(key, 0);
      store.setEviction('lru');
      expect(store.get(10, 1)).toBe(true); // order now 11, 12, 10
      store.set(13, 2); // evicts 11
      expect(store.get(11, 3)).toBe(false);
      store.set(14, 4); // evicts 12
      expect(store.get(12, 5)).toBe(false);
      for (const key of [10, 13, 14]) expect(store.get(key, 6)).toBe(true);
    });

    it('random → fifo: the held entries are evicted before later fills', () => {
      const store = new KeyStore(3, 'random', 0, createStream(1, 'switch'));
      for (const key of [10, 11, 12]) store.set(key, 0);
      store.setEviction('fifo');
      for (const key of [13, 14, 15]) store.set(key, 1);
      for (const key of [10, 11, 12]) expect(store.get(key, 2)).toBe(false);
      for (const key of [13, 14, 15]) expect(store.get(key, 2)).toBe(true);
    });

    it('lru → lfu: counts restart at 1 and ties go to the least recent', () => {
      const store = new KeyStore(3, 'lru', 0, createStream(1, 'switch'));
      for (const key of [10, 11, 12]) store.set(key, 0);
      for (let i = 0; i < 5; i++) store.get(10, 1); // lru order 11, 12, 10
      store.setEviction('lfu');
      store.get(11, 2); // 11 has 2 uses, 12 and 10 one (12 less recent)
      store.set(13, 3); // evicts 12
      expect(store.get(12, 4)).toBe(false);
      store.set(14, 5); // 10 (1 use, before 13) goes
      expect(store.get(10, 6)).toBe(false);
      for (const key of [11, 13, 14]) expect(store.get(key, 7)).toBe(true);
    });

    it('lfu → lru → lfu and back to random keep every structure consistent', () => {
      const rng = createStream(5, 'cycle');
      const store = new KeyStore(20, 'lfu', 0, rng);
      const policies: Eviction[] = ['lru', 'random', 'fifo', 'lfu', 'lru', 'lfu', 'random'];
      for (let i = 0; i < 20_000; i++) {
        if (i % 2000 === 1999) store.setEviction(policies[((i / 2000) | 0) % policies.length]);
        const key = Math.floor(rng.next() * 60);
        if (!store.get(key, i)) store.set(key, i);
        expect(store.size).toBeLessThanOrEqual(20);
      }
      // Every key still held is found, and filling new keys evicts exactly one each.
      for (let k = 1000; k < 1040; k++) store.set(k, 30_000);
      expect(store.size).toBe(20);
      for (let k = 1020; k < 1040; k++) expect(store.get(k, 30_001)).toBe(true);
    });
  });
});
