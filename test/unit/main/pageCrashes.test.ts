import { describe, expect, it } from 'vitest';
import { CRASH_WINDOW_MS, MAX_RELOADS, PageCrashes } from '../../../main/window/pageCrashes';
import { describeFileError } from '../../../main/files/fileSystem';

describe('a crashed page', () => {
  it('is reloaded at most three times a minute, then left down (it reloaded for ever)', () => {
    const crashes = new PageCrashes();
    const decisions = [0, 1_000, 2_000, 3_000, 4_000].map((t) => crashes.shouldReload(t));
    expect(decisions).toEqual([true, true, true, false, false]);
    expect(MAX_RELOADS).toBe(3);
    // A minute after the first crashes it may reload again.
    expect(crashes.shouldReload(4_000 + CRASH_WINDOW_MS)).toBe(true);
  });
});

describe('file error messages', () => {
  it('stay within what the IPC schemas accept, however long the path in the error', () => {
    const error = Object.assign(new Error(`ENOTDIR: not a directory, open '/${'deep/'.repeat(300)}file.faultline'`), { code: 'ENOTDIR' });
    const message = describeFileError('open', `${'x'.repeat(500)}.faultline`, error);
    expect(message.length).toBeLessThanOrEqual(1000);
    expect(message).toMatch(/^Could not open “x+…”: ENOTDIR/);
    expect(message.endsWith('…')).toBe(true);
  });
});
