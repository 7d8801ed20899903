import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../../shared/sim/nodes/proxy/rateLimiter';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * A token bucket refills at the rate in force at each moment: an edit of `rps` first brings every
 * bucket up to the edit at the old rate, and only the time after it refills at the new one.
 */
describe("a proxy's rate limit changed mid-run", () => {
  it('a set event: the tokens gathered before the edit come at the old rate (exact: arrivals every 500 ms, no jitter)', () => {
    // Global bucket, burst 1, 1 token/s; a request every 500 ms: every other one is accepted (at
    // whole seconds, the bucket just full). At 10.25 s the rate goes to 2/s: at 10.5 s the bucket
    // holds 0.25 (old rate, 250 ms) + 0.5 (new rate, 250 ms) = 0.75 — refused; from 11 s every
    // request gets its token. Counting the whole 500 ms at the new rate would accept 10.5 s too.
    const doc = makeDocument({
      durationS: 13,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 2, arrival: 'constant', writeRatio: 0 } },
        { id: 'proxy', kind: 'proxy', config: { serviceMs: 0.1, rateLimit: { rps: 1, burst: 1, per: 'global' } } },
        { id: 'app', kind: 'app', config: { serviceMs: 1 } },
      ],
      links: [
        { from: 'c', to: 'proxy', latencyMs: 0 },
        { from: 'proxy', to: 'app', latencyMs: 0 },
      ],
      scenario: [{ atS: 10.25, action: 'set', target: 'proxy', params: { rateLimit: { rps: 2, burst: 1, per: 'global' } } }],
    });
    const report = new Simulation(doc).finish();
    expect(report.timeline.map((row) => row.ok)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2]);
  });

  it('per user: a bucket drained at 0 ms, rate 1/s → 100/s at 50 ms, holds 0.05 + 1 tokens at 60 ms', () => {
    const limiter = new RateLimiter({ rps: 1, burst: 10, per: 'user' });
    for (let i = 0; i < 10; i++) expect(limiter.allow(0, 7, 0)).toBe(true);
    expect(limiter.allow(0, 7, 0)).toBe(false);
    limiter.setConfig({ rps: 100, burst: 10, per: 'user' }, 50);
    let allowed = 0;
    for (let i = 0; i < 10; i++) if (limiter.allow(0, 7, 60)) allowed++;
    expect(allowed).toBe(1);
  });

  it('lowered: a bucket drained at 0 ms, rate 100/s → 1/s at 50 ms, holds 5 + 0.01 tokens at 60 ms', () => {
    const limiter = new RateLimiter({ rps: 100, burst: 10, per: 'global' });
    for (let i = 0; i < 10; i++) expect(limiter.allow(0, 7, 0)).toBe(true);
    limiter.setConfig({ rps: 1, burst: 10, per: 'global' }, 50);
    let allowed = 0;
    for (let i = 0; i < 10; i++) if (limiter.allow(0, 7, 60)) allowed++;
    expect(allowed).toBe(5);
  });
});
