import { describe, expect, it } from 'vitest';
import { loadDocument, saveDocument } from '../../../shared/model';
import type { Frame } from '../../../shared/sim/session/protocol';
import { createHarness, exampleText } from './harness';

/**
 * A long seek runs in slices with the message loop in between (Session, SEEK_SLICE_MS): it can be
 * cancelled, sent elsewhere, and commands sent meanwhile run after it, in order.
 * Every clock reading of these harnesses costs 5 ms of pretend real time, so a slice of 50 ms
 * covers a few 250 ms chunks and a seek of tens of seconds takes many slices.
 */
const SLOW_CLOCK_MS = 5;

function loaded(costMs = SLOW_CLOCK_MS) {
  const h = createHarness(costMs);
  h.session.handle({ type: 'load', documentText: exampleText });
  return h;
}

/** What a frame shows of the run (not its sequence number or the speed achieved). */
function state(frame: Frame) {
  return {
    timeMs: frame.timeMs,
    nodeStatus: [...frame.nodeStatus],
    utilization: [...frame.utilization],
    packets: [...frame.packets.subarray(0, frame.packetCount * 4)],
    consistency: [...frame.consistency],
  };
}

/** The frame a seek done in one go (a clock that costs nothing) lands on. */
function seekInOneGo(timeMs: number): Frame {
  const h = loaded(0);
  h.session.handle({ type: 'seek', timeMs });
  return h.lastFrame();
}

describe('a long seek in slices', () => {
  it('gives the message loop turns, and lands on the same state as a seek done in one go', () => {
    const h = loaded();
    const framesBefore = h.frames().length;
    h.session.handle({ type: 'seek', timeMs: 30_000 });
    // Not there yet: the rest is scheduled, and nothing is shown until it lands.
    expect(h.frames().length).toBe(framesBefore);
    expect(h.scheduler.pending).toBe(1);
    const slices = h.scheduler.drain();
    expect(slices).toBeGreaterThan(10);
    const landed = h.frames().slice(framesBefore);
    expect(landed.length).toBe(1);
    expect(state(landed[0])).toEqual(state(seekInOneGo(30_000)));
    // One progress message per 250 ms of (pretend) real time: about 1.2 s here.
    expect(h.ofType('progress').length).toBeGreaterThanOrEqual(4);
  });

  it('a new seek sends it elsewhere — forwards, or back past where it has got — and it lands there only', () => {
    for (const [first, elsewhere, slicesFirst] of [
      [50_000, 20_000, 6], // still short of 20 s: simulates on
      [50_000, 4_000, 20], // already past 4 s: starts over from 0 s
    ] as const) {
      const h = loaded();
      const framesBefore = h.frames().length;
      h.session.handle({ type: 'seek', timeMs: first });
      for (let i = 0; i < slicesFirst; i++) h.scheduler.runNext();
      const reached = h.ofType('progress').at(-1)!.doneMs;
      expect(reached < elsewhere).toBe(elsewhere === 20_000);
      h.session.handle({ type: 'seek', timeMs: elsewhere });
      h.scheduler.drain();
      const landed = h.frames().slice(framesBefore);
      expect(landed.map((frame) => frame.timeMs)).toEqual([elsewhere]);
      expect(state(landed[0])).toEqual(state(seekInOneGo(elsewhere)));
    }
  });

  it('cancelSeek stops it where it has got to; the run goes on from there as usual', () => {
    const h = loaded();
    const framesBefore = h.frames().length;
    h.session.handle({ type: 'seek', timeMs: 50_000 });
    for (let i = 0; i < 5; i++) h.scheduler.runNext();
    const reached = h.ofType('progress').at(-1)!.doneMs;
    h.session.handle({ type: 'cancelSeek' });
    expect(h.scheduler.pending).toBe(0);
    const stopped = h.frames().slice(framesBefore);
    expect(stopped.length).toBe(1);
    expect(stopped[0].timeMs).toBeGreaterThanOrEqual(reached);
    expect(stopped[0].timeMs).toBeLessThan(50_000);
    expect(stopped[0].playing).toBe(false);
    // Where it stopped is a state the run really passes through.
    expect(state(stopped[0])).toEqual(state(seekInOneGo(stopped[0].timeMs)));
    h.session.handle({ type: 'step', deltaMs: 1_000 });
    expect(h.lastFrame().timeMs).toBe(stopped[0].timeMs + 1_000);
    // With no seek under way there is nothing to cancel: no answer, nothing changes.
    const messages = h.messages.length;
    h.session.handle({ type: 'cancelSeek' });
    expect(h.messages.length).toBe(messages);
  });

  it('a run that was playing plays on from where the seek lands, or where it was cancelled', () => {
    const h = loaded();
    h.session.handle({ type: 'play' });
    h.scheduler.runNext();
    h.session.handle({ type: 'seek', timeMs: 40_000 });
    h.scheduler.runNext();
    h.session.handle({ type: 'cancelSeek' });
    const stopped = h.lastFrame();
    expect(stopped.playing).toBe(true);
    h.scheduler.runNext();
    h.scheduler.runNext();
    expect(h.lastFrame().timeMs).toBeGreaterThan(stopped.timeMs);
  });

  it('commands sent during the seek wait, then run in order, as after a seek done in one go', () => {
    const h = loaded();
    h.session.handle({ type: 'seek', timeMs: 30_000 });
    h.session.handle({ type: 'inject', event: { action: 'crash', target: 'app1' } });
    // After a command that waits, a seek waits too (it must not overtake the injection).
    h.session.handle({ type: 'seek', timeMs: 10_000 });
    expect(h.ofType('injected').length).toBe(0);
    h.scheduler.drain();
    const injected = h.ofType('injected');
    expect(injected.length).toBe(1);
    expect(injected[0].event.atS).toBeCloseTo(30.001, 3);
    // Landed at 30 s, the crash just after it, then back to 10 s, where app1 is up again.
    const times = h.frames().slice(1).map((frame) => frame.timeMs);
    expect(times[0]).toBe(30_000);
    expect(times.at(-1)).toBe(10_000);
    const app1 = h.ofType('loaded')[0].nodeIds.indexOf('app1');
    expect(h.lastFrame().nodeStatus[app1]).toBe(0);
    h.session.handle({ type: 'seek', timeMs: 31_000 });
    h.scheduler.drain();
    expect(h.lastFrame().nodeStatus[app1]).not.toBe(0);
  });

  it('a load or reset sent during the seek stops it and runs at once', () => {
    const h = loaded();
    h.session.handle({ type: 'seek', timeMs: 50_000 });
    h.scheduler.runNext();
    h.session.handle({ type: 'reset' });
    expect(h.lastFrame().timeMs).toBe(0);
    expect(h.lastFrame().resync).toBe(true);
    h.scheduler.drain();
    expect(h.lastFrame().timeMs).toBe(0);
    h.session.handle({ type: 'seek', timeMs: 50_000 });
    h.session.handle({ type: 'load', documentText: exampleText });
    expect(h.ofType('loaded').length).toBe(2);
    h.scheduler.drain();
    expect(h.lastFrame().timeMs).toBe(0);
  });

  it('an edit that re-simulates the design to now does it in slices too, and can be stopped early', () => {
    const loadedDoc = loadDocument(exampleText);
    if (!loadedDoc.ok) throw new Error('example');
    const { 'lb-app3': _cut, ...links } = loadedDoc.document.links;
    const edited = saveDocument({ ...loadedDoc.document, links });
    for (const stop of [false, true]) {
      const h = loaded();
      h.session.handle({ type: 'seek', timeMs: 40_000 });
      h.scheduler.drain();
      const framesBefore = h.frames().length;
      h.session.handle({ type: 'edit', documentText: edited });
      expect(h.ofType('loaded').at(-1)!.linkIds).not.toContain('lb-app3');
      expect(h.frames().length).toBe(framesBefore);
      if (stop) {
        for (let i = 0; i < 3; i++) h.scheduler.runNext();
        h.session.handle({ type: 'cancelSeek' });
      }
      h.scheduler.drain();
      const landed = h.frames().slice(framesBefore);
      expect(landed.length).toBe(1);
      const reached = landed[0].timeMs;
      if (stop) expect(reached).toBeLessThan(40_000);
      else expect(reached).toBe(40_000);
      expect(h.ofType('notice').at(-1)!.message).toBe(`The design changed: re-simulated the edited design up to ${(reached / 1000).toFixed(1)} s.`);
    }
  });
});
