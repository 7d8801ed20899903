import type { Report } from '../../../shared/sim/report';

/** A complete, plausible report for CLI tests; override what a test cares about. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    format: 'faultline-report',
    version: 1,
    title: 'Fake run',
    seed: 1,
    durationS: 3,
    events: 12345,
    wallMs: 0,
    requests: { total: 300, ok: 297, error: 1, timeout: 1, rejected: 1, dropped: 0 },
    latencyMs: { mean: 12.3456789, p50: 10.0001, p95: 30.25, p99: 55.5, max: 120.4 },
    availability: 0.99,
    throughputRps: 99,
    consistency: { reads: 270, staleReads: 2, writes: 30, lostWrites: 0, sessionsLost: 0 },
    nodes: {
      c1: { kind: 'client', arrivals: 0, completed: 300, errors: 0, rejected: 0, utilization: 0, meanQueue: 0, maxQueue: 0, downS: 0 },
      cache1: {
        kind: 'cache',
        arrivals: 270,
        completed: 270,
        errors: 0,
        rejected: 0,
        utilization: 0.0123456789,
        meanQueue: 0.1,
        maxQueue: 2,
        downS: 0,
        hits: 200,
        misses: 70,
        hitRatio: 200 / 270,
        keys: 150,
      },
    },
    checks: [],
    timeline: [
      { t: 0, sent: 100, ok: 99, failed: 1, p50: 10.1234, p99: 50 },
      { t: 1, sent: 100, ok: 100, failed: 0, p50: 9.5, p99: 49.25 },
      { t: 2, sent: 100, ok: 98, failed: 2, p50: null, p99: null },
    ],
    ...overrides,
  };
}
