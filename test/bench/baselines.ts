/**
 * Reference loops for the kernel figures, on the same hold-model workload:
 *  - the *bare heap loop*: a minimal typed-array binary heap keyed by (time, seq), written
 *    inline in one function — no kernel, no dispatch, no checks, no fingerprint, and only one
 *    payload. The kernel's ratio to it is the price of being a general engine.
 *  - the *object heap*: the same heap holding one object per event, for context.
 *
 * Why everything is inline in one function with local typed arrays: written as closures over
 * `const` arrays, V8 compiles the first instance with the arrays as constants ("function
 * context specialisation") and that instance runs ~2× faster than any later one — a baseline
 * whose speed depends on how many times it was created would make every ratio meaningless.
 * Locals are held in registers on every call, so this loop is as fast as that best case, on
 * every repetition.
 *
 * Each function builds its heap, runs `warmupEvents` untimed (steady state), then times
 * `events` hold steps. The checksum keeps the JIT from discarding work.
 */
import { performance } from 'node:perf_hooks';
import type { Trial } from './measure';
import { INCREMENT_MASK, type HoldWorkload } from './holdWorkload';

export let baselineChecksum = 0;

export function runBareHeapHoldLoop(workload: HoldWorkload, warmupEvents: number, events: number): Trial {
  let capacity = 1024;
  while (capacity < workload.pending + 1) capacity *= 2;
  const times = new Float64Array(capacity);
  const seqs = new Float64Array(capacity);
  const payloads = new Int32Array(capacity);
  const increments = workload.increments;
  let size = 0;
  let nextSeq = 0;
  let drawn = 0;
  let checksum = 0;
  let started = 0;
  const total = workload.pending + warmupEvents + events;

  for (let step = 0; step < total; step++) {
    let time: number;
    let payload: number;
    if (step < workload.pending) {
      time = workload.initialTimes[step];
      payload = step;
    } else {
      if (step === workload.pending + warmupEvents) started = performance.now();
      // Take the earliest event…
      const now = times[0];
      payload = payloads[0];
      checksum = (checksum + payload) | 0;
      // …remove it (sift the last entry down from the root)…
      const last = --size;
      const lastTime = times[last];
      const lastSeq = seqs[last];
      const lastPayload = payloads[last];
      let hole = 0;
      for (;;) {
        let child = 2 * hole + 1;
        if (child >= last) break;
        let childTime = times[child];
        const right = child + 1;
        if (right < last) {
          const rightTime = times[right];
          if (rightTime < childTime || (rightTime === childTime && seqs[right] < seqs[child])) {
            child = right;
            childTime = rightTime;
          }
        }
        if (lastTime < childTime || (lastTime === childTime && lastSeq < seqs[child])) break;
        times[hole] = childTime;
        seqs[hole] = seqs[child];
        payloads[hole] = payloads[child];
        hole = child;
      }
      times[hole] = lastTime;
      seqs[hole] = lastSeq;
      payloads[hole] = lastPayload;
      // …and schedule its successor.
      time = now + increments[drawn++ & INCREMENT_MASK];
    }
    // Push (sift up).
    const seq = nextSeq++;
    let hole = size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTime = times[parent];
      if (parentTime < time || (parentTime === time && seqs[parent] < seq)) break;
      times[hole] = parentTime;
      seqs[hole] = seqs[parent];
      payloads[hole] = payloads[parent];
      hole = parent;
    }
    times[hole] = time;
    seqs[hole] = seq;
    payloads[hole] = payload;
  }
  const ms = performance.now() - started;
  baselineChecksum ^= checksum;
  return { work: events, ms };
}

interface HeapEvent {
  time: number;
  seq: number;
  type: number;
  a: number;
  b: number;
}

export function runObjectHeapHoldLoop(workload: HoldWorkload, warmupEvents: number, events: number): Trial {
  const heap: HeapEvent[] = [];
  const increments = workload.increments;
  let nextSeq = 0;
  let drawn = 0;
  let checksum = 0;
  let started = 0;
  const total = workload.pending + warmupEvents + events;

  for (let step = 0; step < total; step++) {
    let event: HeapEvent;
    if (step < workload.pending) {
      event = { time: workload.initialTimes[step], seq: nextSeq++, type: 0, a: step, b: 0 };
    } else {
      if (step === workload.pending + warmupEvents) started = performance.now();
      const top = heap[0];
      checksum = (checksum + top.a) | 0;
      const last = heap.pop() as HeapEvent;
      const size = heap.length;
      if (size > 0) {
        let hole = 0;
        for (;;) {
          let child = 2 * hole + 1;
          if (child >= size) break;
          const right = child + 1;
          if (right < size) {
            const r = heap[right];
            const c = heap[child];
            if (r.time < c.time || (r.time === c.time && r.seq < c.seq)) child = right;
          }
          const c = heap[child];
          if (last.time < c.time || (last.time === c.time && last.seq < c.seq)) break;
          heap[hole] = c;
          hole = child;
        }
        heap[hole] = last;
      }
      event = { time: top.time + increments[drawn++ & INCREMENT_MASK], seq: nextSeq++, type: top.type, a: top.a, b: top.b };
    }
    let hole = heap.length;
    heap.push(event);
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const p = heap[parent];
      if (p.time < event.time || (p.time === event.time && p.seq < event.seq)) break;
      heap[hole] = p;
      hole = parent;
    }
    heap[hole] = event;
  }
  const ms = performance.now() - started;
  baselineChecksum ^= checksum;
  return { work: events, ms };
}

/**
 * The bare heap loop as a "run n events" function (used by model.bench.ts). Each call builds a
 * fresh heap, so the time includes pushing the initial `pending` events; prefer
 * {@link runBareHeapHoldLoop}, which times the hold steps alone.
 */
export function prepareBareHeapHoldLoop(workload: HoldWorkload): (events: number) => number {
  return (events: number): number => runBareHeapHoldLoop(workload, 0, events).work;
}
