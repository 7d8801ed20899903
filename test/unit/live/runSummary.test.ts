import { describe, expect, it } from 'vitest';
import { runSummary } from '../../../renderer/live/runSummary';
import { PROTOCOL_VERSION } from '../../../shared/sim/session/protocol';
import { LiveModel } from '../../../renderer/live/liveModel';

describe('runSummary', () => {
  it('says how many requests succeeded, how the rest failed, and how the checks went', () => {
    expect(
      runSummary({
        requests: { total: 10816, ok: 10698, error: 0, timeout: 0, rejected: 0, dropped: 118 },
        checks: [{ pass: true }, { pass: true }],
      }),
    ).toBe('Run finished: 98.9% of 10,816 requests ok (118 dropped). Checks: all 2 pass.');
    expect(
      runSummary({
        requests: { total: 2000, ok: 1500, error: 300, timeout: 150, rejected: 50, dropped: 0 },
        checks: [{ pass: true }, { pass: false }, { pass: false }],
      }),
    ).toBe('Run finished: 75.0% of 2,000 requests ok (300 error, 150 timeout, 50 rejected). Checks: 1 of 3 pass — see Checks.');
  });

  it('never rounds a failure away, and copes with runs without requests or checks', () => {
    expect(runSummary({ requests: { total: 100000, ok: 99999, dropped: 1 }, checks: [] })).toBe('Run finished: 99.9% of 100,000 requests ok (1 dropped).');
    expect(runSummary({ requests: { total: 0, ok: 0 } })).toBe('Run finished: no requests were sent.');
  });

  it('speaks of one request or one check in the singular', () => {
    expect(runSummary({ requests: { total: 1, ok: 1 }, checks: [{ pass: true }] })).toBe('Run finished: 100.0% of 1 request ok. The check passes.');
    expect(runSummary({ requests: { total: 1, ok: 0, timeout: 1 }, checks: [{ pass: false }] })).toBe('Run finished: 0.0% of 1 request ok (1 timeout). The check fails — see Checks.');
  });

  it('replaces the last narration caption when the run finishes', () => {
    const model = new LiveModel();
    model.applyEvent({ type: 'loaded', protocol: PROTOCOL_VERSION, nodeIds: ['a'], linkIds: [], durationMs: 60_000, warnings: [] });
    model.applyEvent({ type: 'finished', report: { requests: { total: 10, ok: 10 }, checks: [] } });
    expect(model.caption).toEqual({ timeMs: 60_000, text: 'Run finished: 100.0% of 10 requests ok.', paused: false });
  });
});
