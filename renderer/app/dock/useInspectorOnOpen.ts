import { useEffect } from 'react';
import type { Editor } from '../../editor/editor';
import { isEmptySelection } from '../../editor/store/selection';

/**
 * While the inspector is folded, opening what is selected on the canvas unfolds it: Enter on the
 * focused canvas, or a double-click on a node, link or region (which still renames a node or
 * region in place). A plain click or Tab only selects, so folding the inspector to watch a run
 * is not undone by every click, yet the fields are one deliberate gesture away.
 */
export function useInspectorOnOpen(editor: Editor, folded: boolean, unfold: () => void): void {
  useEffect(() => {
    if (!folded) return;
    const onCanvas = (event: Event) => event.target instanceof Element && event.target.closest('.sandbox-canvas') !== null;
    const selected = () => !isEmptySelection(editor.store.getSelection());
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      // Enter also makes a link chosen with L: seen before the canvas takes it, it is not an "open".
      if (!onCanvas(event) || editor.tool.keyboardLink() || !selected()) return;
      unfold();
    };
    const onDoubleClick = (event: MouseEvent) => {
      // After the canvas has selected what was double-clicked (its own listener runs first).
      if (onCanvas(event) && selected()) unfold();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('dblclick', onDoubleClick);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('dblclick', onDoubleClick);
    };
  }, [editor, folded, unfold]);
}
