import { grow } from '../../engine/growable';

/**
 * A db node's writes and replicated applies that are admitted but may not have taken effect yet,
 * so that a read sees the data as of the moment it *starts* executing, not as of when it arrived.
 *
 * The node's FIFO computes each job's start and end when the job arrives (no event at either), so
 * a read arriving behind a replicated apply is answered before the apply's `onServiceDone` has run.
 * Each write or apply is recorded here with the time it takes effect (its end in the FIFO), and a
 * read asks for the newest version in effect by its start time. Why the start: a single statement
 * reads one snapshot taken when it begins (PostgreSQL READ COMMITTED, InnoDB consistent reads);
 * a commit that lands while the statement runs is not part of its answer.
 *
 * Two kinds of entry, with how the node's `store` relates to them:
 *  - an apply (a replicated write): reaches `store` at its end (`onServiceDone`). Until then a
 *    read that starts at or after that end sees it from here. A crash voids the applies in the
 *    FIFO: the call dies with them, so an entry counts only while its call slot has the same gen.
 *  - a write on a primary: already in `store` from its admission (the cluster's books need that),
 *    but a read that starts before it ends must not see it. While a key has such writes in
 *    flight, its `floor` is what the key held without them (plus applies done since), and reads
 *    start from the floor instead of `store`.
 *
 * Memory: an entry is dropped once its end has passed (it is then in `store` / the floor, or
 * void), lazily when its key is next touched and in a sweep of every key whenever the pool has
 * doubled since the last sweep. What remains after a sweep is still in the FIFO, so the pool
 * holds at most about twice the node's `connections + queueLimit` entries (plus 64).
 */
/** Bytes per entry: next 4 + version 8 + endMs 8 + call 4 + gen 4 = 28. */
export const IN_FLIGHT_VERSION_ENTRY_BYTES = 28;

export class InFlightVersions {
  private next = new Int32Array(64);
  private version = new Float64Array(64);
  private endMs = new Float64Array(64);
  /** Call slot of an apply; −1 for a primary's own write (it takes effect whatever happens). */
  private call = new Int32Array(64);
  private gen = new Int32Array(64);
  private freeList = -1;
  private top = 0;
  private used = 0;
  private sweepAt = 64;
  /** Per key: its newest entry (each links to the one admitted before it). */
  private readonly heads = new Map<number, number>();
  /** Per key with a primary's write in flight: the newest version without those writes. */
  private readonly floors = new Map<number, number>();

  /** `calls.gen` tells a live apply from a void one (its call died in a crash). */
  constructor(private readonly calls: { readonly gen: Int32Array }) {}

  /** Entries held (for the memory figures of `npm run bench`). */
  get entries(): number {
    return this.used;
  }

  /** Map entries held: keys with an entry, keys with a floor. */
  get keysTracked(): number {
    return this.heads.size + this.floors.size;
  }

  /** A primary admitted a write ending at `endMs`; `held` is what `store` held for the key before it. */
  addWrite(key: number, version: number, endMs: number, held: number, nowMs: number): void {
    this.sweepIfDue(nowMs);
    if (!this.floors.has(key)) this.floors.set(key, held);
    this.add(key, version, endMs, -1, 0);
  }

  /** A replicated write (call `call`) was admitted; it reaches `store` at `endMs`. */
  addApply(key: number, version: number, endMs: number, call: number, nowMs: number): void {
    this.sweepIfDue(nowMs);
    this.add(key, version, endMs, call, this.calls.gen[call]);
  }

  /** An apply reached `store` (its `onServiceDone`): the key's floor, if it has one, includes it. */
  applied(key: number, version: number): void {
    const floor = this.floors.get(key);
    if (floor !== undefined && version > floor) this.floors.set(key, version);
  }

  /**
   * The newest version of `key` in effect at `startMs` (≥ `nowMs`) for a node whose `store` holds
   * `held` for it now.
   */
  versionAt(key: number, startMs: number, nowMs: number, held: number): number {
    if (this.used === 0 || !this.heads.has(key)) return held;
    this.prune(key, nowMs);
    const gens = this.calls.gen;
    const floor = this.floors.get(key);
    let best = floor ?? held;
    let at = this.heads.get(key) ?? -1;
    while (at >= 0) {
      if (this.endMs[at] <= startMs && this.version[at] > best && (this.call[at] < 0 || gens[this.call[at]] === this.gen[at])) best = this.version[at];
      at = this.next[at];
    }
    return best;
  }

  private add(key: number, version: number, endMs: number, call: number, gen: number): void {
    let slot = this.freeList;
    if (slot >= 0) {
      this.freeList = this.next[slot];
    } else {
      if (this.top === this.next.length) {
        const length = this.next.length * 2;
        this.next = grow(this.next, length);
        this.version = grow(this.version, length);
        this.endMs = grow(this.endMs, length);
        this.call = grow(this.call, length);
        this.gen = grow(this.gen, length);
      }
      slot = this.top++;
    }
    this.version[slot] = version;
    this.endMs[slot] = endMs;
    this.call[slot] = call;
    this.gen[slot] = gen;
    // Newest first (lookups scan the whole list: ends are not in admission order).
    this.next[slot] = this.heads.get(key) ?? -1;
    this.heads.set(key, slot);
    this.used++;
  }

  /** Once the pool has doubled since the last sweep: prunes every key (deleting while iterating a Map is safe). */
  private sweepIfDue(nowMs: number): void {
    if (this.used < this.sweepAt) return;
    for (const key of this.heads.keys()) this.prune(key, nowMs);
    this.sweepAt = Math.max(64, 2 * this.used);
  }

  /**
   * Drops the key's entries whose end has passed (a write joins the floor; an apply is in `store`
   * or void) and dead applies (void: their call died in a crash). An apply ending exactly now stays:
   * its `onServiceDone` may not have run yet.
   */
  private prune(key: number, nowMs: number): void {
    const gens = this.calls.gen;
    let at = this.heads.get(key) ?? -1;
    let prev = -1;
    let writes = 0;
    let floor = this.floors.get(key);
    while (at >= 0) {
      const following = this.next[at];
      const isWrite = this.call[at] < 0;
      const drop = isWrite ? this.endMs[at] < nowMs : this.endMs[at] < nowMs || gens[this.call[at]] !== this.gen[at];
      if (drop) {
        if (isWrite && floor !== undefined && this.version[at] > floor) floor = this.version[at];
        if (prev < 0) {
          if (following < 0) this.heads.delete(key);
          else this.heads.set(key, following);
        } else {
          this.next[prev] = following;
        }
        this.next[at] = this.freeList;
        this.freeList = at;
        this.used--;
      } else {
        if (isWrite) writes++;
        prev = at;
      }
      at = following;
    }
    // Without writes in flight the key's store is the truth again.
    if (writes === 0) this.floors.delete(key);
    else if (floor !== undefined) this.floors.set(key, floor);
  }
}
