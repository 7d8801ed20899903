import { describe, expect, it } from 'vitest';
import { CallTable } from '../../../../shared/sim/engine/callTable';
import { Consistency, MAX_VERSION } from '../../../../shared/sim/engine/consistency';
import { RequestTable } from '../../../../shared/sim/engine/requestTable';
import { WindowTallies } from '../../../../shared/sim/metrics/windowTally';

function books() {
  const requests = new RequestTable(4);
  const calls = new CallTable(4);
  const consistency = new Consistency(calls, requests, new WindowTallies());
  /** The client's call for `req`'s current attempt, as its ok answer arrives. */
  const answerOk = (req: number): void => {
    const call = calls.alloc(req, requests.gen[req], req, 0, 0);
    consistency.onClientOk(call, 10);
    calls.free(call);
  };
  return { requests, calls, consistency, answerOk };
}

describe('consistency marks', () => {
  it('count a stale read when the attempt it was found in is answered ok', () => {
    const { requests, consistency, answerOk } = books();
    const req = requests.alloc(0, 0, 7, 1, false);
    consistency.markStaleRead(req);
    answerOk(req);
    expect(consistency.staleReads).toBe(1);
  });

  it('do not pass to the next attempt', () => {
    const { requests, consistency, answerOk } = books();
    const req = requests.alloc(0, 0, 7, 1, false);
    consistency.markStaleRead(req);
    requests.bump(req); // the attempt timed out; the retry reads fresh data
    answerOk(req);
    expect(consistency.staleReads).toBe(0);
  });

  it('made for a request that already finished do not count for the next request in its slot', () => {
    // A database can still serve a read whose user gave up: the request slot is free by then,
    // and its next occupant must not inherit the mark.
    const { requests, consistency, answerOk } = books();
    const first = requests.alloc(0, 0, 7, 1, false);
    requests.free(first);
    consistency.markStaleRead(first);
    consistency.markWrite(first, 0, 0, 5);
    const next = requests.alloc(0, 20, 8, 2, false);
    expect(next).toBe(first);
    answerOk(next);
    expect(consistency.staleReads).toBe(0);
  });
});

describe('versions', () => {
  it('stop with a clear error rather than wrap past 32 bits', () => {
    const { consistency } = books();
    consistency.lastVersion = MAX_VERSION - 1;
    expect(consistency.nextVersion()).toBe(MAX_VERSION);
    expect(() => consistency.nextVersion()).toThrow(/More than 4294967294 database writes in one run/);
  });
});

describe('call payloads', () => {
  it('are copied to a call passed on and freed with each call', () => {
    const calls = new CallTable(4);
    const flush = calls.alloc(-1, 0, -1, 0, 0);
    const payload = calls.attachPayload(flush);
    calls.payloads.key[payload] = 42;
    calls.payloads.atMs[payload] = 12.5;
    const passedOn = calls.alloc(flush, calls.gen[flush], calls.req[flush], 1, 0);
    const copy = calls.payloadOf(passedOn);
    expect(copy).not.toBe(payload);
    expect([calls.payloads.key[copy], calls.payloads.atMs[copy]]).toEqual([42, 12.5]);
    expect(calls.payloads.live).toBe(2);
    calls.free(flush);
    expect(calls.payloads.key[copy]).toBe(42);
    calls.free(passedOn);
    expect(calls.payloads.live).toBe(0);
    expect(calls.payloadOf(calls.alloc(-1, 0, -1, 0, 0))).toBe(-1);
  });
});
