import type { Editor } from './editor';
import { EMPTY_SELECTION } from './store/selection';
import { GRID } from './geometry';
import { ARROW_DIRECTIONS } from './keyboardNavigation';

/** True when the key press belongs to a text field, a select or anything editable: no shortcuts then. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** The target is a text field, or inside a dialog (the diagram behind it is not in play): edit commands are not the diagram's. */
export function notForTheDiagram(target: EventTarget | null): boolean {
  return isTypingTarget(target) || (typeof Element !== 'undefined' && target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null);
}

/**
 * Marks a panel that edits the document in place though it is a dialog by role (the scenario
 * event editor): Undo and Redo keys pressed on its menus and check boxes are the document's, as
 * in the inspector, not held as a modal dialog holds them.
 */
export const DOCUMENT_EDITOR_ATTRIBUTE = 'data-document-editor';

/** Input types that take typed text, where Ctrl+Z is the field's own text undo. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

function isTextEntry(target: HTMLElement): boolean {
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return target.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((target as HTMLInputElement).type);
}

/**
 * Ctrl+Z / Ctrl+Y undo and redo the document, except in a text field (its own text undo) and in
 * a modal dialog (the diagram behind it is not in play). On a menu, a check box or a button the
 * browser has nothing of that control's to undo: left to it, its page-wide text undo took back
 * characters typed into another field (the narration, with the event's Action menu focused)
 * while the change just made stayed.
 */
export function undoKeysForTheDocument(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return true;
  if (isTextEntry(target)) return false;
  const dialog = target.closest('[role="dialog"], [role="alertdialog"]');
  return dialog === null || dialog.hasAttribute(DOCUMENT_EDITOR_ATTRIBUTE);
}

function closestRole(target: EventTarget | null, roles: readonly string[]): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  return target.closest(roles.map((role) => `[role="${role}"]`).join(', ')) !== null;
}

/**
 * Marks a panel whose controls stand for things of their own — the checks panel, the timeline
 * and its event markers — so plain keys pressed there are not the canvas selection's: left to
 * the editor, Delete on a check's Edit button (where Done leaves the focus) or on Add check
 * deleted the nodes selected on the canvas, out of sight.
 */
export const OWN_KEYS_ATTRIBUTE = 'data-own-keys';

/**
 * Focus is in a widget that moves or acts with plain keys — tabs and radio groups with the
 * arrows, menus and lists too — or in a panel marked with OWN_KEYS_ATTRIBUTE, so Delete,
 * Backspace, the arrows and Escape are left to it (Backspace on the Checks tab must not delete
 * the selected nodes). Shortcuts with Ctrl/Cmd still reach the editor from anywhere.
 */
export function isWidgetTarget(target: EventTarget | null): boolean {
  if (typeof Element !== 'undefined' && target instanceof Element && target.closest(`[${OWN_KEYS_ATTRIBUTE}]`) !== null) return true;
  return closestRole(target, ['tab', 'tablist', 'radio', 'radiogroup', 'menuitem', 'menu', 'menubar', 'option', 'listbox', 'slider']);
}

/**
 * Focus is on a control that Space activates — a button, tab, radio, check box, menu item or
 * list option — so Space is its, as keyboard users expect; Space plays and pauses when focus is
 * on the canvas or nowhere in particular.
 */
export function ownsSpace(target: EventTarget | null): boolean {
  if (typeof Element !== 'undefined' && target instanceof Element && target.closest('button, summary, a[href]') !== null) return true;
  // Not 'slider': Space means nothing to a slider, and the timeline (a slider, focused after every
  // click-to-seek) is exactly where Play is expected to work.
  return closestRole(target, ['button', 'tab', 'radio', 'checkbox', 'switch', 'menuitem', 'menuitemcheckbox', 'menu', 'menubar', 'option', 'listbox']);
}

/** Marks the run's own controls (the playback bar, the run panels' tabs): Space plays and pauses there. */
export const SPACE_PLAYS_SELECTOR = '[data-space-plays]';

/** Focus is on one of the run's own controls, where Space plays and pauses instead of pressing the control. */
export function inSpacePlaysArea(target: EventTarget | null): boolean {
  return typeof Element !== 'undefined' && target instanceof Element && target.closest(SPACE_PLAYS_SELECTOR) !== null;
}

/**
 * Space plays and pauses: on the canvas, the timeline or nowhere in particular, and on the
 * playback bar's buttons and the run panels' tabs (after a click on a speed button or a tab,
 * Space must still stop the run, not press that control again). Text fields, selects, menus,
 * dialogs and every other button keep Space for themselves.
 */
export function spacePlaysPauses(target: EventTarget | null): boolean {
  if (notForTheDiagram(target)) return false;
  if (inSpacePlaysArea(target)) return true;
  return !ownsSpace(target);
}

/**
 * The editor's keyboard shortcuts (desktop conventions: Ctrl on Linux/Windows, Cmd on macOS).
 * Returns whether the key was handled, so the caller can prevent the browser's default.
 */
export function handleEditorKey(editor: Editor, event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>): boolean {
  const accel = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (accel && !event.altKey && (key === 'z' || key === 'y') && undoKeysForTheDocument(event.target)) {
    if (key === 'z' && !event.shiftKey) editor.undo();
    else editor.redo();
    return true;
  }
  // A dialog holds the keyboard: Delete on its Close button must not delete the selected nodes
  // behind it, nor Ctrl+Z undo them.
  if (notForTheDiagram(event.target)) return false;
  if (accel && !event.altKey) {
    switch (key) {
      // Undo and redo were taken above, where they are the document's.
      case 'z':
      case 'y':
        return false;
      // Ctrl+C / X / V are left to the browser, which turns them into copy / cut / paste events
      // (useClipboardEvents): that is the only way to reach the system clipboard.
      case 'd':
        editor.duplicate();
        return true;
      case 'a':
        editor.selectAll();
        return true;
      // Ctrl with + / − / 0 zooms the canvas, not the page (the View menu shows these accelerators).
      case '=':
      case '+':
        editor.zoomIn();
        return true;
      case '-':
        editor.zoomOut();
        return true;
      case '0':
        editor.zoomReset();
        return true;
      default:
        return false;
    }
  }
  if (event.altKey || accel || isWidgetTarget(event.target)) return false;
  switch (key) {
    case 'Delete':
    case 'Backspace':
      editor.deleteSelected();
      return true;
    case 'Escape':
      editor.tool.cancel();
      return true;
    case 'f':
      editor.fitToContent();
      return true;
    case 'ArrowLeft':
    case 'ArrowRight':
    case 'ArrowUp':
    case 'ArrowDown': {
      const step = GRID * (event.shiftKey ? 5 : 1);
      const [dx, dy] = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[key];
      editor.nudge(dx, dy);
      return true;
    }
    case '+':
    case '=':
      editor.zoomIn();
      return true;
    case '-':
    case '_':
      editor.zoomOut();
      return true;
    default:
      return false;
  }
}

/** The canvas's host element (the one Tab reaches) has focus: the canvas keys apply. */
export function isCanvasTarget(target: EventTarget | null): boolean {
  return typeof Element !== 'undefined' && target instanceof Element && target.closest('.sandbox-canvas') !== null;
}

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>;

/**
 * Keys that only the focused canvas takes, before the editor's shortcuts (which act on the
 * selection these keys make): Tab / Shift+Tab walk the nodes in reading order, then the regions
 * (and leave the canvas past the last / first), Alt+arrows select the nearest node that way, Escape clears the
 * selection, F2 renames, L starts a link whose target the arrows (or Tab) choose and Enter makes,
 * `]` / `[` select the selected node's links one by one, and Shift+F10 or the Menu key open the
 * fault menu of the selected node or link in a run. Returns whether the key was used.
 */
export function handleCanvasKey(editor: Editor, event: KeyPress): boolean {
  const accel = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const direction = ARROW_DIRECTIONS[key];
  if (editor.tool.keyboardLink()) {
    // Choosing a link's target is modal: Delete must not delete the source meanwhile. Shortcuts
    // with Ctrl/Cmd still work (Undo cancels the link first).
    if (accel) return false;
    if (direction !== undefined) editor.moveKeyboardLinkTarget(direction);
    else if (key === 'Tab') editor.moveKeyboardLinkTarget(event.shiftKey ? -1 : 1);
    else if (key === 'Enter') editor.commitKeyboardLink();
    else if (key === 'Escape') editor.tool.cancel();
    else if (key === ' ') return false;
    return true;
  }
  if (accel && direction !== undefined && !event.altKey) {
    // Ctrl/Cmd+arrows resize the selected regions (Right and Down grow); Shift for five steps.
    const step = GRID * (event.shiftKey ? 5 : 1);
    const [dw, dh] = { left: [-step, 0], right: [step, 0], up: [0, -step], down: [0, step] }[direction];
    editor.resizeSelectedRegions(dw, dh);
    return true;
  }
  if (accel) return false;
  if (key === 'Tab' && !event.altKey) return editor.selectNextTabStop(event.shiftKey ? -1 : 1);
  if (direction !== undefined && event.altKey && !event.shiftKey) {
    editor.selectNodeInDirection(direction);
    return true;
  }
  if (event.altKey) return false;
  if ((key === 'F10' && event.shiftKey) || key === 'ContextMenu') return editor.requestContextMenu();
  if (key === 'r') {
    editor.selectNextRegion(event.shiftKey ? -1 : 1);
    return true;
  }
  if (event.shiftKey) return false;
  switch (key) {
    case 'Escape':
      if (editor.tool.isIdle()) {
        editor.select(EMPTY_SELECTION);
        editor.setHint(undefined);
      } else editor.tool.cancel();
      return true;
    case 'l':
      editor.startKeyboardLink();
      return true;
    case ']':
    case '[':
      editor.selectNextLinkOfNode(key === ']' ? 1 : -1);
      return true;
    case 'F2': {
      const selection = editor.store.getSelection();
      const id = selection.nodes.at(-1);
      if (id !== undefined) editor.startRename({ kind: 'nodes', id });
      else if (selection.regions.length > 0) editor.startRename({ kind: 'regions', id: selection.regions[selection.regions.length - 1] });
      return id !== undefined || selection.regions.length > 0;
    }
    default:
      return false;
  }
}
