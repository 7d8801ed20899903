/**
 * The pending-event set of the simulation: a binary min-heap keyed by (time, seq) in parallel
 * typed arrays. `seq` is the insertion order, so events at the same simulated time come out
 * first-in first-out, which is what makes a run deterministic.
 *
 * Why hand-written and why typed arrays: this is the one hot structure of the simulator
 * (DESIGN §10). Storing each event as numbers in preallocated typed arrays means a push or a
 * pop allocates nothing, and sifting touches contiguous memory instead of chasing pointers to
 * event objects (measured ~3× faster than an object-per-event heap at 100k pending).
 *
 * An event is (time, type, a, b): `type` selects a handler, `a` and `b` are 32-bit integer
 * payloads (typically indices into the model's struct-of-arrays tables). Anything bigger
 * lives in the model, addressed by those indices.
 *
 * Layout: the type rides in the low bits of the ordering key, `key = seq · 2^16 + type`, so
 * one float64 carries both the tie-breaker and the type and a sift moves four arrays instead
 * of five — measured 8–15 % faster at 100k pending, where the heap no longer fits in cache
 * and every array touched per level is another cache miss. Ordering by key is ordering by
 * seq, because seqs are unique. Keys stay exact integers while seq < 2^37; in the unlikely
 * event a queue lives that long (≈ 1.4·10^11 pushes, hours of CPU), the pending events are
 * renumbered in order and counting starts again.
 */

/** Event types are < 2^16: they share a float64 with the sequence number. */
export const MAX_EVENT_TYPES = 65536;
/** First sequence number that would make `seq · 2^16 + type` inexact (2^37). */
const DEFAULT_SEQUENCE_LIMIT = 2 ** 53 / MAX_EVENT_TYPES;

export class EventQueue {
  private capacity: number;
  private count = 0;
  private nextSeq = 0;
  private readonly sequenceLimit: number;
  private times: Float64Array;
  /** seq · 2^16 + type. */
  private keys: Float64Array;
  private payloadA: Int32Array;
  private payloadB: Int32Array;

  /**
   * @param sequenceLimit renumber pending events when this many have been pushed since the
   * last renumbering; only tests lower it.
   */
  constructor(initialCapacity = 1024, sequenceLimit = DEFAULT_SEQUENCE_LIMIT) {
    this.capacity = Math.max(16, Math.floor(initialCapacity));
    this.sequenceLimit = Math.min(sequenceLimit, DEFAULT_SEQUENCE_LIMIT);
    this.times = new Float64Array(this.capacity);
    this.times[0] = Infinity;
    this.keys = new Float64Array(this.capacity);
    this.payloadA = new Int32Array(this.capacity);
    this.payloadB = new Int32Array(this.capacity);
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    // times[0] is Infinity whenever the queue is empty (see pop and clear): no branch, and no
    // phi of a constant and a loaded float64, which V8 boxed — a heap allocation per call.
    return this.times[0];
  }

  /** Type of the earliest event. Only meaningful when size > 0. */
  peekType(): number {
    const key = this.keys[0];
    return key - Math.floor(key / MAX_EVENT_TYPES) * MAX_EVENT_TYPES;
  }

  /** First payload of the earliest event. Only meaningful when size > 0. */
  peekA(): number {
    return this.payloadA[0];
  }

  /** Second payload of the earliest event. Only meaningful when size > 0. */
  peekB(): number {
    return this.payloadB[0];
  }

  /**
   * Adds an event. The caller guarantees `time` is not NaN and `type` is an integer in
   * [0, MAX_EVENT_TYPES) (the kernel checks both).
   */
  push(time: number, type: number, a: number, b: number): void {
    if (this.count === this.capacity) this.grow();
    if (this.nextSeq >= this.sequenceLimit) this.renumber();
    this.siftUp(this.count++, time, this.nextSeq++ * MAX_EVENT_TYPES + type, a, b);
  }

  /** Removes the earliest event (read it first with the peek methods). No-op when empty. */
  pop(): void {
    if (this.count === 0) return;
    const last = --this.count;
    if (last === 0) {
      this.times[0] = Infinity;
      return;
    }
    this.siftDown(last, this.times[last], this.keys[last], this.payloadA[last], this.payloadB[last]);
  }

  /** Drops every pending event. Keeps capacity. */
  clear(): void {
    this.count = 0;
    this.times[0] = Infinity;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.times = copyInto(this.times, new Float64Array(capacity));
    this.keys = copyInto(this.keys, new Float64Array(capacity));
    this.payloadA = copyInto(this.payloadA, new Int32Array(capacity));
    this.payloadB = copyInto(this.payloadB, new Int32Array(capacity));
    this.capacity = capacity;
  }

  /**
   * Gives the pending events sequence numbers 0…n−1 in their (time, seq) order. A sorted
   * array is a valid heap, and relative order — the only thing seq expresses — is unchanged.
   */
  private renumber(): void {
    const count = this.count;
    const times = this.times;
    const keys = this.keys;
    const order = Array.from({ length: count }, (_, index) => index);
    order.sort((x, y) => times[x] - times[y] || keys[x] - keys[y]);
    const sortedTimes = new Float64Array(this.capacity);
    const sortedKeys = new Float64Array(this.capacity);
    const sortedA = new Int32Array(this.capacity);
    const sortedB = new Int32Array(this.capacity);
    for (let rank = 0; rank < count; rank++) {
      const index = order[rank];
      const key = keys[index];
      const type = key - Math.floor(key / MAX_EVENT_TYPES) * MAX_EVENT_TYPES;
      sortedTimes[rank] = times[index];
      sortedKeys[rank] = rank * MAX_EVENT_TYPES + type;
      sortedA[rank] = this.payloadA[index];
      sortedB[rank] = this.payloadB[index];
    }
    if (count === 0) sortedTimes[0] = Infinity;
    this.times = sortedTimes;
    this.keys = sortedKeys;
    this.payloadA = sortedA;
    this.payloadB = sortedB;
    this.nextSeq = count;
  }

  /** Moves a hole at `index` up until (time, key) fits, then writes the event there. */
  private siftUp(index: number, time: number, key: number, a: number, b: number): void {
    const times = this.times;
    const keys = this.keys;
    const payloadA = this.payloadA;
    const payloadB = this.payloadB;
    let hole = index;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTime = times[parent];
      if (parentTime < time || (parentTime === time && keys[parent] < key)) break;
      times[hole] = parentTime;
      keys[hole] = keys[parent];
      payloadA[hole] = payloadA[parent];
      payloadB[hole] = payloadB[parent];
      hole = parent;
    }
    times[hole] = time;
    keys[hole] = key;
    payloadA[hole] = a;
    payloadB[hole] = b;
  }

  /** Moves a hole at the root down through a heap of `size` entries until the event fits. */
  private siftDown(size: number, time: number, key: number, a: number, b: number): void {
    const times = this.times;
    const keys = this.keys;
    const payloadA = this.payloadA;
    const payloadB = this.payloadB;
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size) {
        const leftTime = times[child];
        const rightTime = times[right];
        // Written so the common case (different times) compiles without an unpredictable branch.
        if (rightTime === leftTime) {
          if (keys[right] < keys[child]) child = right;
        } else {
          child += +(rightTime < leftTime);
        }
      }
      const childTime = times[child];
      if (time < childTime || (time === childTime && key < keys[child])) break;
      times[hole] = childTime;
      keys[hole] = keys[child];
      payloadA[hole] = payloadA[child];
      payloadB[hole] = payloadB[child];
      hole = child;
    }
    times[hole] = time;
    keys[hole] = key;
    payloadA[hole] = a;
    payloadB[hole] = b;
  }
}

function copyInto<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
