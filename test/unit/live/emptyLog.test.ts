import { describe, expect, it } from 'vitest';
import { emptyLogText } from '../../../renderer/live/liveLog';

describe('an empty event log', () => {
  it('asks for Play only before the run; after it, says that nothing it lists happened and where overload shows', () => {
    expect(emptyLogText(0, false)).toBe('Nothing has happened yet. Press Play.');
    expect(emptyLogText(12_000, false)).toBe('No scenario events, faults, health-check changes or failovers so far. Overload and failed requests show in Charts.');
    expect(emptyLogText(60_000, true)).toBe('No scenario events, faults, health-check changes or failovers in this run. Overload and failed requests show in Charts.');
  });
});
