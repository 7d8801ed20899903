import { useEffect, useRef, useState, type MutableRefObject, type RefObject } from 'react';

/**
 * Closing an editor that applies as you type (the scenario event editor, the check editor) while
 * one of its fields holds text that was refused. The refused text never reached the document
 * (TextEdit), so closing then would quietly keep the value from before — the teacher who typed
 * 55 s into a 40 s run's new event would be left with an event at 0 s they never meant. So the
 * editor stays open: the refused field takes the focus and a note says what to do (fix it, or
 * Escape in it to put back the saved value, or delete the item). Every way of leaving the editor
 * that the panel around it controls (Close, Done, Escape, opening another item, adding one) asks
 * through `tryClose`; the panel reaches it through `guard`.
 */
export interface GuardedClose {
  /** The editor's element: its fields are searched for refused text (aria-invalid). */
  ref: RefObject<HTMLDivElement | null>;
  /** The note shown after a refused close, naming the field; null when there is none. */
  blocked: string | null;
  /** Closes unless a field holds refused text; returns whether it closed. */
  tryClose(): boolean;
}

/** What a panel holds to ask its open editor before it opens another item (null: none open). */
export type CloseGuard = MutableRefObject<(() => boolean) | null>;

/** The label a field is known by: its <label>'s own text ("At (s)", "From (s)"). */
function fieldName(field: Element): string {
  const label = field.closest('label');
  const own = label ? [...label.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent ?? '').join('').trim() : '';
  return own || 'A field';
}

export function useGuardedClose(onClose: () => void, guard?: CloseGuard): GuardedClose {
  const ref = useRef<HTMLDivElement>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const invalidField = () => ref.current?.querySelector<HTMLInputElement | HTMLTextAreaElement>('[aria-invalid="true"]') ?? null;
  const tryClose = (): boolean => {
    const field = invalidField();
    if (field === null) {
      onClose();
      return true;
    }
    setBlocked(`${fieldName(field)} still holds a value that was refused (the document keeps the one from before). Fix it, or press Escape in it to put back the saved value, before closing.`);
    field.focus();
    field.select();
    return false;
  };
  // The note goes once no field is refused any more (fixed, or put back with Escape).
  useEffect(() => {
    if (blocked !== null && invalidField() === null) setBlocked(null);
  });
  useEffect(() => {
    if (guard === undefined) return;
    guard.current = tryClose;
    return () => {
      if (guard.current === tryClose) guard.current = null;
    };
  });
  return { ref, blocked, tryClose };
}
