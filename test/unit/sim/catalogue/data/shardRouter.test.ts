import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import { ShardMap } from '../../../../../shared/sim/nodes/shardRouter/shardMap';
import { createZipf } from '../../../../../shared/sim/random';
import { loadDataFixture } from './loadFixture';
import { makeDocument } from '../../helpers/documents';

/*
 * shards.faultline: 400 rps, half writes, Zipf(s = 1) over 10 000 keys → app → router → shards
 * s0..s4 (single-primary dbs). Most tests leave s4 unlinked (`inactiveLinks`) to have n = 4.
 */
const KEYS = 10_000;
const FOUR = ['s0', 's1', 's2', 's3'];

function run(scheme: string, options: { live?: boolean } = {}) {
  const doc = loadDataFixture('shards', { router: { scheme } });
  const sim = new Simulation(doc, { inactiveLinks: ['router-s4'] });
  if (options.live) {
    sim.runUntil(10_000);
    sim.activateLink('router-s4');
  }
  return { sim, report: sim.finish() };
}

describe('shard router: keysMoved when a fifth shard is added', () => {
  it('hash mod n moves most keys: a key stays only if mix(k) mod 4 = mix(k) mod 5 (1 in 5)', () => {
    const moved = run('hash').report.nodes.router.keysMoved!;
    // 10 000 keys, p = 0.8: SD = 40; ±2 %.
    expect(Math.abs(moved / KEYS - 0.8)).toBeLessThan(0.02);
  });

  it('range re-cuts every range: half the keys change shard going from quarters to fifths', () => {
    // Stay: [0, .2) on s0, [.25, .4) on s1, [.5, .6) on s2, [.75, .8) on s3 = 0.5 of the keys.
    expect(run('range').report.nodes.router.keysMoved).toBe(KEYS / 2);
  });

  it('consistent hashing moves about 1/(n+1) of the keys (only what the new shard takes)', () => {
    const moved = run('consistent-hash').report.nodes.router.keysMoved!;
    // With 100 virtual nodes per shard the new shard's arc is 1/5 ± ≈ 10 % of itself.
    expect(Math.abs(moved / KEYS - 0.2)).toBeLessThan(0.04);
  });

  it('linking the fifth shard during the run reports the keys that actually moved, and it starts taking load', () => {
    const { report } = run('consistent-hash', { live: true });
    const hypothetical = run('consistent-hash').report.nodes.router.keysMoved!;
    // The hypothetical fifth shard has a different name (ring points) than s4, so the counts
    // differ but both are ≈ 1/5.
    expect(Math.abs(report.nodes.router.keysMoved! / KEYS - 0.2)).toBeLessThan(0.04);
    expect(report.nodes.router.keysMoved).not.toBe(hypothetical);
    expect(report.nodes.s4.arrivals).toBeGreaterThan(0);
    expect(report.timeline[9].failed).toBe(0);
    expect(report.timeline[11].failed).toBe(0);
  });
});

describe('shard router: load per shard follows the key popularity', () => {
  const zipf = createZipf(KEYS, 1.0);
  const expectedShares = (scheme: 'hash' | 'range' | 'consistent-hash'): number[] => {
    const map = new ShardMap(scheme, FOUR, 100, KEYS);
    const shares = [0, 0, 0, 0];
    for (let key = 0; key < KEYS; key++) shares[map.shardOf(key)] += zipf.probability(key);
    return shares;
  };

  for (const scheme of ['hash', 'range', 'consistent-hash'] as const) {
    it(`${scheme}: each shard's share of requests is the popularity of the keys it owns`, () => {
      const { report } = run(scheme);
      const total = report.nodes.router.arrivals;
      const expected = expectedShares(scheme);
      FOUR.forEach((id, shard) => {
        // ≈ 12 000 requests: a share's SD ≤ 0.005; ±0.02 is 4 SD.
        expect(Math.abs(report.nodes[id].arrivals / total - expected[shard])).toBeLessThan(0.02);
      });
      expect(report.nodes.s4.arrivals).toBe(0);
    });
  }

  it('range puts the hot keys together: the first shard takes most of the load', () => {
    const { report } = run('range');
    // Keys 0..2499 hold H(2500)/H(10000) ≈ 0.85 of the Zipf(1) mass.
    expect(report.nodes.s0.arrivals / report.nodes.router.arrivals).toBeGreaterThan(0.8);
    // Keys held: writes spread over each range's keys; the cold ranges hold far fewer distinct keys.
    expect(report.nodes.s0.keys!).toBeGreaterThan(report.nodes.s3.keys!);
  });
});

describe('shard router: the app\'s read preference', () => {
  /** Users → app → router → one cluster (primary p, async replica r 50 ms behind), half writes over 50 keys. */
  function readPreferenceRun(readFromReplicas: boolean) {
    return new Simulation(
      makeDocument({
        durationS: 10,
        nodes: [
          { id: 'users', kind: 'client', config: { rps: 1000, writeRatio: 0.5, keys: { count: 50 } } },
          { id: 'app', kind: 'app', config: { serviceMs: 1, workers: 100, readFromReplicas } },
          { id: 'router', kind: 'shard-router' },
          { id: 'p', kind: 'db' },
          { id: 'r', kind: 'db', config: { role: 'replica' } },
        ],
        links: [
          { from: 'users', to: 'app' },
          { from: 'app', to: 'router' },
          { from: 'router', to: 'p' },
          { from: 'router', to: 'r' },
          { from: 'p', to: 'r', kind: 'replication', latencyMs: 50 },
        ],
      }),
    ).finish();
  }

  it('readFromReplicas: false reads the primary through the router too: no stale reads', () => {
    const report = readPreferenceRun(false);
    // The replica only applies replicated writes (the last 50 ms of them still on the way at the
    // end); none of the ~5000 reads went there.
    expect(report.nodes.r.arrivals).toBeLessThanOrEqual(report.consistency.writes);
    expect(report.nodes.r.arrivals).toBeGreaterThan(report.consistency.writes * 0.95);
    expect(report.consistency.staleReads).toBe(0);
  });

  it('readFromReplicas: true reads the replica, 50 ms behind: stale reads appear', () => {
    const report = readPreferenceRun(true);
    expect(report.nodes.r.arrivals).toBeGreaterThan(report.consistency.writes + report.consistency.reads * 0.9);
    expect(report.consistency.staleReads).toBeGreaterThan(100);
  });
});
