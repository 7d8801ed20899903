import { useEditorHint } from '../../editor/EditorContext';

/**
 * One line over the canvas's bottom edge: a prompt (what the keys do while linking from the
 * keyboard) in the panel's neutral style, or why a link was refused, styled as the error it is.
 */
export function HintBar() {
  const hint = useEditorHint();
  if (!hint) return null;
  return (
    <div className={`canvas-hint canvas-hint-${hint.tone}`} role="status" data-testid="canvas-hint" data-tone={hint.tone}>
      {hint.text}
    </div>
  );
}
