import { useLayoutEffect, useRef, type FocusEvent } from 'react';

/**
 * A panel folded (by a shortcut, say) while a control in it has the keyboard takes that control
 * away, and the focus falls to the page body. This gives it to `target()` instead — what stays
 * shown and unfolds the panel. Spread the returned handlers on the element whose contents fold.
 */
export function useKeyboardKeptOnFold(shown: boolean, target: () => HTMLElement | null): { onFocus: (event: FocusEvent<HTMLElement>) => void; onBlur: (event: FocusEvent<HTMLElement>) => void } {
  const focusInside = useRef(false);
  useLayoutEffect(() => {
    if (!shown && focusInside.current && (document.activeElement === null || document.activeElement === document.body)) target()?.focus();
    // `target` is read when the panel folds; a new function each render must not refocus.
  }, [shown]);
  const note = (event: FocusEvent<HTMLElement>) => {
    focusInside.current = event.type === 'focus' || event.currentTarget.contains(event.relatedTarget as Node | null);
  };
  return { onFocus: note, onBlur: note };
}
