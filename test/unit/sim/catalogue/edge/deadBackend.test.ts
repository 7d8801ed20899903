import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import type { FaultlineDocument } from '../../../../../shared/model/types';
import type { Report } from '../../../../../shared/sim/report';
import { loadEdgeFixture, withConfig } from './loadFixture';
import { makeDocument } from '../../helpers/documents';
import { ROUTER_CONNECTIONS } from '../../../../../shared/sim/nodes/shardRouter';

const run = (doc: FaultlineDocument): Report => new Simulation(doc).finish();

/** The fixture with its balancer replaced by a node of another path-holding kind. */
function withFront(doc: FaultlineDocument, kind: 'proxy', config: Record<string, unknown>): FaultlineDocument {
  const copy = structuredClone(doc);
  copy.nodes.front = { ...copy.nodes.front, kind, config };
  return copy;
}

/**
 * A request sent to a crashed backend is never answered. The balancer holding its connection
 * must let go once the user has given up (300 ms here), not after its own 60 s upstream limit:
 * otherwise the ~100 requests sent to the dead backend before the health check notices hold all
 * 100 connections, and a one-second blip refuses every user for the next minute.
 */
describe('a dead backend behind a connection-limited balancer (fixture dead-backend-blip)', () => {
  const doc = loadEdgeFixture('dead-backend-blip');

  for (const [name, front] of [
    ['lb', doc],
    ['proxy', withFront(doc, 'proxy', { maxConnections: 100 })],
  ] as const) {
    it(`${name}: the outage lasts about as long as the crash, and no connection is refused`, () => {
      const report = run(front);
      // app1 gets half of 200 req/s until the health check (1 s interval, 500 ms timeout) marks
      // it down: at most ~1.5 s × 100 req/s of requests are lost there.
      expect(report.requests.rejected).toBe(0);
      expect(report.requests.dropped).toBeGreaterThan(50);
      expect(report.requests.dropped).toBeLessThan(160);
      expect(report.requests.error + report.requests.timeout).toBe(0);
      // Every second from 7 s on is clean again (the backend is back at 6 s).
      for (const row of report.timeline.filter((r) => r.t >= 7)) expect(row.failed).toBe(0);
      // Connections are held for ~2 ms per request, plus ≤ 300 ms for the hundred lost ones.
      expect(report.nodes.front.utilization).toBeLessThan(0.05);
    });
  }

  it('the balancer still answers 504 itself when the user would wait longer than its limit', () => {
    // The backend never comes back, health checks are off, and users wait 90 s: the balancer's
    // 60 s limit ends each request sent to app1 with an error.
    const patient = withConfig(withConfig(doc, 'users', { timeoutMs: 90_000, rps: 20 }), 'front', { healthCheck: { enabled: false } });
    patient.scenario = [{ atS: 5, action: 'crash', target: 'app1' }];
    patient.durationS = 10;
    const report = run(patient);
    // Round-robin: half of the ~100 requests sent after 5 s went to the dead app1.
    expect(report.requests.error).toBeGreaterThan(30);
    expect(report.requests.error).toBeLessThan(75);
    expect(report.requests.timeout + report.requests.dropped).toBe(0);
    expect(report.nodes.front.errors).toBe(report.requests.error);
  });

  it('a user timeout shortened by a set event mid-run does not cut short the attempts already on their way', () => {
    // 3.5 s round trips (1 s each way to the balancer, 1.5 s of service) within a 5 s timeout;
    // at 10 s the users' timeout drops to 1 s. Attempts sent before then still have 5 s.
    const doc = loadEdgeFixture('dead-backend-blip');
    doc.scenario = [{ atS: 10, action: 'set', target: 'users', params: { timeoutMs: 1000 } }];
    doc.durationS = 20;
    Object.assign(doc.nodes.users.config, { rps: 50, arrival: 'constant', timeoutMs: 5000 });
    Object.assign(doc.nodes.app1.config, { serviceMs: 1500, workers: 500 });
    Object.assign(doc.nodes.app2.config, { serviceMs: 1500, workers: 500 });
    doc.links['users-front'].latencyMs = 1000;
    const report = run(doc);
    for (const row of report.timeline.filter((r) => r.t < 10)) expect(row.ok, `second ${row.t}`).toBe(row.sent);
    for (const row of report.timeline.filter((r) => r.t >= 10)) expect(row.ok, `second ${row.t}`).toBe(0);
    expect(report.nodes.front.errors).toBe(0);
  });

  it('a shard router behind an app lets go when the app stops waiting (downstreamTimeoutMs), not when the user does', () => {
    // 40 reads/s over two shards, d2 dead from the start: ~20 a second are routed to it and never
    // answered. The app waits 200 ms, the user 5 s. The router holds a connection per request it
    // waits on: 20/s × 0.2 s = 4 on average if it lets go with the app, 20/s × 5 s = 100 if it
    // waited for the user (its own limit is 60 s).
    const doc = makeDocument({
      durationS: 10,
      nodes: [
        { id: 'users', kind: 'client', config: { rps: 40, arrival: 'constant', timeoutMs: 5000, writeRatio: 0 } },
        { id: 'app', kind: 'app', config: { serviceMs: 1, downstreamTimeoutMs: 200 } },
        { id: 'router', kind: 'shard-router', config: {} },
        { id: 'd1', kind: 'db', config: {} },
        { id: 'd2', kind: 'db', config: {} },
      ],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'router' }, { from: 'router', to: 'd1' }, { from: 'router', to: 'd2' }],
      scenario: [{ atS: 0, action: 'crash', target: 'd2' }],
    });
    const report = run(doc);
    const meanHeld = report.nodes.router.utilization * ROUTER_CONNECTIONS;
    expect(meanHeld).toBeGreaterThan(3);
    expect(meanHeld).toBeLessThan(5);
    // Each request routed to d2 ends in the app's timeout: an error, never the user's timeout.
    expect(report.requests.error).toBeGreaterThan(180);
    expect(report.requests.timeout).toBe(0);
  });
});
