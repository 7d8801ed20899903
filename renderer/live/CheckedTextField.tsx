import { useState } from 'react';
import { useTextEdit } from '../editor/store/DocumentStoreContext';

/**
 * A text field whose value reaches the document only while `check` finds no problem (see
 * TextEdit): valid text is applied as it is typed; text that turns invalid puts the document back
 * to what it held before the edit and stays, with the reason under it, until it is fixed (or the
 * document changes it). Leaving the field makes the edit one undo step; Escape puts back the value
 * from before the edit.
 */
export function CheckedTextField({
  label,
  title,
  shown,
  check,
  onValid,
  testId,
  numeric = false,
  autoFocus = false,
}: {
  label: string;
  title?: string;
  shown: string;
  check: (text: string) => string | null;
  onValid: (text: string) => void;
  testId?: string;
  numeric?: boolean;
  autoFocus?: boolean;
}) {
  const edit = useTextEdit(`checked:${testId ?? label}`);
  // null: show what the document holds.
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState(shown);
  // Undo, redo or another panel changed the value: show it — but never under the user's fingers,
  // where the document's form of "0." (0) would eat the point being typed.
  if (seen !== shown) {
    setSeen(shown);
    if (!focused) {
      setText(null);
      setProblem(null);
    }
  }
  return (
    <label title={title}>
      {label}
      <input
        // The event editor's first field takes focus when it opens.
        autoFocus={autoFocus}
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        data-testid={testId}
        value={text ?? shown}
        aria-invalid={problem !== null}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          edit.finish();
          // Leaving a valid field shows the document's form; a refused one keeps its reason.
          if (problem === null) setText(null);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          if (!edit.cancel() && problem === null) return;
          e.stopPropagation();
          setText(null);
          setProblem(null);
        }}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(
            edit.input(
              e.target.value,
              (typed) => {
                const found = check(typed);
                return found === null ? { ok: true, value: typed } : { ok: false, message: found };
              },
              onValid,
            ),
          );
        }}
      />
      {problem !== null && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
