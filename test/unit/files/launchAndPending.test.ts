import { describe, expect, it, vi } from 'vitest';
import { faultlineFilesIn, filesFromSecondLaunch, launchHandOver } from '../../../main/files/launchArguments';
import { OsOpenQueue } from '../../../main/files/osOpenQueue';
import { PendingOpens } from '../../../main/files/pendingOpens';

describe('faultlineFilesIn', () => {
  it('picks .faultline arguments, skipping the executable and flags, resolving relative paths', () => {
    expect(faultlineFilesIn(['/opt/Faultline/faultline', '--no-sandbox', 'a.faultline', '/abs/B.FAULTLINE', 'notes.txt'], '/home/me')).toEqual(['/home/me/a.faultline', '/abs/B.FAULTLINE']);
    expect(faultlineFilesIn(['electron', '.'], '/x')).toEqual([]);
  });
});

describe('filesFromSecondLaunch', () => {
  it("takes the files the second launch resolved itself (additionalData), not Electron's rearranged argv", () => {
    const handOver = launchHandOver(['/opt/Faultline/faultline', 'a.faultline', 'notes.txt'], '/home/me');
    expect(handOver).toEqual({ faultlineFiles: ['/home/me/a.faultline'] });
    // The primary sees another argv and working directory; the launch's own answer wins.
    expect(filesFromSecondLaunch(['/opt/Faultline/faultline', '--original-process-start-time=1'], '/', handOver)).toEqual(['/home/me/a.faultline']);
    expect(filesFromSecondLaunch(['/opt/Faultline/faultline', 'b.faultline'], '/x', { faultlineFiles: [] })).toEqual([]);
  });

  it('falls back to argv when the launch handed over nothing usable', () => {
    const argv = ['/opt/Faultline/faultline', 'b.faultline'];
    for (const additionalData of [undefined, null, {}, { faultlineFiles: 'b.faultline' }, { faultlineFiles: ['relative.faultline'] }, { faultlineFiles: ['/etc/passwd'] }, { faultlineFiles: [42] }]) {
      expect(filesFromSecondLaunch(argv, '/x', additionalData), JSON.stringify(additionalData)).toEqual(['/x/b.faultline']);
    }
    expect(filesFromSecondLaunch('not argv', '/x', undefined)).toEqual([]);
    expect(filesFromSecondLaunch([1, 2], '/x', undefined)).toEqual([]);
    expect(filesFromSecondLaunch(argv, undefined, undefined)).toEqual([]);
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

describe('OsOpenQueue', () => {
  it('holds what the OS asks for until start-up has its window, then hands it over once, in order', () => {
    const queue = new OsOpenQueue();
    const handle = vi.fn();
    queue.request(['/launch.faultline']);
    queue.request(['/second/a.faultline', '/second/b.faultline']);
    queue.request(['/mac/open-file.faultline']);
    expect(handle).not.toHaveBeenCalled();
    queue.start(handle);
    expect(handle.mock.calls).toEqual([[['/launch.faultline', '/second/a.faultline', '/second/b.faultline', '/mac/open-file.faultline']]]);
  });

  it('drops a bare "come to the front" that arrives before start: start-up opens and shows its own window', () => {
    const queue = new OsOpenQueue();
    const handle = vi.fn();
    queue.request([]);
    queue.request([]);
    queue.start(handle);
    expect(handle).not.toHaveBeenCalled();
  });

  it('opens a file asked for twice before start only once', () => {
    const queue = new OsOpenQueue();
    const handle = vi.fn();
    queue.request(['/a.faultline']);
    queue.request(['/a.faultline', '/b.faultline']);
    queue.start(handle);
    expect(handle.mock.calls).toEqual([[['/a.faultline', '/b.faultline']]]);
  });

  it('after start, hands every request over at once, a bare one too', () => {
    const queue = new OsOpenQueue();
    const handle = vi.fn();
    queue.start(handle);
    queue.request(['/late.faultline']);
    queue.request([]);
    expect(handle.mock.calls).toEqual([[['/late.faultline']], [[]]]);
  });
});
