import { useEffect } from 'react';
import { isEmptySelection } from '../../editor/store/selection';
import { useCommandHandler } from '../menu/CommandDispatcherContext';
import type { Editor } from '../../editor/editor';
import { parseClipboardText, SHARE_CODE_PASTED } from '../../editor/commands/clipboardText';
import { notForTheDiagram } from '../../editor/keyboardShortcuts';
import { MOD_KEY } from '../menu/modifierKey';

/** Text selected in the page (a log row, a caption): Copy is then the browser's, not the editor's. */
function pageTextSelected(): boolean {
  const selection = typeof window.getSelection === 'function' ? window.getSelection() : null;
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

/**
 * Cut, Copy and Paste through the system clipboard, however they were asked for: the keyboard,
 * the browser's Edit menu, or the desktop's native Edit menu (its roles send the same DOM
 * events). Text fields and dialogs keep their own clipboard behaviour. Pasted text that is not Faultline
 * content is left alone; Faultline content that fails the file checks is refused with the reason.
 */
export function useClipboardEvents(editor: Editor, notify: (message: string, tone: 'error' | 'warning') => void): void {
  useEffect(() => {
    const onCopyOrCut = (event: ClipboardEvent) => {
      if (notForTheDiagram(event.target) || pageTextSelected() || !event.clipboardData) return;
      const text = event.type === 'cut' ? editor.cut() : editor.copy();
      if (text === undefined) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (notForTheDiagram(event.target) || !event.clipboardData) return;
      const text = event.clipboardData.getData('text/plain');
      const parsed = parseClipboardText(text);
      if (parsed.kind === 'foreign') return;
      event.preventDefault();
      if (parsed.kind === 'shareCode') notify(SHARE_CODE_PASTED, 'warning');
      else if (parsed.kind === 'invalid') notify(`Nothing was pasted: the copied Faultline content is not valid (${parsed.message}).`, 'error');
      else editor.paste(parsed.content);
    };
    window.addEventListener('copy', onCopyOrCut);
    window.addEventListener('cut', onCopyOrCut);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('copy', onCopyOrCut);
      window.removeEventListener('cut', onCopyOrCut);
      window.removeEventListener('paste', onPaste);
    };
  }, [editor, notify]);
}

/** Edit → Paste with no Faultline nodes on the clipboard (it may hold other text: the menu cannot know before reading it). */
export const NOTHING_TO_PASTE = `Nothing to paste: the clipboard holds no Faultline nodes. Select nodes and copy them (${MOD_KEY}+C) first.`;

/** The page's clipboard, where it has one (a non-secure context has none). */
const systemClipboard = (): Clipboard | null => (typeof navigator !== 'undefined' && navigator.clipboard ? navigator.clipboard : null);

/**
 * Edit → Cut / Copy / Paste of the web edition's in-page menu (a click is no clipboard event, so
 * these use the asynchronous clipboard API). When the page may not read the clipboard, Paste
 * falls back to the editor's own last copy.
 */
export function useClipboardCommands(editor: Editor, notify: (message: string, tone: 'error' | 'warning') => void): void {
  const hasSelection = () => !isEmptySelection(editor.store.getSelection());
  const put = (text: string | undefined) => {
    if (text !== undefined) void systemClipboard()?.writeText(text).catch(() => undefined);
  };
  useCommandHandler('edit.copy', () => put(editor.copy()), hasSelection);
  useCommandHandler('edit.cut', () => put(editor.cut()), hasSelection);
  useCommandHandler('edit.paste', async () => {
    const text = await (systemClipboard()?.readText() ?? Promise.reject(new Error('no clipboard'))).catch(() => null);
    // Paste from the menu was asked for: with nothing to paste it says so (it did nothing, silently).
    if (text === null) {
      if (!editor.paste()) notify(NOTHING_TO_PASTE, 'warning');
      return;
    }
    const parsed = parseClipboardText(text);
    if (parsed.kind === 'invalid') notify(`Nothing was pasted: the copied Faultline content is not valid (${parsed.message}).`, 'error');
    else if (parsed.kind === 'shareCode') notify(SHARE_CODE_PASTED, 'warning');
    else if (parsed.kind === 'content') editor.paste(parsed.content);
    else notify(NOTHING_TO_PASTE, 'warning');
  });
}
