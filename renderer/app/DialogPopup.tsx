import { Dialog } from '@base-ui/react/dialog';
import { useEffect, useState, useSyncExternalStore, type ComponentProps } from 'react';
import { focusCanvasOnNextDocument, focusCanvasSoon, refocusIfLost } from './canvasFocus';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';

/**
 * Every dialog's popup (the file dialogs' frame, the reading dialogs). On close, focus goes back
 * to what opened the dialog, as dialogs do — on Escape, Cancel or Close — unless the dialog's
 * action loads a different document (a lesson, a file, a share code, recovered work, New after
 * “Don’t Save”): then the trigger (“Browse lessons…”, a menu) means nothing for the next key, and
 * focus goes to the canvas, where Space plays the new sandbox and the arrows and Tab walk it. A
 * dialog with no trigger (opened by a shortcut, or at start) gives focus back to what had it, else
 * to the canvas, never to the page body.
 */
/** Marks every open dialog's popup: the web edition's menu shortcuts wait until it is answered. */
export const MODAL_DIALOG_ATTRIBUTE = 'data-modal-dialog';

export function DialogPopup(props: Omit<ComponentProps<typeof Dialog.Popup>, 'finalFocus'>) {
  const store = useDocumentStore();
  const [openedWith] = useState(() => store.getGeneration());
  // What had focus when the dialog opened (it has not taken focus yet on its first render).
  const [focusedBefore] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));
  const generation = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getGeneration(),
  );
  // Closed: if the document changed, focus goes to the canvas; if not, it may still (the file
  // dialogs unmount at once, and the document their action loads follows a promise later).
  useEffect(
    () => () => {
      if (store.getGeneration() !== openedWith) focusCanvasSoon();
      else {
        focusCanvasOnNextDocument(store, openedWith);
        refocusIfLost(focusedBefore);
      }
    },
    [store, openedWith, focusedBefore],
  );
  // `true` is Base UI's own return to the trigger (which leaves alone a focus the user has moved to
  // another dialog meanwhile); once a document arrived, the trigger is skipped (`false`) and the
  // cleanup above places focus on the canvas.
  return <Dialog.Popup {...props} {...{ [MODAL_DIALOG_ATTRIBUTE]: '' }} finalFocus={generation === openedWith} />;
}
