import { useState, type KeyboardEvent } from 'react';
import { useDocumentStore, useTextEdit } from './DocumentStoreContext';
import type { TextEdit, TextParse } from './textEdit';
import type { DocumentStore } from './documentStore';

/** A text field edited against a value the document holds (see TextEdit). */
export interface EditedText {
  /** What the input shows: the text being typed, else the document's value. */
  value: string;
  /** Why the text is refused (it stays in view until fixed), or null. */
  problem: string | null;
  setProblem(problem: string | null): void;
  /** A keystroke: applies the parsed value while valid, else puts the document back and says why. */
  type<T>(typed: string, parse: (text: string) => TextParse<T>, apply: (value: T) => void): void;
  /** Focus, blur and Escape for the input. */
  handlers: {
    onFocus(): void;
    onBlur(): void;
    onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>): void;
  };
}

/**
 * The state every validated text field shares: the text being typed over the document's value
 * (`shown`), the reason it is refused, and one TextEdit per edit. A change from elsewhere (undo,
 * another panel) replaces the text — never under the user's fingers, where the document's form of
 * "0." (0) would eat the point being typed. Leaving a valid field shows the document's form; a
 * refused one keeps its text and reason. Enter confirms a valid edit (as leaving does; in a text area it is a new line); Escape puts
 * back the value from before the edit not yet confirmed, and is left to the panel around the field
 * when there was nothing to undo. Ctrl+Z does the same, and with nothing unconfirmed undoes the
 * document (Ctrl+Shift+Z / Ctrl+Y redo it).
 */
export function useEditedText(shown: string, label: string): EditedText {
  const edit = useTextEdit(label);
  const store = useDocumentStore();
  // null: show what the document holds.
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    if (!focused) {
      setText(null);
      setProblem(null);
    }
  }
  return {
    value: text ?? shown,
    problem,
    setProblem,
    type(typed, parse, apply) {
      setText(typed);
      setProblem(edit.input(typed, parse, apply));
    },
    handlers: {
      onFocus: () => setFocused(true),
      onBlur: () => {
        setFocused(false);
        edit.finish();
        if (problem === null) setText(null);
      },
      onKeyDown: (event) => {
        // Enter confirms a valid edit: it becomes its undo step, and a later Escape (to leave
        // the field, to deselect) has nothing left to take back. A refused text stays for fixing.
        if (event.key === 'Enter' && event.currentTarget.tagName !== 'TEXTAREA') {
          if (problem !== null) return;
          edit.finish();
          setText(null);
          return;
        }
        if (fieldUndoKey(event, edit, store, problem !== null)) {
          setText(null);
          setProblem(null);
          return;
        }
        if (event.key !== 'Escape') return;
        if (!edit.cancel() && problem === null) return;
        event.stopPropagation();
        setText(null);
        setProblem(null);
      },
    },
  };
}

/**
 * Undo and redo in a field are the document's, a whole value at a time: the typing not yet
 * confirmed is the last step (taken back first, as Escape would), then the document's history.
 * The browser's own text undo took a field back a character at a time, and each step was a value
 * applied to the design ("300" undone to 30, then 3). A narration's text area is no exception:
 * the browser's history there does not know the values the document put in the field (an undo from
 * the toolbar), so replaying it after one doubled the text ("app crashes.app crashes.") and
 * wrote that into the design. Returns whether the key was one of these (the field then shows the
 * document's value again).
 */
export function fieldUndoKey(event: KeyboardEvent<HTMLElement>, edit: TextEdit, store: DocumentStore, refusedText: boolean): boolean {
  const key = event.key.toLowerCase();
  if (!(event.ctrlKey || event.metaKey) || event.altKey || (key !== 'z' && key !== 'y')) return false;
  event.preventDefault();
  event.stopPropagation();
  if (key === 'z' && !event.shiftKey) {
    // Refused text never reached the document: taking it away is the whole undo.
    if (!edit.cancel() && !refusedText) store.undo();
  } else {
    edit.finish();
    store.redo();
  }
  return true;
}

/** Free text: every text is valid (a narration, a label). */
export function anyText(text: string): TextParse<string> {
  return { ok: true, value: text };
}
