import { describe, expect, it } from 'vitest';
import { addressLogEntry, emptyLogText } from '../../../renderer/live/liveLog';

describe('an empty event log', () => {
  it('asks for Play only before the run; after it, says that nothing it lists happened and where overload shows', () => {
    expect(emptyLogText(0, false)).toBe('Nothing has happened yet. Press Play.');
    expect(emptyLogText(12_000, false)).toBe('No scenario events, faults, health-check changes or failovers so far. Overload and failed requests show in Charts.');
    expect(emptyLogText(60_000, true)).toBe('No scenario events, faults, health-check changes or failovers in this run. Overload and failed requests show in Charts.');
  });
});

describe('an lb HA pair in the event log', () => {
  it('reads as the standby taking the address over, then the active taking it back, each a recovery on both nodes', () => {
    const takeover = addressLogEntry(1, 11_750, 'lbA', 'lbB');
    expect(takeover).toMatchObject({ text: 'lbB takes over the address of lbA, whose heartbeats stopped (HA pair)', category: 'health', outcome: 'recovery', nodes: ['lbB', 'lbA'] });
    expect(addressLogEntry(2, 15_500, 'lbA', 'lbA')).toMatchObject({ text: 'lbA takes its address back (HA pair)', nodes: ['lbA'] });
  });
});
