import type { World } from '../../engine/world';
import { grow } from '../../engine/growable';

/**
 * How long a write-behind cache holds a write before flushing it to the database. The file format
 * has no field for it; write-behind caches batch on the order of a second (e.g. Redis Gears'
 * write-behind, Hazelcast's write-delay-seconds default of 1 s).
 */
export const WRITE_BEHIND_DELAY_MS = 1000;

/**
 * Writes an app acknowledged after putting them only in the cache (`write-behind`), waiting to be
 * flushed to the database. The data lives in the cache: if the cache's contents are lost (crash
 * or flush) before the flush, each such write is a lost write — it was acknowledged and is in no
 * copy. Entries are flushed in order, one timer for the oldest.
 */
export class WriteBehindBuffer {
  private keys = new Int32Array(64);
  private epochs = new Int32Array(64);
  private sentMs = new Float64Array(64);
  private dueMs = new Float64Array(64);
  private head = 0;
  private size = 0;
  private readonly timer: number;
  private armed = false;

  constructor(
    private readonly world: World,
    /** The cache's current content epoch. */
    private readonly cacheEpoch: () => number,
    /** Sends the database write for `key` (an orphan call: nobody waits for it). */
    private readonly flushWrite: (key: number) => void,
  ) {
    this.timer = world.addTimer(() => this.onTimer());
  }

  get pending(): number {
    return this.size;
  }

  add(key: number, sentMs: number): void {
    if (this.size === this.keys.length) this.growRing();
    const at = (this.head + this.size) & (this.keys.length - 1);
    this.keys[at] = key;
    this.epochs[at] = this.cacheEpoch();
    this.sentMs[at] = sentMs;
    this.dueMs[at] = this.world.now + WRITE_BEHIND_DELAY_MS;
    this.size++;
    if (!this.armed) this.arm();
  }

  private arm(): void {
    this.armed = true;
    this.world.scheduleTimer(this.timer, Math.max(0, this.dueMs[this.head] - this.world.now), 0);
  }

  private onTimer(): void {
    this.armed = false;
    const now = this.world.now;
    const epoch = this.cacheEpoch();
    const mask = this.keys.length - 1;
    while (this.size > 0 && this.dueMs[this.head] <= now) {
      const at = this.head;
      this.head = (at + 1) & mask;
      this.size--;
      if (this.epochs[at] !== epoch) this.world.consistency.countLostWrite(this.sentMs[at]);
      else this.flushWrite(this.keys[at]);
    }
    if (this.size > 0) this.arm();
  }

  private growRing(): void {
    const length = this.keys.length;
    const mask = length - 1;
    const reorder = <T extends Int32Array | Float64Array>(array: T): T => {
      const next = grow(array, length * 2);
      for (let i = 0; i < this.size; i++) next[i] = array[(this.head + i) & mask];
      return next;
    };
    this.keys = reorder(this.keys);
    this.epochs = reorder(this.epochs);
    this.sentMs = reorder(this.sentMs);
    this.dueMs = reorder(this.dueMs);
    this.head = 0;
  }
}
