import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue, MAX_EVENT_TYPES } from '../../../../shared/sim/kernel/eventQueue';

interface ReferenceEvent {
  time: number;
  seq: number;
  type: number;
  a: number;
  b: number;
}

/** The obviously-correct model: a list, minimum found by scanning (time, then insertion order). */
class ReferenceQueue {
  private events: ReferenceEvent[] = [];
  private nextSeq = 0;
  push(time: number, type: number, a: number, b: number): void {
    this.events.push({ time, seq: this.nextSeq++, type, a, b });
  }
  popMin(): ReferenceEvent | undefined {
    if (this.events.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < this.events.length; i++) {
      const e = this.events[i];
      const m = this.events[best];
      if (e.time < m.time || (e.time === m.time && e.seq < m.seq)) best = i;
    }
    return this.events.splice(best, 1)[0];
  }
  get size(): number {
    return this.events.length;
  }
}

function popFrom(queue: EventQueue): [number, number, number, number] {
  const popped: [number, number, number, number] = [queue.peekTime(), queue.peekType(), queue.peekA(), queue.peekB()];
  queue.pop();
  return popped;
}

describe('EventQueue', () => {
  it('pops in time order, and FIFO among equal times', () => {
    const queue = new EventQueue(16);
    queue.push(5, 0, 1, 0);
    queue.push(1, 0, 2, 0);
    queue.push(5, 0, 3, 0);
    queue.push(3, 0, 4, 0);
    queue.push(5, 0, 5, 0);
    queue.push(1, 0, 6, 0);
    const order: number[] = [];
    while (queue.size > 0) order.push(popFrom(queue)[2]);
    expect(order).toEqual([2, 6, 4, 1, 3, 5]);
  });

  it('keeps FIFO order for thousands of simultaneous events', () => {
    const queue = new EventQueue(16);
    for (let i = 0; i < 5000; i++) queue.push(42, 1, i, 5000 - i);
    const popped = Array.from({ length: 5000 }, () => popFrom(queue));
    expect(popped).toEqual(Array.from({ length: 5000 }, (_, i) => [42, 1, i, 5000 - i]));
    expect(queue.size).toBe(0);
  });

  it('grows past its initial capacity without losing or reordering events', () => {
    const queue = new EventQueue(16);
    const count = 100_000;
    // A permutation of times so growth happens while the heap is genuinely unordered.
    for (let i = 0; i < count; i++) queue.push((i * 7919) % count, i % 3, i, 2 * i);
    expect(queue.size).toBe(count);
    const popped = Array.from({ length: count }, () => popFrom(queue));
    // Times 0..count-1 each exactly once, in order, with the payloads pushed alongside.
    const wrong = popped.filter(([time, type, a, b], i) => time !== i || b !== 2 * a || type !== a % 3 || (a * 7919) % count !== time);
    expect(wrong).toEqual([]);
    expect(queue.size).toBe(0);
  });

  it('peekTime is Infinity and pop is harmless when empty', () => {
    const queue = new EventQueue();
    expect(queue.peekTime()).toBe(Infinity);
    queue.pop();
    expect(queue.size).toBe(0);
    queue.push(1, 0, 0, 0);
    expect(queue.peekTime()).toBe(1);
  });

  it('carries negative and extreme int32 payloads intact', () => {
    const queue = new EventQueue();
    queue.push(1, 7, -2147483648, 2147483647);
    expect(popFrom(queue)).toEqual([1, 7, -2147483648, 2147483647]);
  });

  it('carries every event type from 0 to MAX_EVENT_TYPES - 1 intact', () => {
    const queue = new EventQueue(16);
    for (const type of [0, 1, 255, 256, 65534, MAX_EVENT_TYPES - 1]) queue.push(1, type, type, 0);
    const types: number[] = [];
    while (queue.size > 0) types.push(popFrom(queue)[1]);
    expect(types).toEqual([0, 1, 255, 256, 65534, MAX_EVENT_TYPES - 1]);
  });

  it('renumbers pending events without reordering them when the sequence space runs out', () => {
    // A limit of 5 forces a renumbering every few pushes; order must match a queue that never renumbers.
    const renumbering = new EventQueue(16, 5);
    const plain = new EventQueue(16);
    let state = 1;
    const nextTime = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 16) % 6; // few distinct times: ties everywhere
    };
    for (let round = 0; round < 2000; round++) {
      if (round % 3 !== 2) {
        const time = nextTime();
        renumbering.push(time, round % 7, round, -round);
        plain.push(time, round % 7, round, -round);
      } else {
        expect(popFrom(renumbering)).toEqual(popFrom(plain));
      }
    }
    while (plain.size > 0) expect(popFrom(renumbering)).toEqual(popFrom(plain));
    expect(renumbering.size).toBe(0);
  });

  it('matches a naive reference under any mix of push and pop', () => {
    type Operation = { kind: 'push'; time: number; a: number } | { kind: 'pop' };
    // Few distinct times so ties (the FIFO rule) are exercised constantly.
    const time = fc.integer({ min: 0, max: 20 }).map((t) => t / 4);
    const operation: fc.Arbitrary<Operation> = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), time, a: fc.integer() }),
      fc.constant({ kind: 'pop' as const }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 400 }), (operations) => {
        const queue = new EventQueue(16);
        const reference = new ReferenceQueue();
        for (const op of operations) {
          if (op.kind === 'push') {
            queue.push(op.time, 3, op.a, op.a ^ 0x5555);
            reference.push(op.time, 3, op.a, op.a ^ 0x5555);
          } else {
            const expected = reference.popMin();
            if (expected === undefined) {
              expect(queue.peekTime()).toBe(Infinity);
            } else {
              expect([queue.peekTime(), queue.peekType(), queue.peekA(), queue.peekB()]).toEqual([expected.time, expected.type, expected.a, expected.b]);
            }
            queue.pop();
          }
          expect(queue.size).toBe(reference.size);
        }
        // Drain: the rest must come out in reference order too.
        for (let expected = reference.popMin(); expected !== undefined; expected = reference.popMin()) {
          expect(popFrom(queue)).toEqual([expected.time, expected.type, expected.a, expected.b]);
        }
        expect(queue.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
