import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import { makeDocument } from '../../helpers/documents';

/** 600 users, each ≈ 1 request/s, behind a hashing lb over three apps that keep local sessions. */
function hashingDoc(algorithm: string, scenario: unknown[]) {
  const app = (id: string) => ({ id, kind: 'app', config: { serviceMs: 1, workers: 100, sessions: 'local' } });
  return makeDocument({
    durationS: 12,
    nodes: [{ id: 'c', kind: 'client', config: { rps: 600, users: 600, timeoutMs: 300 } }, { id: 'lb', kind: 'lb', config: { algorithm } }, app('a0'), app('a1'), app('a2')],
    links: [
      { from: 'c', to: 'lb' },
      { from: 'lb', to: 'a0' },
      { from: 'lb', to: 'a1' },
      { from: 'lb', to: 'a2' },
    ],
    scenario,
  });
}

describe('lb: ip-hash (hash mod n) against consistent hashing when a backend goes away', () => {
  it('with a stable backend set both keep every user on one server: no session is lost', () => {
    for (const algorithm of ['ip-hash', 'consistent-hash']) {
      expect(new Simulation(hashingDoc(algorithm, [])).finish().consistency.sessionsLost).toBe(0);
    }
  });

  it('when one of three is marked down, mod-n hashing moves about two thirds of the users, consistent hashing one third', () => {
    // a2 dies at 3.25 s and is marked down at 6.5 s; every user sends again within the 5.5 s left
    // (P(silent) = e^−5.5 ≈ 0.4 %), so each user that moved loses its session exactly once.
    //  - consistent hashing: only a2's users move: ≈ 1/3 of 600 = 200 (arcs of 100 virtual nodes
    //    per backend are within ±15 % of a third);
    //  - hash mod n: a2's users move, and of the others those whose hash mod 2 now names the other
    //    server — half of them: ≈ 200 + 200 = 400 (binomial spread over 600 users: σ ≈ 12).
    const crash = [{ atS: 3.25, action: 'crash', target: 'a2' }];
    const modN = new Simulation(hashingDoc('ip-hash', crash)).finish().consistency.sessionsLost;
    const ring = new Simulation(hashingDoc('consistent-hash', crash)).finish().consistency.sessionsLost;
    expect(modN).toBeGreaterThan(350);
    expect(modN).toBeLessThan(450);
    expect(ring).toBeGreaterThan(170);
    expect(ring).toBeLessThan(230);
  });
});
