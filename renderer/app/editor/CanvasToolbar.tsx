import { Copy, Maximize, PanelRightClose, PanelRightOpen, Redo2, Trash, Undo2, ZoomIn, ZoomOut } from 'lucide-react';
import { useSyncExternalStore, type MouseEvent } from 'react';
import { useEditor } from '../../editor/EditorContext';
import { isEmptySelection } from '../../editor/store/selection';
import { focusCanvas } from '../canvasFocus';
import { MOD_KEY } from '../menu/modifierKey';

function useHistoryFlags() {
  const editor = useEditor();
  const store = editor.store;
  // One string snapshot so useSyncExternalStore sees a stable value between changes.
  const flags = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => `${store.canUndo() ? 'u' : ''}${store.canRedo() ? 'r' : ''}${isEmptySelection(store.getSelection()) ? '' : 's'}`,
  );
  return { canUndo: flags.includes('u'), canRedo: flags.includes('r'), hasSelection: flags.includes('s') };
}

/**
 * A button's action that can disable the button itself (Delete leaves nothing selected, Undo
 * nothing to undo): the browser then drops focus to the page body, where the next key reaches
 * nothing. Focus goes to the canvas instead, where Tab and the other keys act on the diagram.
 */
function leavingFocusOnCanvas(action: () => void) {
  return (event: MouseEvent<HTMLButtonElement>) => {
    const button = event.currentTarget;
    action();
    // A task later, once the button has been disabled (or not).
    setTimeout(() => {
      if (button.disabled && (document.activeElement === button || document.activeElement === document.body)) focusCanvas();
    }, 0);
  };
}

/**
 * Floating buttons over the canvas for what the shortcuts do, with the shortcut in each tooltip.
 * In classroom mode (`panel`) a last button shows or hides the inspector, which steps aside on
 * windows under 1280 px (styles.css); wider windows keep it and the button is not shown.
 */
export function CanvasToolbar({ panel }: { panel?: { open: boolean; onToggle(): void } } = {}) {
  const editor = useEditor();
  const { canUndo, canRedo, hasSelection } = useHistoryFlags();
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <button type="button" title={`Undo (${MOD_KEY}+Z)`} aria-label="Undo" data-testid="undo" disabled={!canUndo} onClick={leavingFocusOnCanvas(() => editor.undo())}>
        <Undo2 size={17} />
      </button>
      <button type="button" title={`Redo (${MOD_KEY}+Shift+Z)`} aria-label="Redo" data-testid="redo" disabled={!canRedo} onClick={leavingFocusOnCanvas(() => editor.redo())}>
        <Redo2 size={17} />
      </button>
      <span className="toolbar-separator" />
      <button type="button" title={`Duplicate (${MOD_KEY}+D)`} aria-label="Duplicate" disabled={!hasSelection} onClick={() => editor.duplicate()}>
        <Copy size={17} />
      </button>
      <button type="button" title="Delete (Delete)" aria-label="Delete" disabled={!hasSelection} onClick={leavingFocusOnCanvas(() => editor.deleteSelected())}>
        <Trash size={17} />
      </button>
      <span className="toolbar-separator" />
      <button type="button" title="Zoom out (-)" aria-label="Zoom out" onClick={() => editor.zoomOut()}>
        <ZoomOut size={17} />
      </button>
      <button type="button" title="Zoom in (+)" aria-label="Zoom in" onClick={() => editor.zoomIn()}>
        <ZoomIn size={17} />
      </button>
      <button type="button" title="Fit to content (F)" aria-label="Fit to content" onClick={() => editor.fitToContent()}>
        <Maximize size={17} />
      </button>
      {panel !== undefined && (
        <>
          <span className="toolbar-separator classroom-panel-toggle" />
          <button
            type="button"
            className="classroom-panel-toggle"
            title={panel.open ? 'Hide the inspector' : 'Show the inspector'}
            aria-label="Inspector"
            aria-pressed={panel.open}
            data-testid="classroom-panel-toggle"
            onClick={panel.onToggle}
          >
            {panel.open ? <PanelRightClose size={17} /> : <PanelRightOpen size={17} />}
          </button>
        </>
      )}
    </div>
  );
}
