import { Dialog } from '@base-ui/react/dialog';
import { useEffect, useState, useSyncExternalStore, type ComponentProps } from 'react';
import { notForTheDiagram } from '../editor/keyboardShortcuts';
import type { DocumentStore } from '../editor/store/documentStore';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';

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
 * Focus to the canvas, unless it is in a field or another dialog by then; with a focus ring if the
 * dialog was used from the keyboard, without one after a click (as a click's focus would be). A
 * task later: a dialog that unmounts gives focus back to its trigger in a microtask of its own,
 * which this follows.
 */
function focusCanvasSoon(): void {
  setTimeout(() => {
    // `focusVisible` (HTML's FocusOptions) is not in TypeScript's DOM types yet.
    const options: FocusOptions & { focusVisible: boolean } = { preventScroll: true, focusVisible: keyboardLast };
    if (!notForTheDiagram(document.activeElement)) CANVAS.current?.focus(options);
  }, 0);
}

/**
 * After a dialog closed with the document unchanged, its action may still be loading one (the
 * file dialogs leave at once, and the document follows a promise later: “Don’t Save”, a share
 * code, Save before a lesson). When that document arrives before the user has pressed a key or
 * the pointer, focus moves on from where the dialog put it back to the canvas.
 */
function focusCanvasOnNextDocument(store: DocumentStore, generation: number): void {
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
 * Every dialog's popup (the file dialogs' frame, the reading dialogs). On close, focus goes back
 * to what opened the dialog, as dialogs do — on Escape, Cancel or Close — unless the dialog's
 * action loads a different document (a lesson, a file, a share code, recovered work, New after
 * “Don’t Save”): then the trigger (“Browse lessons…”, a menu) means nothing for the next key, and
 * focus goes to the canvas, where Space plays the new sandbox and the arrows and Tab walk it.
 */
export function DialogPopup(props: Omit<ComponentProps<typeof Dialog.Popup>, 'finalFocus'>) {
  const store = useDocumentStore();
  const [openedWith] = useState(() => store.getGeneration());
  const generation = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getGeneration(),
  );
  // Closed: if the document changed, focus goes to the canvas; if not, it may still (the file
  // dialogs unmount at once, and the document their action loads follows a promise later).
  useEffect(
    () => () => {
      if (store.getGeneration() !== openedWith) focusCanvasSoon();
      else focusCanvasOnNextDocument(store, openedWith);
    },
    [store, openedWith],
  );
  // `true` is Base UI's own return to the trigger (which leaves alone a focus the user has moved to
  // another dialog meanwhile); once a document arrived, the trigger is skipped (`false`) and the
  // cleanup above places focus on the canvas.
  return <Dialog.Popup {...props} finalFocus={generation === openedWith} />;
}
