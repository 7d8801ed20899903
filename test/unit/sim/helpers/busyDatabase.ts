import type { Check } from '../../../../shared/model/types';
import { makeDocument } from './documents';

type Scenario = Parameters<typeof makeDocument>[0]['scenario'];

/**
 * 400 reads/s of 40 ms on a database of 8 connections (16 connections' worth offered), behind an
 * app that never limits it: every connection busy and a long queue booked, for tests of what a
 * `set` of its connections mid-run does.
 */
export function busyDatabase(scenario: Scenario, checks: Check[] = []) {
  return makeDocument({
    durationS: 6,
    nodes: [
      { id: 'c', kind: 'client', config: { rps: 400, arrival: 'constant', timeoutMs: 3000, writeRatio: 0 } },
      { id: 'app', kind: 'app', config: { workers: 500, queueLimit: 1000, serviceMs: 0.1, downstreamTimeoutMs: 3000 } },
      { id: 'db', kind: 'db', config: { connections: 8, queueLimit: 10_000, readMs: 40 } },
    ],
    links: [
      { from: 'c', to: 'app' },
      { from: 'app', to: 'db' },
    ],
    scenario,
    checks,
  });
}
