import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import type { Report } from '../../../../../shared/sim/report';
import { loadEdgeFixture, withConfig } from './loadFixture';

/** Last timeline second with any failed request (-1 if none). */
function lastFailingSecond(report: Report): number {
  let last = -1;
  for (const row of report.timeline) if (row.failed > 0) last = row.t;
  return last;
}

describe('dns: cached answers outlive the server they name (fixture dns-ttl)', () => {
  const doc = loadEdgeFixture('dns-ttl');

  it('failures persist for about one TTL after the health checks drop the dead server, then stop', () => {
    const report = new Simulation(doc).finish();
    // web1 dies at 10.25 s. Probes every 1 s time out after 0.5 s; the third failure (probe at
    // 13 s) marks web1 down at 13.5 s. Answers given before that expire by 13.5 + 10 = 23.5 s.
    expect(report.timeline[9].failed).toBe(0);
    // Before the mark-down, round-robin answers name web1 for about half the users: about half
    // of the requests fail (±10 points: 300 requests per second, users pick at random).
    for (const t of [11, 12]) {
      expect(report.timeline[t].failed / report.timeline[t].sent).toBeGreaterThan(0.4);
      expect(report.timeline[t].failed / report.timeline[t].sent).toBeLessThan(0.6);
    }
    // After the mark-down, the share of users still holding web1 decays as their answers expire.
    expect(report.timeline[15].failed).toBeGreaterThan(report.timeline[21].failed);
    expect(report.timeline[21].failed).toBeGreaterThan(0);
    const last = lastFailingSecond(report);
    expect(last).toBeGreaterThanOrEqual(22);
    expect(last).toBeLessThanOrEqual(23);
    expect(report.requests.dropped).toBe(report.requests.total - report.requests.ok);
    expect(report.checks.find((check) => check.id === 'recovered')?.pass).toBe(true);
  });

  it('the failure window moves with the TTL: 2 s instead of 10 s ends it 8 s sooner', () => {
    const longTtl = lastFailingSecond(new Simulation(doc).finish());
    const shortTtl = lastFailingSecond(new Simulation(withConfig(doc, 'dns', { ttlS: 2 })).finish());
    // 13.5 + 2 = 15.5 s: the last failures are sent in second 14 or 15.
    expect(shortTtl).toBeGreaterThanOrEqual(14);
    expect(shortTtl).toBeLessThanOrEqual(15);
    expect(longTtl - shortTtl).toBeGreaterThanOrEqual(7);
    expect(longTtl - shortTtl).toBeLessThanOrEqual(9);
  });

  it('with TTL 0 the failures stop the moment the health checks drop the dead server', () => {
    const report = new Simulation(withConfig(doc, 'dns', { ttlS: 0 })).finish();
    // Every request resolves afresh: from the mark-down at 13.5 s no answer names web1.
    expect(lastFailingSecond(report)).toBe(13);
    expect(report.timeline[12].failed / report.timeline[12].sent).toBeGreaterThan(0.4); // round-robin: every other answer
  });

  it('queries are packets: a short TTL means more lookups and a DNS round trip on more requests', () => {
    const cached = new Simulation(withConfig(doc, 'dns', { ttlS: 60 })).finish();
    const uncached = new Simulation(withConfig(doc, 'dns', { ttlS: 0 })).finish();
    // TTL 0: every request resolves first. TTL 60 outlasts the 40 s run: each of the 600 users
    // resolves once, plus when a second request of theirs starts during the first lookup (21 ms
    // at 0.5 requests/s per user: about 1 % of users, so ≈ 6; 30 is five times that).
    expect(uncached.nodes.dns.arrivals).toBe(uncached.requests.total);
    expect(cached.nodes.dns.arrivals).toBeLessThanOrEqual(630);
    expect(cached.nodes.dns.arrivals).toBeGreaterThan(550);
    // The lookup costs 2 × 10 ms link + 1 ms DNS service: the median request pays it only without caching.
    expect(uncached.latencyMs.p50! - cached.latencyMs.p50!).toBeCloseTo(21, 0);
  });
});
