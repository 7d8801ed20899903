import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyStore, type Eviction } from '../../../../shared/sim/nodes/cache/keyStore';
import { createStream, type RandomStream } from '../../../../shared/sim/random';

interface Entry {
  key: number;
  uses: number;
  touched: number;
  inserted: number;
  /** Stamp of the last fill (a new entry or a refresh): orders entries that expire at the same time. */
  filled: number;
  expires: number;
  lifetime: number;
  asked: boolean;
}

/**
 * Obvious O(n) reference: entries in an array kept like the store's slots (a removal moves the last
 * entry into the hole, so random eviction picks the same entry for the same draw), policy applied
 * literally by sorting. An entry's expiry is fixed at its fill with the TTL then in force (none ⇒
 * Infinity; a TTL switched on gives such entries one from then); a full store evicts the earliest-expiring expired entry before the policy's victim.
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
    entry.expires = this.ttlMs > 0 ? now + this.ttlMs : Infinity;
    entry.lifetime = this.ttlMs;
    entry.filled = ++this.clock;
    entry.asked = false;
  }
  private evictOne(now: number): void {
    const expired = this.entries.filter((e) => e.expires <= now).sort((a, b) => a.expires - b.expires || a.filled - b.filled);
    if (expired.length > 0) this.removeEntry(expired[0]);
    else if (this.eviction === 'random') this.removeEntry(this.entries[this.rng.int(this.entries.length)]);
    else this.removeEntry(this.order(this.eviction)[0]);
  }
  get(key: number, now: number): boolean {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry) return false;
    if (entry.expires <= now) {
      this.removeEntry(entry);
      return false;
    }
    entry.uses++;
    entry.touched = ++this.clock;
    return true;
  }
  askRefresh(key: number, now: number, fraction: number): boolean {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry || entry.expires === Infinity || entry.asked || entry.expires - now >= fraction * entry.lifetime) return false;
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
    if (this.entries.length >= this.capacity) this.evictOne(now);
    const stamp = ++this.clock;
    const added: Entry = { key, uses: 1, touched: stamp, inserted: stamp, filled: 0, expires: 0, lifetime: 0, asked: false };
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
  /** Entries held without a TTL start a new one now (in slot order, for ties); the others keep theirs. */
  setTtl(ttlMs: number, now: number): void {
    this.ttlMs = ttlMs;
    if (ttlMs <= 0) return;
    for (const entry of this.entries) {
      if (entry.expires !== Infinity) continue;
      entry.expires = now + ttlMs;
      entry.lifetime = ttlMs;
      entry.filled = ++this.clock;
    }
  }
  setCapacity(capacity: number, now: number): void {
    this.capacity = capacity;
    while (this.entries.length > Math.max(0, capacity)) this.evictOne(now);
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
    return this.entries.filter((e) => e.expires > now).length;
  }
}

const POLICIES = ['lru', 'fifo', 'lfu', 'random'] as const;

const op = fc.record({
  kind: fc.constantFrom('get', 'get', 'get', 'set', 'set', 'set', 'delete', 'clear', 'eviction', 'ttl', 'capacity'),
  key: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: fc.constantFrom(5_000_000, 5_000_001, 2 ** 30) }),
  dt: fc.integer({ min: 0, max: 5 }),
  eviction: fc.constantFrom(...POLICIES),
  ttlMs: fc.constantFrom(0, 3, 7, 20),
  capacity: fc.integer({ min: 0, max: 6 }),
});

function runAgainstReference(
  eviction: Eviction,
  capacity: number,
  ttlMs: number,
  ops: { kind: string; key: number; dt: number; eviction: Eviction; ttlMs: number; capacity: number }[],
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
    } else if (o.kind === 'ttl') {
      store.setTtl(o.ttlMs, now);
      reference.setTtl(o.ttlMs, now);
    } else {
      store.setCapacity(o.capacity, now);
      reference.setCapacity(o.capacity, now);
    }
    expect(store.size).toBe(reference.entries.length);
    expect(store.liveKeys(now)).toBe(reference.liveKeys(now));
  }
  // Same contents, key by key.
  for (const entry of reference.entries) expect(store.get(entry.key, now)).toBe(entry.expires > now);
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

  it('policy, TTL and capacity changes mid-run: same hits and contents as the reference', () => {
    const all = new Set(['get', 'set', 'delete', 'clear', 'eviction', 'ttl', 'capacity']);
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

  describe('TTL', () => {
    it('a full store evicts an expired entry before a live one (lfu would pick the live one)', () => {
      const store = new KeyStore(2, 'lfu', 10, createStream(1, 'ttl'));
      store.set(1, 0);
      for (let i = 0; i < 5; i++) store.get(1, 1); // 1: six uses, expires at 10
      store.set(2, 5); // 2: one use, expires at 15
      store.set(3, 11); // 1 expired: it goes, not 2
      expect(store.get(2, 12)).toBe(true);
      expect(store.get(3, 12)).toBe(true);
    });

    it('lru: an expired entry goes before the least recently used live one', () => {
      const store = new KeyStore(2, 'lru', 10, createStream(1, 'ttl'));
      store.set(1, 0);
      store.set(2, 3);
      store.get(1, 4); // 2 is least recent, but 1 expires first
      store.set(3, 10); // 1 expired at 10
      expect(store.get(2, 11)).toBe(true);
    });

    it('random: an expired entry goes without a draw', () => {
      const rng = createStream(1, 'ttl-random');
      const store = new KeyStore(2, 'random', 10, rng);
      store.set(1, 0);
      store.set(2, 5);
      store.set(3, 12);
      expect(store.get(2, 13)).toBe(true);
      expect(store.get(3, 13)).toBe(true);
      // The stream was not drawn from: its next value is the first of a fresh stream.
      expect(rng.next()).toBe(createStream(1, 'ttl-random').next());
    });

    it('expired entries go in expiry order, also after the TTL shrank', () => {
      const store = new KeyStore(3, 'lru', 100, createStream(1, 'ttl'));
      store.set(1, 0); // expires 100
      store.setTtl(10, 0);
      store.set(2, 1); // expires 11: earliest
      store.set(3, 2); // expires 12
      expect(store.liveKeys(50)).toBe(1);
      store.set(4, 50); // evicts 2 (earliest expired) though 1 is least recent
      store.set(5, 51); // evicts 3
      expect(store.get(1, 52)).toBe(true);
      expect(store.liveKeys(52)).toBe(3);
    });

    it('turning a TTL on starts it for entries filled without one, from that moment', () => {
      const store = new KeyStore(10, 'lru', 0, createStream(1, 'ttl'));
      store.set(1, 0);
      // Switched on at 4 s: key 1 (filled at 0 without a TTL) now expires at 5 s, not at once and not never.
      store.setTtl(1000, 4000);
      store.set(2, 4500); // expires 5.5 s
      expect(store.get(1, 4999)).toBe(true);
      expect(store.liveKeys(5000)).toBe(1);
      expect(store.get(1, 5000)).toBe(false);
      expect(store.get(2, 5499)).toBe(true);
      expect(store.get(2, 5500)).toBe(false);
    });

    it('turning the TTL off keeps the expiry of entries filled under it', () => {
      const store = new KeyStore(10, 'lru', 100, createStream(1, 'ttl'));
      store.set(1, 0);
      store.setTtl(0, 0);
      store.set(2, 0);
      expect(store.liveKeys(100)).toBe(1);
      expect(store.get(1, 100)).toBe(false);
      expect(store.get(2, 100)).toBe(true);
    });

    it('refresh-ahead judges the remaining life against the TTL the entry was filled with', () => {
      const store = new KeyStore(10, 'lru', 100_000, createStream(1, 'ttl'));
      store.set(1, 0);
      store.setTtl(1000, 0);
      expect(store.askRefresh(1, 40_000, 0.5)).toBe(false); // 60 s left of 100
      expect(store.askRefresh(1, 60_000, 0.5)).toBe(true); // 40 s left
      store.setTtl(0, 60_000);
      store.set(2, 0);
      expect(store.askRefresh(2, 1e9, 0.5)).toBe(false); // never expires
    });

    it('clear and a smaller capacity work with expiring entries (expired ones go first)', () => {
      const store = new KeyStore(4, 'lfu', 10, createStream(1, 'ttl'));
      for (const key of [1, 2, 3, 4]) store.set(key, key);
      store.get(1, 5);
      store.clear();
      expect(store.size).toBe(0);
      expect(store.liveKeys(0)).toBe(0);
      for (const key of [1, 2, 3, 4]) store.set(key, 100 + key); // expire 111..114
      for (let i = 0; i < 3; i++) store.get(1, 105);
      store.get(2, 105);
      store.setCapacity(2, 111.5); // 1 expired: it goes, then the least used (3)
      expect(store.size).toBe(2);
      expect(store.get(2, 111.5)).toBe(true);
      expect(store.get(4, 111.5)).toBe(true);
    });
  });
});
