import { useState } from 'react';

/**
 * A name field that keeps what is being typed. The document holds names trimmed (and a node's
 * name equal to its id as no name), so a field bound to it directly would eat the space in
 * "Front door" as it is typed; here each keystroke commits the cleaned name and the field shows
 * the text as typed until it is left.
 */
export function NameInput({ value, placeholder, field, onCommit }: { value: string; placeholder?: string; field: string; onCommit: (text: string) => void }) {
  const [text, setText] = useState(value);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState(value);
  // Undo, redo or a rename on the canvas changed the name: show it, unless the user is typing.
  if (seen !== value) {
    setSeen(value);
    if (!focused) setText(value);
  }
  return (
    <input
      type="text"
      data-field={field}
      value={text}
      placeholder={placeholder}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        setText(value);
      }}
      onChange={(event) => {
        setText(event.target.value);
        onCommit(event.target.value);
      }}
    />
  );
}
