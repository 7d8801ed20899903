import { useState } from 'react';

/**
 * A text field whose value reaches the document only when `check` finds no problem; otherwise
 * the text stays, with the reason under it, until it is fixed (or the document changes it).
 */
export function CheckedTextField({
  label,
  title,
  shown,
  check,
  onValid,
  testId,
  numeric = false,
}: {
  label: string;
  title?: string;
  shown: string;
  check: (text: string) => string | null;
  onValid: (text: string) => void;
  testId?: string;
  numeric?: boolean;
}) {
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState(shown);
  // Undo, redo or another panel changed the value: show it — but never under the user's fingers,
  // where the document's form of "0." (0) would eat the point being typed.
  if (seen !== shown) {
    setSeen(shown);
    if (!focused) {
      setText(shown);
      setProblem(null);
    }
  }
  return (
    <label title={title}>
      {label}
      <input
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        data-testid={testId}
        value={text}
        aria-invalid={problem !== null}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          // Leaving a valid field shows the document's form; a refused one keeps its reason.
          if (problem === null) setText(shown);
        }}
        onChange={(e) => {
          setText(e.target.value);
          const found = check(e.target.value);
          setProblem(found);
          if (found === null) onValid(e.target.value);
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
