import { describe, expect, it } from 'vitest';
import { CONSISTENCY_ROW_FLOATS, parseEngineMessage, type Frame } from '../../../shared/sim/session/protocol';
import { createHarness, exampleText } from './harness';

/** A frame as the session posts it, with its consistency rows replaced. */
function frameWith(consistencyRows: unknown): unknown {
  const h = createHarness();
  h.session.handle({ type: 'load', documentText: exampleText });
  h.session.handle({ type: 'step', deltaMs: 3000 });
  const frame: Frame = h.lastFrame();
  return { ...frame, consistencyRows };
}

function refusal(message: unknown): string {
  const parsed = parseEngineMessage(message);
  if (parsed.ok) throw new Error('the frame was accepted');
  return parsed.error;
}

describe('the frame\'s consistency rows', () => {
  it('a frame the session posts carries them, whole rows of t and three counts, and passes', () => {
    const h = createHarness();
    h.session.handle({ type: 'load', documentText: exampleText });
    h.session.handle({ type: 'step', deltaMs: 3000 });
    const posted = h.lastFrame();
    expect(posted.consistencyRows).toBeInstanceOf(Float64Array);
    expect(posted.consistencyRows.length % CONSISTENCY_ROW_FLOATS).toBe(0);
    expect(posted.consistencyRows.length).toBeGreaterThan(0);
    expect(parseEngineMessage(posted).ok).toBe(true);
    expect(h.transfers.at(-1)).toContain(posted.consistencyRows.buffer);
  });

  it('refuses a frame without them, or with them in another type', () => {
    expect(refusal(frameWith(undefined))).toMatch(/^consistencyRows: /);
    expect(refusal(frameWith([0, 1, 0, 0]))).toMatch(/^consistencyRows: expected a Float64Array/);
  });

  it('refuses rows that are not whole, naming the row layout', () => {
    expect(refusal(frameWith(new Float64Array(CONSISTENCY_ROW_FLOATS + 1)))).toBe('consistencyRows: not whole rows of 4 (t, staleReads, lostWrites, sessionsLost)');
  });

  it('refuses a second or a count that is not a whole number ≥ 0, naming the row and the column', () => {
    expect(refusal(frameWith(Float64Array.from([0, 1, 0, 0, 1.5, 0, 0, 0])))).toBe('consistencyRows: row 1: t is 1.5, not a whole number ≥ 0');
    expect(refusal(frameWith(Float64Array.from([3, 0, -1, 0])))).toBe('consistencyRows: row 0: lostWrites is -1, not a whole number ≥ 0');
    expect(refusal(frameWith(Float64Array.from([3, 0, 0, Number.NaN])))).toBe('consistencyRows: row 0: sessionsLost is NaN, not a whole number ≥ 0');
  });
});
