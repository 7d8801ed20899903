import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandDispatcher } from '../../../renderer/app/menu/commandDispatcher';
import { runNativeMenuCommand } from '../../../renderer/app/menu/nativeMenuCommands';

/** Just enough of an element for the focus checks (unit tests run without a DOM). */
class FakeElement {
  constructor(
    readonly tagName: string,
    readonly isContentEditable = false,
    private readonly inDialog = false,
  ) {}
  closest(selector: string): FakeElement | null {
    return this.inDialog && selector.includes('dialog') ? this : null;
  }
}

function setUp(activeElement: FakeElement | null) {
  const dispatcher = new CommandDispatcher();
  const selectAll = vi.fn();
  const deleteSelected = vi.fn();
  dispatcher.register('edit.selectAll', { run: selectAll });
  dispatcher.register('edit.delete', { run: deleteSelected });
  // The fake stands in for the focused DOM element (isTypingTarget checks instanceof HTMLElement, stubbed below).
  const document = { activeElement: activeElement as unknown as Element | null, execCommand: vi.fn((_command: string) => true) };
  return { dispatcher, selectAll, deleteSelected, document };
}

describe('runNativeMenuCommand (the desktop’s native Edit menu)', () => {
  beforeEach(() => {
    vi.stubGlobal('HTMLElement', FakeElement);
    vi.stubGlobal('Element', FakeElement);
  });
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['the canvas', new FakeElement('CANVAS')],
    ['a button of the toolbar', new FakeElement('BUTTON')],
    ['nothing in particular', new FakeElement('BODY')],
    ['no element', null],
  ])('with focus on %s, Select All selects every node and Delete deletes the selection', (_where, focus) => {
    const { dispatcher, selectAll, deleteSelected, document } = setUp(focus);
    runNativeMenuCommand('edit.selectAll', dispatcher, document);
    runNativeMenuCommand('edit.delete', dispatcher, document);
    expect(selectAll).toHaveBeenCalledTimes(1);
    expect(deleteSelected).toHaveBeenCalledTimes(1);
    expect(document.execCommand).not.toHaveBeenCalled();
  });

  it.each([
    ['a text input', new FakeElement('INPUT')],
    ['a text area', new FakeElement('TEXTAREA')],
    ['an editable element', new FakeElement('DIV', true)],
    ['a dialog (the diagram behind it is not in play)', new FakeElement('BUTTON', false, true)],
  ])('with focus in %s, Select All and Delete are the native text actions and leave the diagram alone', (_where, focus) => {
    const { dispatcher, selectAll, deleteSelected, document } = setUp(focus);
    runNativeMenuCommand('edit.selectAll', dispatcher, document);
    runNativeMenuCommand('edit.delete', dispatcher, document);
    expect(document.execCommand.mock.calls).toEqual([['selectAll'], ['delete']]);
    expect(selectAll).not.toHaveBeenCalled();
    expect(deleteSelected).not.toHaveBeenCalled();
  });

  it('passes every other command to the dispatcher, wherever focus is', () => {
    const { dispatcher, document } = setUp(new FakeElement('INPUT'));
    const save = vi.fn();
    dispatcher.register('file.save', { run: save });
    runNativeMenuCommand('file.save', dispatcher, document);
    expect(save).toHaveBeenCalled();
    expect(document.execCommand).not.toHaveBeenCalled();
  });
});
