import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DialogQueue } from '../../../renderer/app/files/dialogQueue';

describe('the busy indicator for work that holds the page', () => {
  /** Frame callbacks waiting for the next frame; `paint` runs them, then the tasks they queued (after the paint). */
  let frames: FrameRequestCallback[] = [];
  const paint = async () => {
    const due = frames;
    frames = [];
    for (const callback of due) callback(0);
    await vi.advanceTimersByTimeAsync(0);
  };
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    frames = [];
  });

  it('is painted before the work starts, and stays until a frame after it has been drawn', async () => {
    const queue = new DialogQueue();
    const work = vi.fn(() => 'checked');
    const done = queue.whileBusy('Opening “big.faultline”…', 'Checking it…', work);
    expect(queue.getSnapshot().dialog).toEqual({ kind: 'busy', label: 'Opening “big.faultline”…', detail: 'Checking it…' });
    await vi.advanceTimersByTimeAsync(0);
    expect(work).not.toHaveBeenCalled(); // no frame yet: the indicator is not on screen
    await paint();
    expect(work).toHaveBeenCalledOnce();
    await paint(); // the frame that draws what the work changed (the canvas builds a new document here)…
    expect(queue.getSnapshot().dialog?.kind).toBe('busy');
    await paint(); // …and one after it
    await expect(done).resolves.toBe('checked');
    expect(queue.getSnapshot().dialog).toBeNull();
  });

  it('goes when the work throws, and the error reaches the caller', async () => {
    const queue = new DialogQueue();
    const done = queue.whileBusy('Opening…', 'Checking it…', () => {
      throw new Error('out of memory');
    });
    const settled = done.catch((error: unknown) => error);
    for (let frame = 0; frame < 3; frame++) await paint();
    expect(await settled).toEqual(new Error('out of memory'));
    expect(queue.getSnapshot().dialog).toBeNull();
  });
});
