import type { Kernel } from '../kernel';

/** Is the waiter (slot, gen) still waiting? */
export type WaiterCheck = (slot: number, gen: number) => boolean;
/** The waiter (slot, gen) reached its deadline while still waiting. */
export type ExpireHandler = (slot: number, gen: number) => void;

/** Bytes per entry: slot 4 + gen 4 + deadline 8. */
export const DEADLINE_ENTRY_BYTES = 16;

/**
 * Timeouts of one owner (a client's request timeout, an app's downstream timeout…), kept as a
 * ring sorted by deadline. Deadlines arrive almost in order (the same timeout from "now"), so an
 * insertion is O(1) in practice. The ring replaces a timer event per waiter:
 * one kernel event stands for the earliest *live* deadline, so a request that is answered in time
 * costs no event at all (a kernel without cancellation would otherwise carry every dead timer
 * until it fired).
 *
 * Entries of waiters that finished early stay in the ring until they reach the head (or are
 * skipped there on the next push); when the ring holds half again as many entries as were live at
 * the last clean-up (plus 8, so small rings are not scanned on every push) it is compacted, which
 * keeps it within about 1.5× the number of live waiters at O(1) amortised cost. (Lingering
 * entries are memory per in-flight request; 2× cost ~10 more bytes per request on the model
 * bench for no measurable speed.)
 *
 */
export class DeadlineQueue {
  private slots: Int32Array;
  private gens: Int32Array;
  private times: Float64Array;
  private head = 0;
  private size = 0;
  private compactAt = 8;
  /** Generation of the kernel event that currently stands for the head (older ones are stale). */
  private timerGen = 0;
  private timerAt = Infinity;

  constructor(
    private readonly kernel: Kernel,
    private readonly eventType: number,
    /** This queue's index in the owner table the event handler looks it up in. */
    readonly id: number,
    private readonly isWaiting: WaiterCheck,
    private readonly onExpire: ExpireHandler,
  ) {
    this.slots = new Int32Array(16);
    this.gens = new Int32Array(16);
    this.times = new Float64Array(16);
  }

  /** Entries held (live and not yet cleaned up). */
  get length(): number {
    return this.size;
  }

  push(slot: number, gen: number, deadlineMs: number): void {
    // Waiters mostly finish in the order they started: dropping finished ones at the head here
    // keeps the ring close to the number still waiting (compaction catches the stragglers).
    while (this.size > 0 && !this.isWaiting(this.slots[this.head], this.gens[this.head])) {
      this.head = (this.head + 1) & (this.slots.length - 1);
      this.size--;
    }
    if (this.size >= this.compactAt) this.compact();
    if (this.size === this.slots.length) this.growRing();
    // Insert in deadline order. Pushes are nearly always in order (a constant timeout from
    // "now"); a sender that adds its own processing time first (an app's service) can be a little
    // out of order, and then the entry moves back past the few later ones.
    const mask = this.slots.length - 1;
    let index = (this.head + this.size) & mask;
    for (let k = this.size; k > 0; k--) {
      const previous = (index - 1) & mask;
      if (this.times[previous] <= deadlineMs) break;
      this.slots[index] = this.slots[previous];
      this.gens[index] = this.gens[previous];
      this.times[index] = this.times[previous];
      index = previous;
    }
    this.slots[index] = slot;
    this.gens[index] = gen;
    this.times[index] = deadlineMs;
    this.size++;
    if (deadlineMs < this.timerAt) this.arm(deadlineMs);
  }

  /** Kernel event handler body: `timerGen` is the event's payload. */
  fire(timerGen: number): void {
    if (timerGen !== this.timerGen) return;
    this.timerAt = Infinity;
    const now = this.kernel.now;
    // Expire everything due (onExpire may push, so the ring size is re-read every time).
    while (this.size > 0 && this.times[this.head] <= now) {
      const slot = this.slots[this.head];
      const gen = this.gens[this.head];
      this.head = (this.head + 1) & (this.slots.length - 1);
      this.size--;
      if (this.isWaiting(slot, gen)) this.onExpire(slot, gen);
    }
    // Skip waiters that were answered, so the next event is for someone still waiting.
    while (this.size > 0 && !this.isWaiting(this.slots[this.head], this.gens[this.head])) {
      this.head = (this.head + 1) & (this.slots.length - 1);
      this.size--;
    }
    // An expiry handler may have pushed (and armed for) a later deadline than the head's.
    if (this.size > 0 && this.times[this.head] < this.timerAt) this.arm(this.times[this.head]);
  }

  /** Forget everything (the owner crashed). */
  clear(): void {
    this.head = 0;
    this.size = 0;
    this.timerGen = (this.timerGen + 1) | 0;
    this.timerAt = Infinity;
  }

  private arm(atMs: number): void {
    this.timerGen = (this.timerGen + 1) | 0;
    this.timerAt = atMs;
    this.kernel.scheduleAt(Math.max(atMs, this.kernel.now), this.eventType, this.id, this.timerGen);
  }

  /** Drops entries whose waiter has moved on, keeping order. */
  private compact(): void {
    const mask = this.slots.length - 1;
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      const from = (this.head + i) & mask;
      if (!this.isWaiting(this.slots[from], this.gens[from])) continue;
      // kept ≤ i, so writing at head + kept never overwrites an entry not yet read.
      const target = (this.head + kept) & mask;
      this.slots[target] = this.slots[from];
      this.gens[target] = this.gens[from];
      this.times[target] = this.times[from];
      kept++;
    }
    this.size = kept;
    this.compactAt = kept + (kept >> 1) + 8;
  }

  private growRing(): void {
    const oldLength = this.slots.length;
    const mask = oldLength - 1;
    const slots = new Int32Array(oldLength * 2);
    const gens = new Int32Array(oldLength * 2);
    const times = new Float64Array(oldLength * 2);
    for (let i = 0; i < this.size; i++) {
      const from = (this.head + i) & mask;
      slots[i] = this.slots[from];
      gens[i] = this.gens[from];
      times[i] = this.times[from];
    }
    this.slots = slots;
    this.gens = gens;
    this.times = times;
    this.head = 0;
  }
}

