import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Gives the keyboard back to what opened an editor (an event's marker, a check's pencil, a +
 * button) when the editor goes — Close, Done, Escape, Delete, an undo taking its item away. The
 * focus, inside the removed editor, otherwise falls to the page body and Tab starts again from the
 * menu bar. Call the returned function as the editor opens; `editorSelector` matches the editor,
 * so moving from one item's editor to another's keeps the first opener. When the opener is gone
 * (its item deleted), `fallback` takes the focus. Focus the user moved elsewhere is left there.
 * `focusOpener` gives it back while the editor stays open (Tab past its last field).
 */
export function useFocusReturn(open: boolean, fallback: RefObject<HTMLElement | null>, editorSelector: string): { rememberOpener: () => void; focusOpener: () => void } {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  const focusOpener = () => (opener.current?.isConnected ? opener.current : fallback.current)?.focus();
  useLayoutEffect(() => {
    const closed = wasOpen.current && !open;
    wasOpen.current = open;
    if (!closed || document.activeElement !== document.body) return;
    (opener.current?.isConnected ? opener.current : fallback.current)?.focus();
  }, [open, fallback]);
  const rememberOpener = () => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest(editorSelector) === null) opener.current = active;
  };
  return { rememberOpener, focusOpener };
}
