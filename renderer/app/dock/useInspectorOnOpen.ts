import { useEffect } from 'react';
import type { Editor } from '../../editor/editor';
import { isEmptySelection } from '../../editor/store/selection';
import { focusCanvas } from '../canvasFocus';

/** The inspector's first field that takes input (a node's or region's Name, a link's first setting). */
function firstInspectorField(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="inspector"] :is(input, select, textarea):not([disabled]):not([type="hidden"])');
}

/**
 * Opening what is selected on the canvas: Enter on the focused canvas moves the keyboard into the
 * inspector's first field (with Tab alone, every stop on the canvas selects the next node, so the
 * inspector of a node in the middle was out of the keyboard's reach), unfolding a folded inspector
 * first. A double-click on a node, link or region (which still renames a node or region in place)
 * unfolds it too. A plain click or Tab only selects, so folding the inspector to watch a run is
 * not undone by every click, yet the fields are one deliberate gesture away.
 *
 * And back: Escape in an inspector field with nothing to take back (a field's Escape first puts
 * back the value from before the edit, and stops there) returns the keyboard to the canvas, on the
 * same selection; from the inspector's fields the canvas was a long Shift+Tab walk away.
 */
export function useInspectorOnOpen(editor: Editor, folded: boolean, unfold: () => void): void {
  useEffect(() => {
    const onCanvas = (event: Event) => event.target instanceof Element && event.target.closest('.sandbox-canvas') !== null;
    const selected = () => !isEmptySelection(editor.store.getSelection());
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      // Enter also makes a link chosen with L: seen before the canvas takes it, it is not an "open".
      if (!onCanvas(event) || editor.tool.keyboardLink() || !selected()) return;
      event.preventDefault();
      if (folded) unfold();
      // Once the panel shows this selection (an unfolded inspector renders on the next frame).
      requestAnimationFrame(() => firstInspectorField()?.focus());
    };
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      const target = event.target;
      if (!(target instanceof Element) || !target.matches('input, select, textarea') || target.closest('[data-testid="inspector"]') === null) return;
      event.preventDefault();
      focusCanvas();
    };
    const onDoubleClick = (event: MouseEvent) => {
      // After the canvas has selected what was double-clicked (its own listener runs first).
      if (folded && onCanvas(event) && selected()) unfold();
    };
    window.addEventListener('keydown', onKey, true);
    // Bubbling, after the field's own Escape (which stops it when it had an edit to take back).
    window.addEventListener('keydown', onEscape);
    window.addEventListener('dblclick', onDoubleClick);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keydown', onEscape);
      window.removeEventListener('dblclick', onDoubleClick);
    };
  }, [editor, folded, unfold]);
}
