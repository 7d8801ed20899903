import { describe, expect, it, vi } from 'vitest';
import { guardClose, type CloseChoice } from '../../../main/window/closeGuard';

function fakeWindow() {
  let listener: (event: { preventDefault(): void }) => void = () => {};
  const window = {
    destroyed: false,
    closes: 0,
    on: (_event: 'close', next: typeof listener) => {
      listener = next;
    },
    close() {
      window.closes++;
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      listener(event);
      if (!event.prevented) window.destroyed = true;
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
});
