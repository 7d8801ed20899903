import { useEffect } from 'react';
import type { Editor } from '../editor/editor';
import { handleCanvasKey, handleEditorKey, isCanvasTarget, spacePlaysPauses } from '../editor/keyboardShortcuts';

/** Window-level shortcuts for the editor; nothing fires while the user types in a field. */
export function useEditorKeyboard(editor: Editor): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === ' ' && spacePlaysPauses(event.target)) {
        editor.tool.spaceHeld = true;
        event.preventDefault();
        return;
      }
      if (isCanvasTarget(event.target)) {
        // A key on the canvas shows where the keys act, even after it was focused by a click.
        editor.setCanvasFocus(true);
        if (handleCanvasKey(editor, event)) {
          event.preventDefault();
          return;
        }
      }
      if (handleEditorKey(editor, event)) event.preventDefault();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') editor.tool.spaceHeld = false;
    };
    // A Space released in another window never arrives here: forget it when focus leaves.
    const onBlur = () => {
      editor.tool.spaceHeld = false;
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, [editor]);
}
