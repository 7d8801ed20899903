import { useEffect } from 'react';
import { notForTheDiagram } from '../editor/keyboardShortcuts';
import type { DocumentStore } from '../editor/store/documentStore';

/**
 * The canvas's host element (the diagram's one Tab stop), read when focus is placed: Space plays
 * there, and the arrow keys and Tab walk the diagram.
 */
const CANVAS = {
  get current() {
    return typeof document === 'undefined' ? null : document.querySelector<HTMLElement>('.sandbox-canvas');
  },
};

/** Whether the last key or pointer press was a key: the canvas shows its focus ring only then. */
let keyboardLast = false;
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', () => (keyboardLast = true), true);
  window.addEventListener('pointerdown', () => (keyboardLast = false), true);
}

/**
 * Focus to the canvas, unless it is in a field or another dialog by then (or, `fromNowhere`,
 * anywhere but the page body); with a focus ring if the last press was a key, without one after
 * a click (as a click's focus would be). A task later: a dialog that unmounts gives focus back to
 * its trigger in a microtask of its own, and a closing menu leaves it on the body, which this follows.
 */
export function focusCanvasSoon(fromNowhere = false): void {
  setTimeout(() => {
    const active = document.activeElement;
    if (fromNowhere && active !== null && active !== document.body) return;
    if (notForTheDiagram(active)) return;
    focusCanvas();
  }, 0);
}

/** Focus to the canvas now, wherever it is (the user asked for it: Escape out of the inspector). */
export function focusCanvas(): void {
  // `focusVisible` (HTML's FocusOptions) is not in TypeScript's DOM types yet.
  const options: FocusOptions & { focusVisible: boolean } = { preventScroll: true, focusVisible: keyboardLast };
  CANVAS.current?.focus(options);
}

/**
 * After a dialog closed with focus nowhere — one opened by a shortcut (Alt+N's "Save changes?")
 * or at start (recovered work) has no trigger to give it back to — focus goes back to what had it
 * when the dialog opened, else to the canvas: the next key acts on the diagram, not the page body.
 */
export function refocusIfLost(previous: Element | null): void {
  setTimeout(() => {
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    if (previous instanceof HTMLElement && previous !== document.body && previous.isConnected) previous.focus({ preventScroll: true });
    else focusCanvasSoon(true);
  }, 0);
}

/**
 * After a dialog closed with the document unchanged, its action may still be loading one (the
 * file dialogs leave at once, and the document follows a promise later: “Don’t Save”, a share
 * code, Save before a lesson). When that document arrives before the user has pressed a key or
 * the pointer, focus moves on from where the dialog put it back to the canvas.
 */
export function focusCanvasOnNextDocument(store: DocumentStore, generation: number): void {
  const stop = () => {
    unsubscribe();
    window.removeEventListener('keydown', stop, true);
    window.removeEventListener('pointerdown', stop, true);
  };
  const unsubscribe = store.subscribe(() => {
    if (store.getGeneration() === generation) return;
    stop();
    focusCanvasSoon();
  });
  window.addEventListener('keydown', stop, true);
  window.addEventListener('pointerdown', stop, true);
}

/**
 * A new document (File → New or Open from a menu, a file the system opened, a dropped file)
 * while focus is nowhere — on the page body, where a closing menu leaves it — puts focus on the
 * canvas, as the dialogs that load one do (DialogPopup): the arrows and Tab then walk the new
 * diagram. Focus the user has put somewhere (a field, a button, a dialog) stays there.
 */
export function useCanvasFocusOnNewDocument(store: DocumentStore): void {
  useEffect(() => {
    let generation = store.getGeneration();
    return store.subscribe(() => {
      const next = store.getGeneration();
      if (next === generation) return;
      generation = next;
      focusCanvasSoon(true);
    });
  }, [store]);
}
