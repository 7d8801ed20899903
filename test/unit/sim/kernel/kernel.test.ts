import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Kernel } from '../../../../shared/sim/kernel/kernel';

/** A kernel whose only handler records (now, a, b) of every event it sees. */
function recordingKernel(): { kernel: Kernel; type: number; seen: Array<[number, number, number]> } {
  const kernel = new Kernel({ initialCapacity: 16 });
  const seen: Array<[number, number, number]> = [];
  const type = kernel.register((a, b) => seen.push([kernel.now, a, b]), 'record');
  return { kernel, type, seen };
}

describe('Kernel', () => {
  it('dispatches by (time, insertion order) and sets now to the event time', () => {
    const { kernel, type, seen } = recordingKernel();
    kernel.scheduleAt(10, type, 1);
    kernel.schedule(2, type, 2);
    kernel.scheduleAt(10, type, 3);
    kernel.schedule(0, type, 4);
    while (kernel.step());
    expect(seen).toEqual([
      [0, 4, 0],
      [2, 2, 0],
      [10, 1, 0],
      [10, 3, 0],
    ]);
    expect(kernel.eventsProcessed).toBe(4);
    expect(kernel.step()).toBe(false);
  });

  it('dispatches each type to its own handler with its payloads', () => {
    const kernel = new Kernel();
    const log: string[] = [];
    const arrive = kernel.register((a, b) => log.push(`arrive ${a} ${b}`), 'arrive');
    const depart = kernel.register((a, b) => log.push(`depart ${a} ${b}`), 'depart');
    expect([arrive, depart]).toEqual([0, 1]);
    expect(kernel.handlerName(depart)).toBe('depart');
    kernel.schedule(1, depart, 9);
    kernel.schedule(1, arrive, -5, 7);
    kernel.runUntil(5);
    expect(log).toEqual(['depart 9 0', 'arrive -5 7']);
  });

  it('events scheduled by a handler at the same time run after those already pending', () => {
    const kernel = new Kernel();
    const order: string[] = [];
    const later = kernel.register((a) => order.push(`later${a}`));
    const first = kernel.register(() => {
      order.push('first');
      kernel.schedule(0, later, 2);
    });
    kernel.scheduleAt(1, first);
    kernel.scheduleAt(1, later, 1);
    kernel.runUntil(1);
    expect(order).toEqual(['first', 'later1', 'later2']);
  });

  it('runUntil processes everything due (even if scheduled meanwhile), leaves the rest, and sets now', () => {
    const { kernel, type, seen } = recordingKernel();
    const chain = kernel.register((hops) => {
      seen.push([kernel.now, -1, hops]);
      if (hops > 0) kernel.schedule(1, chain, hops - 1);
    });
    kernel.scheduleAt(0.5, chain, 20); // fires at 0.5, 1.5, …, 20.5
    kernel.scheduleAt(10, type, 1);
    kernel.scheduleAt(10.0000001, type, 2);
    kernel.runUntil(10);
    expect(kernel.now).toBe(10);
    expect(seen.filter(([, a]) => a === -1).map(([t]) => t)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]);
    expect(seen.filter(([, a]) => a === 1)).toEqual([[10, 1, 0]]);
    expect(kernel.pending).toBe(2);
    expect(kernel.peekTime()).toBe(10.0000001);

    kernel.runUntil(10); // same time again: nothing new is due
    expect(kernel.pending).toBe(2);
    kernel.runUntil(100);
    expect(kernel.now).toBe(100);
    expect(kernel.pending).toBe(0);
    expect(kernel.peekTime()).toBe(Infinity);
    expect(kernel.eventsProcessed).toBe(23);
  });

  it('runUntil on an empty kernel just advances the clock; backwards, NaN or Infinity throws', () => {
    const kernel = new Kernel();
    kernel.runUntil(250);
    expect(kernel.now).toBe(250);
    expect(() => kernel.runUntil(100)).toThrow(RangeError);
    expect(() => kernel.runUntil(Number.NaN)).toThrow(RangeError);
    expect(() => kernel.runUntil(Infinity)).toThrow(RangeError);
    expect(kernel.now).toBe(250);
  });

  it('refuses events in the past, at non-finite times, of unknown types or with non-int32 payloads', () => {
    const { kernel, type } = recordingKernel();
    kernel.runUntil(100);
    expect(() => kernel.scheduleAt(99.999, type)).toThrow(/before now/);
    expect(() => kernel.schedule(-1, type)).toThrow(RangeError);
    expect(() => kernel.schedule(Number.NaN, type)).toThrow(RangeError);
    expect(() => kernel.schedule(Infinity, type)).toThrow(RangeError);
    expect(() => kernel.schedule(1, type + 1)).toThrow(/not registered/);
    expect(() => kernel.schedule(1, 0.5)).toThrow(/not registered/);
    expect(() => kernel.schedule(1, type, 1.5)).toThrow(/32-bit/);
    expect(() => kernel.schedule(1, type, 0, 2 ** 31)).toThrow(/32-bit/);
    expect(kernel.pending).toBe(0);
    kernel.scheduleAt(100, type); // exactly now is fine
    expect(kernel.pending).toBe(1);
  });

  it('pending and peekTime exclude the event being handled', () => {
    const kernel = new Kernel();
    const observed: Array<[number, number]> = [];
    const probe = kernel.register(() => observed.push([kernel.pending, kernel.peekTime()]));
    kernel.scheduleAt(1, probe);
    kernel.scheduleAt(2, probe);
    kernel.runUntil(5);
    expect(observed).toEqual([
      [1, 2],
      [0, Infinity],
    ]);
  });

  it('stays consistent when a handler throws', () => {
    const kernel = new Kernel();
    const seen: number[] = [];
    const fail = kernel.register(() => {
      throw new Error('model bug');
    });
    const ok = kernel.register((a) => seen.push(a));
    kernel.scheduleAt(1, fail);
    kernel.scheduleAt(2, ok, 7);
    expect(() => kernel.step()).toThrow('model bug');
    expect(kernel.pending).toBe(1);
    expect(kernel.step()).toBe(true);
    expect(seen).toEqual([7]);
    expect(kernel.step()).toBe(false);
  });

  it('grows far past its initial capacity', () => {
    const { kernel, type, seen } = recordingKernel();
    for (let i = 0; i < 50_000; i++) kernel.scheduleAt(50_000 - i, type, i);
    expect(kernel.pending).toBe(50_000);
    kernel.runUntil(1e9);
    expect(seen.length).toBe(50_000);
    expect(seen[0]).toEqual([1, 49_999, 0]);
    expect(seen[49_999]).toEqual([50_000, 0, 0]);
  });

  it('processes exactly the order of a naive sorted reference, whatever handlers schedule', () => {
    // Each event carries an id; its handler schedules the children listed for that id.
    const scenario = fc.record({
      initial: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 30 }),
      childDelays: fc.array(fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 3 }), { minLength: 1, maxLength: 60 }),
    });
    fc.assert(
      fc.property(scenario, ({ initial, childDelays }) => {
        const maxEvents = 300;
        const kernel = new Kernel({ initialCapacity: 16 });
        const processed: Array<[number, number]> = [];
        let nextId = 0;
        const handler = kernel.register((id) => {
          processed.push([kernel.now, id]);
          for (const delay of childDelays[id % childDelays.length]) {
            if (nextId < maxEvents) kernel.schedule(delay / 2, handler, nextId++);
          }
        });
        for (const time of initial) kernel.scheduleAt(time / 2, handler, nextId++);
        kernel.runUntil(1e6);

        // Reference: the same process with a list and a linear scan for the minimum (time, seq).
        const pendingList: Array<{ time: number; seq: number; id: number }> = [];
        let seq = 0;
        let refNextId = 0;
        for (const time of initial) pendingList.push({ time: time / 2, seq: seq++, id: refNextId++ });
        const expected: Array<[number, number]> = [];
        while (pendingList.length > 0) {
          let best = 0;
          for (let i = 1; i < pendingList.length; i++) {
            const e = pendingList[i];
            const m = pendingList[best];
            if (e.time < m.time || (e.time === m.time && e.seq < m.seq)) best = i;
          }
          const [event] = pendingList.splice(best, 1);
          expected.push([event.time, event.id]);
          for (const delay of childDelays[event.id % childDelays.length]) {
            if (refNextId < maxEvents) pendingList.push({ time: event.time + delay / 2, seq: seq++, id: refNextId++ });
          }
        }
        expect(processed).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Kernel.fingerprint', () => {
  function runTrace(events: Array<[number, number, number]>): Kernel {
    const kernel = new Kernel({ trace: true });
    const types = [kernel.register(() => {}), kernel.register(() => {})];
    for (const [time, a, b] of events) kernel.scheduleAt(time, types[a & 1], a, b);
    kernel.runUntil(1e9);
    return kernel;
  }
  const trace: Array<[number, number, number]> = [
    [1, 0, 0],
    [2.5, 1, 7],
    [2.5, 2, -3],
    [1000.125, 3, 2147483647],
  ];

  it('is 16 hex digits and equal for equal traces', () => {
    const fingerprint = runTrace(trace).fingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(runTrace(trace).fingerprint()).toBe(fingerprint);
  });

  it('changes when any field, the order or the length of the trace changes', () => {
    const base = runTrace(trace).fingerprint();
    const variants = [
      trace.map(([t, a, b], i) => (i === 3 ? [t + 1e-9, a, b] : [t, a, b])), // time by one ulp-ish
      trace.map(([t, a, b], i) => (i === 1 ? [t, a + 2, b] : [t, a, b])), // payload a (same type)
      trace.map(([t, a, b], i) => (i === 2 ? [t, a, b + 1] : [t, a, b])), // payload b
      trace.map(([t, a, b], i) => (i === 0 ? [t, a + 1, b] : [t, a, b])), // type (a & 1 picks it)
      [trace[0], trace[2], trace[1], trace[3]], // same events, swapped order at the tie
      trace.slice(0, 3), // shorter
      [...trace, [2000, 0, 0]], // longer
    ] as Array<Array<[number, number, number]>>;
    const fingerprints = variants.map((events) => runTrace(events).fingerprint());
    for (const fingerprint of fingerprints) expect(fingerprint).not.toBe(base);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('is pinned: the hash is part of the determinism story and must not change by accident', () => {
    // If you change the hash on purpose, update this value and say so in the changelog:
    // fingerprints recorded by earlier versions stop matching.
    expect(runTrace(trace).fingerprint()).toBe('e91bdac9784b1f70');
    expect(new Kernel({ trace: true }).fingerprint()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is only kept when asked for (it costs a few percent of a busy run), and says so', () => {
    expect(() => new Kernel().fingerprint()).toThrow(/trace: true/);
  });
});
