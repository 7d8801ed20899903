import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import type { FaultlineDocument } from '../../../shared/model/types';
import { LiveRun, injectionTimeMs } from '../../../shared/sim/session/liveRun';
import { NodeStateSampler } from '../../../shared/sim/session/nodeStates';
import { exampleText } from './harness';

function example(): FaultlineDocument {
  const loaded = loadDocument(exampleText);
  if (!loaded.ok) throw new Error('example does not load');
  return loaded.document;
}

/** Plays the way the pacer does: many small steps of uneven size, with live actions on the way. */
function playWithActions(run: LiveRun, untilMs: number): void {
  let t = 0;
  let step = 3;
  while (t < untilMs) {
    t = Math.min(untilMs, t + step);
    step = (step * 7) % 97 + 1; // uneven frame sizes, as at changing speeds
    run.advanceTo(t);
    if (t >= 5_000 && t < 5_100 && !injected.has('crash')) {
      injected.add('crash');
      run.inject({ atS: 0, action: 'crash', target: 'app3' });
    }
    if (t >= 8_000 && !injected.has('set')) {
      injected.add('set');
      run.setNodeConfig('users-us', { rps: 400 });
    }
    if (t >= 11_000 && !injected.has('restart')) {
      injected.add('restart');
      run.inject({ atS: 0, action: 'restart', target: 'app3' });
    }
  }
}
const injected = new Set<string>();

function states(run: LiveRun, doc: FaultlineDocument) {
  const sampled = new NodeStateSampler(run.sim, doc).sample();
  return { ...sampled, up: Array.from(run.sim.world.up), counts: run.sim.requestCounts, now: run.sim.now };
}

describe('LiveRun: seeking equals playing', () => {
  it('seeking back re-simulates to exactly the state playing reached, live actions included', () => {
    injected.clear();
    const doc = example();
    const played = new LiveRun(doc, { trace: true });
    playWithActions(played, 15_000);
    const playedFingerprint = played.sim.fingerprint();
    const playedStates = states(played, doc);

    // A second run that plays to 15 s the same way, then seeks back to 9 s and forward again.
    injected.clear();
    const seeking = new LiveRun(doc, { trace: true });
    playWithActions(seeking, 15_000);
    const firstSim = seeking.sim;
    seeking.seek(9_000);
    expect(seeking.sim).not.toBe(firstSim); // backwards really rebuilt the run
    seeking.seek(15_000);
    expect(seeking.sim.fingerprint()).toBe(playedFingerprint);
    expect(states(seeking, doc)).toEqual(playedStates);
    expect(seeking.sim.appliedEvents.map((e) => [e.timeMs, e.event.action, e.event.target])).toEqual(
      played.sim.appliedEvents.map((e) => [e.timeMs, e.event.action, e.event.target]),
    );
  });

  it('the state at a time does not depend on the path: a direct seek equals playing to it', () => {
    injected.clear();
    const doc = example();
    const played = new LiveRun(doc, { trace: true });
    playWithActions(played, 12_000);
    // Seek from scratch: a fresh LiveRun carrying the same actions is what seeking rebuilds.
    played.seek(3_000);
    const atThree = played.sim.fingerprint();
    const plain = new LiveRun(doc, { trace: true });
    plain.advanceTo(3_000);
    expect(atThree).toBe(plain.sim.fingerprint()); // no action before 5 s, so the plain run agrees
    played.seek(12_000);
    expect(played.sim.fingerprint()).not.toBe(plain.sim.fingerprint());
  });
});

describe('LiveRun at 0 s', () => {
  it('applies the events due at 0 s when asked to go to 0 s, and that changes nothing of the run', () => {
    const doc = example();
    const opening = { ...doc, scenario: [{ atS: 0, action: 'note' as const, note: 'Before anything happens', pause: true }, ...doc.scenario] };
    const paused = new LiveRun(opening, { trace: true });
    paused.advanceTo(0);
    // The pause there shows its narration: the note is applied, not left for the next advance.
    expect(paused.sim.appliedEvents.map((applied) => [applied.timeMs, applied.event.note])).toEqual([[0, 'Before anything happens']]);
    paused.advanceTo(30_000);
    const straight = new LiveRun(opening, { trace: true });
    straight.advanceTo(30_000);
    expect(paused.sim.fingerprint()).toBe(straight.sim.fingerprint());
  });
});

describe('injectionTimeMs', () => {
  it('lies just after the next whole millisecond and survives the atS round trip exactly', () => {
    for (const now of [0, 0.25, 999.9995, 5_000, 12_345.678, 59_999.5, 3_599_999.1]) {
      const t = injectionTimeMs(now);
      expect(t).toBeGreaterThan(now);
      expect(t - Math.floor(now)).toBeLessThan(1.01);
      expect((t / 1000) * 1000).toBe(t);
      expect(Number.isInteger(t)).toBe(false);
    }
  });
});
