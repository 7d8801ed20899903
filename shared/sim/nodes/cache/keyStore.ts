import type { CacheConfig } from '../../../model/types';
import type { RandomStream } from '../../random';

export type Eviction = CacheConfig['eviction'];

/**
 * A bounded key set with TTL and an eviction policy, O(1) per operation for every policy:
 *  - lru / fifo: a doubly-linked list through entry slots (typed arrays), most recent at the
 *    head; a hit moves the entry to the head for lru only; the tail is evicted;
 *  - lfu: one list per use count (heads/tails in Maps keyed by count) and the minimum count
 *    tracked — the classic O(1) LFU; ties evict the least recently used of the least used;
 *  - random: a uniformly random resident entry (entry slots are kept dense for that).
 * The policy can change mid-run ({@link KeyStore.setEviction}): the lists are rebuilt from the entries held.
 *
 * TTL: an entry's expiry is fixed when it is filled (a miss's set, a refresh), with the TTL then in
 * force; a later TTL change applies to later fills, except that entries filled while there was no
 * TTL start the new one when it is switched on ({@link KeyStore.setTtl}). Expired entries are removed when looked up, and when the store is full an
 * expired entry is evicted before the policy's victim (it is worthless; evicting a live key instead
 * would cost hits). For that, entries that expire are also linked in expiry order (earliest first):
 * with a constant TTL every fill goes to the latest end, O(1); after a TTL change a fill walks from
 * the latest end to its place. A store that never had a TTL never touches (nor allocates) that list.
 *
 * Keys map to slots through a direct Int32Array index for keys below {@link DIRECT_KEYS} (client
 * key spaces are 0..count−1, so this is the common case and avoids hashing), and a Map beyond.
 */
/** Keys below this use the direct index (4 bytes per key of the space actually touched). */
const DIRECT_KEYS = 1 << 22;

export class KeyStore {
  /** key → slot + 1 (0 = absent) for small keys; grown on demand. */
  private direct = new Int32Array(1024);
  private readonly far = new Map<number, number>();
  private count = 0;
  private keys: Int32Array;
  private expires: Float64Array;
  private prev: Int32Array;
  private next: Int32Array;
  private uses: Int32Array;
  /** 1 once a refresh-ahead was asked for the entry's current value (cleared by the next set). */
  private refreshAsked: Uint8Array;
  /**
   * Version of the value held and the db cluster (consistency sink) it came from, so a hit can be
   * judged stale like a database read; Infinity / −1 when unknown (never judged).
   */
  private versions: Float64Array;
  private sinks: Int32Array;
  /**
   * Expiry order of the entries with a finite expiry (earliest first), and the TTL each was filled
   * with (for refresh-ahead); empty until the first fill under a TTL.
   */
  private expiryPrev: Int32Array = new Int32Array(0);
  private expiryNext: Int32Array = new Int32Array(0);
  private lifetimes: Float64Array = new Float64Array(0);
  private earliest = -1;
  private latest = -1;
  private head = -1;
  private tail = -1;
  private readonly lfuHeads = new Map<number, number>();
  private readonly lfuTails = new Map<number, number>();
  private minUses = 0;
  private policy: Eviction;

  constructor(
    private capacity: number,
    eviction: Eviction,
    /** TTL given to entries filled from now on (0: they never expire); change it with setTtl. */
    public ttlMs: number,
    private readonly rng: RandomStream,
  ) {
    this.policy = eviction;
    const size = Math.max(1, Math.min(capacity, 1 << 16));
    this.keys = new Int32Array(size);
    this.expires = new Float64Array(size);
    this.prev = new Int32Array(size);
    this.next = new Int32Array(size);
    this.uses = new Int32Array(size);
    this.refreshAsked = new Uint8Array(size);
    this.versions = new Float64Array(size);
    this.sinks = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  get eviction(): Eviction {
    return this.policy;
  }

  /**
   * Changes the eviction policy mid-run, rebuilding the policy's structures from the entries held,
   * in the old policy's order where it has one (least to most recently / frequently used; fifo:
   * oldest first), else (random) in slot order. Entering lfu, every entry starts at one use (the
   * other policies do not count uses), so ties go to the least recent. Random keeps its slots and
   * draws as before.
   */
  setEviction(eviction: Eviction): void {
    if (eviction === this.policy) return;
    const order = this.orderOfUse();
    this.policy = eviction;
    this.head = -1;
    this.tail = -1;
    this.lfuHeads.clear();
    this.lfuTails.clear();
    this.minUses = 0;
    if (eviction === 'random') return;
    for (const slot of order) {
      if (eviction === 'lfu') {
        this.uses[slot] = 1;
        this.lfuPush(slot);
      } else {
        this.pushHead(slot);
      }
    }
    if (eviction === 'lfu' && this.count > 0) this.minUses = 1;
  }

  /** Slots from the next to evict to the last, in the current policy's order (random: slot order). */
  private orderOfUse(): number[] {
    const order: number[] = [];
    if (this.policy === 'random') {
      for (let slot = 0; slot < this.count; slot++) order.push(slot);
    } else if (this.policy === 'lfu') {
      const counts = [...this.lfuTails.keys()].sort((a, b) => a - b);
      for (const uses of counts) for (let slot = this.lfuTails.get(uses)!; slot >= 0; slot = this.prev[slot]) order.push(slot);
    } else {
      for (let slot = this.tail; slot >= 0; slot = this.prev[slot]) order.push(slot);
    }
    return order;
  }

  /** Keys held and not expired at `nowMs`. */
  liveKeys(nowMs: number): number {
    let expired = 0;
    for (let slot = this.earliest; slot >= 0 && this.expires[slot] <= nowMs; slot = this.expiryNext[slot]) expired++;
    return this.count - expired;
  }

  /** Slot of `key`, or -1. */
  private slotOf(key: number): number {
    if (key >= 0 && key < this.direct.length) return this.direct[key] - 1;
    if (key >= 0 && key < DIRECT_KEYS) return -1;
    return this.far.get(key) ?? -1;
  }

  private setSlot(key: number, slot: number): void {
    if (key >= 0 && key < DIRECT_KEYS) {
      if (key >= this.direct.length) {
        let length = this.direct.length;
        while (length <= key) length *= 2;
        const next = new Int32Array(length);
        next.set(this.direct);
        this.direct = next;
      }
      this.direct[key] = slot + 1;
    } else {
      this.far.set(key, slot);
    }
  }

  private unsetSlot(key: number): void {
    if (key >= 0 && key < DIRECT_KEYS) {
      if (key < this.direct.length) this.direct[key] = 0;
    } else {
      this.far.delete(key);
    }
  }

  /** A lookup: true on a hit (and records the use). An expired entry is removed and misses. */
  get(key: number, nowMs: number): boolean {
    const slot = this.slotOf(key);
    if (slot < 0) return false;
    if (this.expires[slot] <= nowMs) {
      this.remove(key);
      return false;
    }
    this.hitVersion = this.versions[slot];
    this.hitSink = this.sinks[slot];
    if (this.policy === 'lru') {
      this.unlink(slot);
      this.pushHead(slot);
    } else if (this.policy === 'lfu') {
      this.lfuUnlink(slot);
      this.uses[slot]++;
      this.lfuPush(slot);
      if (this.lfuHeads.get(this.minUses) === undefined) this.minUses++;
    }
    return true;
  }

  /**
   * Refresh-ahead: after a hit on `key`, true the first time its remaining time to live is below
   * `fraction` of the TTL it was filled with (later hits on the same value say false, so one refresh
   * is asked per value). Never for an entry that does not expire.
   */
  askRefresh(key: number, nowMs: number, fraction: number): boolean {
    const slot = this.slotOf(key);
    if (slot < 0 || this.expires[slot] === Infinity || this.refreshAsked[slot] === 1) return false;
    if (this.expires[slot] - nowMs >= fraction * this.lifetimes[slot]) return false;
    this.refreshAsked[slot] = 1;
    return true;
  }

  /** Version and source of the value the last hit of `get` returned (Infinity / −1: unknown). */
  hitVersion = Infinity;
  hitSink = -1;

  /** Inserts or refreshes `key` (a set after a miss, a write-through…), holding `version` from `sink`. */
  set(key: number, nowMs: number, version = Infinity, sink = -1): void {
    if (this.capacity <= 0) return;
    const existing = this.slotOf(key);
    if (existing >= 0) {
      if (this.expires[existing] !== Infinity) this.expiryUnlink(existing);
      this.fillExpiry(existing, nowMs);
      this.refreshAsked[existing] = 0;
      this.versions[existing] = version;
      this.sinks[existing] = sink;
      if (this.policy === 'lru') {
        this.unlink(existing);
        this.pushHead(existing);
      } else if (this.policy === 'lfu') {
        // A refresh is not a use, but it is the most recent touch: it wins ties of equal use.
        this.lfuUnlink(existing);
        this.lfuPush(existing);
      }
      return;
    }
    if (this.count >= this.capacity) this.evictOne(nowMs);
    const slot = this.count++;
    if (slot >= this.keys.length) this.grow();
    this.setSlot(key, slot);
    this.keys[slot] = key;
    this.fillExpiry(slot, nowMs);
    this.refreshAsked[slot] = 0;
    this.versions[slot] = version;
    this.sinks[slot] = sink;
    if (this.policy === 'lfu') {
      this.uses[slot] = 1;
      this.lfuPush(slot);
      this.minUses = 1;
    } else if (this.policy !== 'random') {
      this.pushHead(slot);
    }
  }

  /**
   * A new TTL applies to later fills. Entries held without one (filled while there was no TTL)
   * start it now: a TTL switched on mid-run would otherwise never reach the keys of a cache that
   * always hits. Entries filled under a TTL keep the expiry they were filled with.
   */
  setTtl(ttlMs: number, nowMs: number): void {
    this.ttlMs = ttlMs;
    if (ttlMs <= 0) return;
    for (let slot = 0; slot < this.count; slot++) if (this.expires[slot] === Infinity) this.fillExpiry(slot, nowMs);
  }

  /** Fixes the expiry of the value just filled into `slot` (not linked in expiry order yet): now + TTL, or never. */
  private fillExpiry(slot: number, nowMs: number): void {
    if (this.ttlMs <= 0) {
      this.expires[slot] = Infinity;
      return;
    }
    if (this.expiryPrev.length !== this.keys.length) this.sizeExpiryArrays();
    const expires = nowMs + this.ttlMs;
    this.expires[slot] = expires;
    this.lifetimes[slot] = this.ttlMs;
    // Insert after the latest entry expiring no later (equal expiries keep fill order).
    let before = this.latest;
    while (before >= 0 && this.expires[before] > expires) before = this.expiryPrev[before];
    const after = before >= 0 ? this.expiryNext[before] : this.earliest;
    this.expiryPrev[slot] = before;
    this.expiryNext[slot] = after;
    if (before >= 0) this.expiryNext[before] = slot;
    else this.earliest = slot;
    if (after >= 0) this.expiryPrev[after] = slot;
    else this.latest = slot;
  }

  private expiryUnlink(slot: number): void {
    const p = this.expiryPrev[slot];
    const n = this.expiryNext[slot];
    if (p >= 0) this.expiryNext[p] = n;
    else this.earliest = n;
    if (n >= 0) this.expiryPrev[n] = p;
    else this.latest = p;
  }

  /** Invalidation (a write under cache-aside). */
  delete(key: number): void {
    if (this.slotOf(key) >= 0) this.remove(key);
  }

  clear(): void {
    for (let slot = 0; slot < this.count; slot++) this.unsetSlot(this.keys[slot]);
    this.count = 0;
    this.lfuHeads.clear();
    this.lfuTails.clear();
    this.head = -1;
    this.tail = -1;
    this.earliest = -1;
    this.latest = -1;
    this.minUses = 0;
  }

  /** Sets the capacity; shrinking evicts expired entries (at `nowMs`) first, then the policy's victims. */
  setCapacity(capacity: number, nowMs: number): void {
    this.capacity = capacity;
    while (this.count > Math.max(0, capacity)) this.evictOne(nowMs);
  }

  /** Evicts the earliest-expiring entry if it has expired at `nowMs`, else the policy's victim. */
  private evictOne(nowMs: number): void {
    if (this.earliest >= 0 && this.expires[this.earliest] <= nowMs) {
      this.remove(this.keys[this.earliest]);
      return;
    }
    let victim: number;
    if (this.policy === 'random') victim = this.rng.int(this.count);
    else if (this.policy === 'lfu') victim = this.lfuTails.get(this.minUses) ?? this.anyLfuTail();
    else victim = this.tail;
    this.remove(this.keys[victim]);
  }

  private anyLfuTail(): number {
    // minUses never exceeds the least count held, and is exact except after a removal (delete,
    // expiry, a smaller capacity) emptied its list; then the least count is looked up here.
    let best = Infinity;
    for (const uses of this.lfuTails.keys()) if (uses < best) best = uses;
    this.minUses = best;
    return this.lfuTails.get(best) ?? 0;
  }

  /** Removes `key` and moves the last slot into the hole, so slots stay dense (random eviction). */
  private remove(key: number): void {
    const slot = this.slotOf(key);
    if (this.policy === 'lfu') this.lfuUnlink(slot);
    else if (this.policy !== 'random') this.unlink(slot);
    if (this.expires[slot] !== Infinity) this.expiryUnlink(slot);
    this.unsetSlot(key);
    const last = --this.count;
    if (slot === last) return;
    // Move entry `last` into `slot`, fixing its list neighbours.
    const movedKey = this.keys[last];
    this.keys[slot] = movedKey;
    this.expires[slot] = this.expires[last];
    this.uses[slot] = this.uses[last];
    this.refreshAsked[slot] = this.refreshAsked[last];
    this.versions[slot] = this.versions[last];
    this.sinks[slot] = this.sinks[last];
    this.setSlot(movedKey, slot);
    if (this.expires[slot] !== Infinity) {
      const ep = this.expiryPrev[last];
      const en = this.expiryNext[last];
      this.expiryPrev[slot] = ep;
      this.expiryNext[slot] = en;
      this.lifetimes[slot] = this.lifetimes[last];
      if (ep >= 0) this.expiryNext[ep] = slot;
      else this.earliest = slot;
      if (en >= 0) this.expiryPrev[en] = slot;
      else this.latest = slot;
    }
    if (this.policy === 'random') return;
    const p = this.prev[last];
    const n = this.next[last];
    this.prev[slot] = p;
    this.next[slot] = n;
    if (this.policy === 'lfu') {
      const uses = this.uses[slot];
      if (p >= 0) this.next[p] = slot;
      else this.lfuHeads.set(uses, slot);
      if (n >= 0) this.prev[n] = slot;
      else this.lfuTails.set(uses, slot);
    } else {
      if (p >= 0) this.next[p] = slot;
      else this.head = slot;
      if (n >= 0) this.prev[n] = slot;
      else this.tail = slot;
    }
  }

  private pushHead(slot: number): void {
    this.prev[slot] = -1;
    this.next[slot] = this.head;
    if (this.head >= 0) this.prev[this.head] = slot;
    this.head = slot;
    if (this.tail < 0) this.tail = slot;
  }

  private unlink(slot: number): void {
    const p = this.prev[slot];
    const n = this.next[slot];
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
  }

  private lfuPush(slot: number): void {
    const uses = this.uses[slot];
    const head = this.lfuHeads.get(uses);
    this.prev[slot] = -1;
    this.next[slot] = head ?? -1;
    if (head !== undefined) this.prev[head] = slot;
    else this.lfuTails.set(uses, slot);
    this.lfuHeads.set(uses, slot);
  }

  private lfuUnlink(slot: number): void {
    const uses = this.uses[slot];
    const p = this.prev[slot];
    const n = this.next[slot];
    if (p >= 0) this.next[p] = n;
    else if (n >= 0) this.lfuHeads.set(uses, n);
    else this.lfuHeads.delete(uses);
    if (n >= 0) this.prev[n] = p;
    else if (p >= 0) this.lfuTails.set(uses, p);
    else this.lfuTails.delete(uses);
  }

  /** The expiry-order arrays at the entry arrays' size (allocated on the first fill under a TTL). */
  private sizeExpiryArrays(): void {
    const size = this.keys.length;
    this.expiryPrev = resize(this.expiryPrev, size);
    this.expiryNext = resize(this.expiryNext, size);
    this.lifetimes = resize(this.lifetimes, size);
  }

  private grow(): void {
    const size = Math.min(this.keys.length * 2, Math.max(this.capacity, 1));
    this.keys = resize(this.keys, size);
    this.expires = resize(this.expires, size);
    this.prev = resize(this.prev, size);
    this.next = resize(this.next, size);
    this.uses = resize(this.uses, size);
    this.refreshAsked = resize(this.refreshAsked, size);
    this.versions = resize(this.versions, size);
    this.sinks = resize(this.sinks, size);
    if (this.expiryPrev.length > 0) this.sizeExpiryArrays();
  }
}

function resize<T extends Int32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  const Constructor = array.constructor as new (length: number) => T;
  const next = new Constructor(size);
  next.set(array);
  return next;
}
