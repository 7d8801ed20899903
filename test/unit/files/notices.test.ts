import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DialogQueue, MAX_NOTICES, NOTICE_MS } from '../../../renderer/app/files/dialogQueue';

const shown = (queue: DialogQueue) => queue.getSnapshot().notices.map((notice) => notice.message);

describe('notices', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('information and warnings time out; errors stay until dismissed', () => {
    const queue = new DialogQueue();
    queue.notify('Exported “a.png”.');
    queue.notify('Also deleted: 1 scenario event that named what you deleted. Undo brings them back.', 'warning');
    queue.notify('The file could not be saved.', 'error');
    vi.advanceTimersByTime(NOTICE_MS.info!);
    expect(shown(queue)).toEqual(['Also deleted: 1 scenario event that named what you deleted. Undo brings them back.', 'The file could not be saved.']);
    vi.advanceTimersByTime(NOTICE_MS.warning!);
    expect(shown(queue)).toEqual(['The file could not be saved.']);
    vi.advanceTimersByTime(10 * 60_000);
    expect(shown(queue)).toEqual(['The file could not be saved.']);
    queue.dismissNotice(queue.getSnapshot().notices[0].id);
    expect(shown(queue)).toEqual([]);
  });

  it('an identical notice is not stacked: the one shown stays, its time starting again', () => {
    const queue = new DialogQueue();
    queue.notify('Also deleted: 1 check.', 'warning', { step: 1 });
    const first = queue.getSnapshot().notices[0];
    vi.advanceTimersByTime(NOTICE_MS.warning! - 1000);
    queue.notify('Also deleted: 1 check.', 'warning', { step: 2 });
    expect(queue.getSnapshot().notices).toEqual([{ id: first.id, message: 'Also deleted: 1 check.', tone: 'warning', step: 2 }]);
    vi.advanceTimersByTime(2000);
    expect(shown(queue)).toEqual(['Also deleted: 1 check.']);
    vi.advanceTimersByTime(NOTICE_MS.warning!);
    expect(shown(queue)).toEqual([]);
  });

  it('notices of one key replace each other in place (drop after drop into a region: one notice, not a stack over the canvas)', () => {
    const queue = new DialogQueue();
    queue.notify('1 new node is in “Region”: Clients. …', 'warning', { step: 1, key: 'region-change' });
    queue.notify('Also deleted: 1 check.', 'warning', { step: 2 });
    const first = queue.getSnapshot().notices[0];
    queue.notify('1 new node is in “Region”: Load balancer. …', 'warning', { step: 3, key: 'region-change' });
    queue.notify('1 new node is in “Region”: App server. …', 'warning', { step: 4, key: 'region-change' });
    expect(queue.getSnapshot().notices).toEqual([
      { id: first.id, message: '1 new node is in “Region”: App server. …', tone: 'warning', step: 4, key: 'region-change' },
      { id: first.id + 1, message: 'Also deleted: 1 check.', tone: 'warning', step: 2 },
    ]);
  });

  it('a notice about an edit goes when that edit is undone', () => {
    const queue = new DialogQueue();
    queue.notify('About edit 7.', 'warning', { step: 7 });
    queue.notify('About edit 8.', 'warning', { step: 8 });
    queue.notify('Saved “x.faultline”.');
    queue.forgetUndoneEdits((step) => step === 7);
    expect(shown(queue)).toEqual(['About edit 7.', 'Saved “x.faultline”.']);
  });

  it('shows at most a few at once, the oldest giving way', () => {
    const queue = new DialogQueue();
    for (let index = 1; index <= MAX_NOTICES + 2; index++) queue.notify(`Error ${index}`, 'error');
    expect(shown(queue)).toEqual(Array.from({ length: MAX_NOTICES }, (_, index) => `Error ${index + 3}`));
  });
});
