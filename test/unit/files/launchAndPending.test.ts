import { describe, expect, it, vi } from 'vitest';
import { faultlineFilesIn } from '../../../main/files/launchArguments';
import { PendingOpens } from '../../../main/files/pendingOpens';

describe('faultlineFilesIn', () => {
  it('picks .faultline arguments, skipping the executable and flags, resolving relative paths', () => {
    expect(faultlineFilesIn(['/opt/Faultline/faultline', '--no-sandbox', 'a.faultline', '/abs/B.FAULTLINE', 'notes.txt'], '/home/me')).toEqual(['/home/me/a.faultline', '/abs/B.FAULTLINE']);
    expect(faultlineFilesIn(['electron', '.'], '/x')).toEqual([]);
  });
});

describe('PendingOpens', () => {
  const opened = (text: string) => ({ status: 'opened' as const, file: { token: 'T'.repeat(32), name: 'a', location: '/a' }, text });

  it('queues opens until the page first asks, then sends them at once', () => {
    const pending = new PendingOpens();
    const send = vi.fn();
    pending.deliver(1, opened('early'), send);
    expect(send).not.toHaveBeenCalled();
    expect(pending.take(1)).toEqual([opened('early')]);
    pending.deliver(1, opened('late'), send);
    expect(send).toHaveBeenCalledWith(opened('late'));
    expect(pending.take(1)).toEqual([]);
  });

  it('keeps only the newest few when launches pile up, and forgets a closed window', () => {
    const pending = new PendingOpens();
    for (let index = 0; index < 20; index++) pending.deliver(2, opened(String(index)), vi.fn());
    expect(pending.take(2).map((result) => (result.status === 'opened' ? result.text : ''))).toEqual(['12', '13', '14', '15', '16', '17', '18', '19']);
    pending.forget(2);
    const send = vi.fn();
    pending.deliver(2, opened('after'), send);
    expect(send).not.toHaveBeenCalled();
  });
});
