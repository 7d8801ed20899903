import { describe, expect, it, vi } from 'vitest';
import { guardClose, type CloseChoice } from '../../../main/window/closeGuard';

/** `closesLater`: as Electron's, the window is gone (and 'closed' emitted) a moment after close() lets it go. */
function fakeWindow({ closesLater = false } = {}) {
  let listener: (event: { preventDefault(): void }) => void = () => {};
  const closedListeners: Array<() => void> = [];
  const window = {
    destroyed: false,
    closes: 0,
    on: (_event: 'close', next: typeof listener) => {
      listener = next;
    },
    once: (_event: 'closed', next: () => void) => {
      closedListeners.push(next);
    },
    close() {
      window.closes++;
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      listener(event);
      const destroy = () => {
        window.destroyed = true;
        closedListeners.splice(0).forEach((closed) => closed());
      };
      if (!event.prevented) {
        if (closesLater) setTimeout(destroy, 0);
        else destroy();
      }
      return event.prevented;
    },
    isDestroyed: () => window.destroyed,
  };
  return window;
}

function setup(dirty: boolean, answer: CloseChoice) {
  const window = fakeWindow();
  const deps = {
    documentState: () => ({ title: 'Lesson', dirty }),
    ask: vi.fn(async () => answer),
    requestSave: vi.fn(),
    discardRecovery: vi.fn(async () => {}),
  };
  const guard = guardClose(window, deps);
  return { window, deps, guard };
}

describe('guardClose', () => {
  it('lets a clean window close without asking', () => {
    const { window, deps } = setup(false, 'cancel');
    window.close();
    expect(window.destroyed).toBe(true);
    expect(deps.ask).not.toHaveBeenCalled();
  });

  it('Cancel keeps a dirty window open', async () => {
    const { window, deps } = setup(true, 'cancel');
    expect(window.close()).toBe(true);
    await vi.waitFor(() => expect(deps.ask).toHaveBeenCalledWith('Lesson'));
    expect(window.destroyed).toBe(false);
    expect(deps.requestSave).not.toHaveBeenCalled();
  });

  it('Save asks the page to save and waits; the page then closes the window through allowClose', async () => {
    const { window, deps, guard } = setup(true, 'save');
    window.close();
    await vi.waitFor(() => expect(deps.requestSave).toHaveBeenCalled());
    expect(window.destroyed).toBe(false);
    guard.allowClose();
    expect(window.destroyed).toBe(true);
  });

  it("Don't Save closes and drops the autosaved copy", async () => {
    const { window, deps } = setup(true, 'discard');
    window.close();
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    expect(deps.discardRecovery).toHaveBeenCalled();
  });

  it('asks once even when close is pressed again while the box is up', async () => {
    const { window, deps } = setup(true, 'cancel');
    let answer: (choice: CloseChoice) => void = () => {};
    deps.ask.mockImplementation(() => new Promise<CloseChoice>((resolve) => (answer = resolve)));
    window.close();
    window.close();
    expect(deps.ask).toHaveBeenCalledTimes(1);
    answer('cancel');
  });

  describe('when Quit asked the window to close (macOS keeps running with no window, so quit must be asked again)', () => {
    function quitting(answer: CloseChoice) {
      const window = fakeWindow({ closesLater: true });
      let requested = false;
      const quit = {
        takeRequest: vi.fn(() => {
          const was = requested;
          requested = false;
          return was;
        }),
        resume: vi.fn(),
      };
      const deps = {
        documentState: () => ({ title: 'Lesson', dirty: true }),
        ask: vi.fn(async () => answer),
        requestSave: vi.fn(),
        discardRecovery: vi.fn(async () => {}),
        quit,
      };
      const guard = guardClose(window, deps);
      const quitApp = () => {
        requested = true; // before-quit
        window.close(); // Electron closes every window; a prevented close cancels the quit
      };
      return { window, deps, guard, quit, quitApp };
    }

    it("Don't Save closes the window and quits again", async () => {
      const { window, quit, quitApp } = quitting('discard');
      quitApp();
      await vi.waitFor(() => expect(window.destroyed).toBe(true));
      expect(quit.resume).toHaveBeenCalledTimes(1);
    });

    it('Save quits again once the page has saved and closed the window', async () => {
      const { window, deps, guard, quit, quitApp } = quitting('save');
      quitApp();
      await vi.waitFor(() => expect(deps.requestSave).toHaveBeenCalled());
      expect(quit.resume).not.toHaveBeenCalled();
      guard.allowClose();
      expect(quit.resume).not.toHaveBeenCalled(); // the window is still closing
      await vi.waitFor(() => expect(window.destroyed).toBe(true));
      expect(quit.resume).toHaveBeenCalledTimes(1);
    });

    it('Cancel stops the quit: a later close of the window does not quit', async () => {
      const { window, deps, guard, quit, quitApp } = quitting('cancel');
      quitApp();
      await vi.waitFor(() => expect(deps.ask).toHaveBeenCalled());
      await new Promise((resolve) => setTimeout(resolve, 0)); // the Cancel answer is handled
      deps.ask.mockResolvedValue('save');
      window.close();
      await vi.waitFor(() => expect(deps.requestSave).toHaveBeenCalled());
      guard.allowClose();
      await vi.waitFor(() => expect(window.destroyed).toBe(true));
      expect(quit.resume).not.toHaveBeenCalled();
    });

    it('a quit whose Save never finished does not make a later close of the window quit', async () => {
      const { window, deps, guard, quit, quitApp } = quitting('save');
      quitApp();
      await vi.waitFor(() => expect(deps.requestSave).toHaveBeenCalledTimes(1));
      await new Promise((resolve) => setTimeout(resolve, 0)); // the page's save failed: no allowClose
      window.close(); // later, the close button
      await vi.waitFor(() => expect(deps.requestSave).toHaveBeenCalledTimes(2));
      guard.allowClose();
      await vi.waitFor(() => expect(window.destroyed).toBe(true));
      expect(quit.resume).not.toHaveBeenCalled();
    });

    it('closing the window itself (not Quit) does not quit', async () => {
      const { window, quit } = quitting('discard');
      window.close();
      await vi.waitFor(() => expect(window.destroyed).toBe(true));
      expect(quit.resume).not.toHaveBeenCalled();
    });
  });
});
