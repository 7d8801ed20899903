import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import { LiveRun } from '../../../shared/sim/session/liveRun';
import { exampleText } from './harness';

const loaded = loadDocument(exampleText);
if (!loaded.ok) throw new Error('example does not load');
const doc = loaded.document;
const apps = ['app1', 'app2', 'app3'];

type Op =
  | { kind: 'advance'; ms: number }
  | { kind: 'seekBack'; share: number }
  | { kind: 'inject'; action: 'crash' | 'restart' | 'slow' | 'recover'; node: number }
  | { kind: 'config'; rps: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.double({ min: 0.5, max: 1_500, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('seekBack' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('inject' as const), action: fc.constantFrom('crash' as const, 'restart' as const, 'slow' as const, 'recover' as const), node: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('config' as const), rps: fc.integer({ min: 10, max: 400 }) }) },
);

function play(ops: Op[]): LiveRun {
  const run = new LiveRun(doc, { trace: true });
  for (const step of ops) {
    if (step.kind === 'advance') run.advanceTo(Math.min(run.durationMs, run.nowMs + step.ms));
    else if (step.kind === 'seekBack') run.seek(run.nowMs * step.share);
    else if (step.kind === 'inject') run.inject({ atS: 0, action: step.action, target: apps[step.node], ...(step.action === 'slow' ? { factor: 3 } : {}) });
    else run.setNodeConfig('users-eu', { rps: step.rps });
  }
  return run;
}

describe('seeking equals playing (property)', () => {
  it('whatever was played, injected, edited and sought, re-simulating from t=0 reaches the same state', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) => {
        const run = play(ops);
        const at = run.nowMs;
        const fingerprint = run.sim.fingerprint();
        const counts = run.sim.requestCounts;
        const up = Array.from(run.sim.world.up);
        run.seek(0);
        run.seek(at);
        expect(run.sim.fingerprint()).toBe(fingerprint);
        expect(run.sim.requestCounts).toEqual(counts);
        expect(Array.from(run.sim.world.up)).toEqual(up);
      }),
      { numRuns: 25, seed: 6 },
    );
  });
});
