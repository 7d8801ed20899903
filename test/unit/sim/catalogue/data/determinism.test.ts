import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import { reportToJson } from '../../../../../shared/sim/report';
import { loadDataFixture } from './loadFixture';

const FIXTURES = ['replication', 'failover', 'master-master', 'cache-policies', 'write-behind', 'sessions', 'publish', 'jobs', 'durable', 'shards'];

describe('data fixtures are deterministic', () => {
  for (const name of FIXTURES) {
    it(`${name}: same file and seed ⇒ same events and the same report, byte for byte; another seed differs`, () => {
      const first = new Simulation(loadDataFixture(name), { trace: true });
      const second = new Simulation(loadDataFixture(name), { trace: true });
      const a = reportToJson(first.finish());
      expect(reportToJson(second.finish())).toBe(a);
      expect(second.fingerprint()).toBe(first.fingerprint());
      expect(reportToJson(new Simulation(loadDataFixture(name), { seed: 99 }).finish())).not.toBe(a);
    });
  }

  it('bookkeeping: every generated request finished, none in flight, each counted once by outcome', () => {
    for (const name of FIXTURES) {
      const sim = new Simulation(loadDataFixture(name), { trace: true });
      const report = sim.finish();
      expect(sim.requestCounts.inFlight).toBe(0);
      const { total, ok, error, timeout, rejected, dropped } = report.requests;
      expect(ok + error + timeout + rejected + dropped).toBe(total);
      expect(report.consistency.reads + report.consistency.writes).toBe(ok);
    }
  });
});
