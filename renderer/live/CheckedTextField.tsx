import { useEditedText } from '../editor/store/useEditedText';

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
  const field = useEditedText(shown, `checked:${testId ?? label}`);
  const problem = field.problem;
  return (
    <label title={title}>
      {label}
      <input
        // The event editor's first field takes focus when it opens.
        autoFocus={autoFocus}
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        data-testid={testId}
        value={field.value}
        aria-invalid={problem !== null}
        {...field.handlers}
        onChange={(e) =>
          field.type(
            e.target.value,
            (typed) => {
              const found = check(typed);
              return found === null ? { ok: true, value: typed } : { ok: false, message: found };
            },
            onValid,
          )
        }
      />
      {problem !== null && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
