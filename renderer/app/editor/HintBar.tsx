import { useEditorHint } from '../../editor/EditorContext';

/** One line over the canvas's bottom edge: why a link was refused, and similar. */
export function HintBar() {
  const hint = useEditorHint();
  if (!hint) return null;
  return (
    <div className="canvas-hint" role="status" data-testid="canvas-hint">
      {hint}
    </div>
  );
}
