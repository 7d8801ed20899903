import { useEffect, useId, useRef, useState } from 'react';
import { NODE_CARD } from '../../editor/geometry';
import { regionNameProblem, renameNode, renameRegion } from '../../editor/commands/documentEdits';
import { useEditor, useRenameTarget } from '../../editor/EditorContext';
import type { RenameTarget } from '../../editor/editor';

/**
 * The inline text field over a card (or region label) after a double-click; Enter keeps, Escape
 * drops. A name the document cannot take (an empty region name) is refused as the inspector's
 * fields refuse it: the reason shows under the field as you type, Enter leaves the field open with
 * the text as typed, and the document keeps the name it had. Leaving the field then (a click
 * elsewhere) drops the edit and says so.
 */
export function RenameField() {
  const target = useRenameTarget();
  if (!target) return null;
  return <RenameInput key={`${target.kind}:${target.id}`} target={target} />;
}

function RenameInput({ target }: { target: RenameTarget }) {
  const editor = useEditor();
  const doc = editor.store.getDocument();
  const record = target.kind === 'nodes' ? (Object.hasOwn(doc.nodes, target.id) ? doc.nodes[target.id] : undefined) : Object.hasOwn(doc.regions, target.id) ? doc.regions[target.id] : undefined;
  const initial = record ? (target.kind === 'nodes' ? ((record as { name?: string }).name ?? target.id) : (record as { name: string }).name) : '';
  const [text, setText] = useState(initial);
  const problem = target.kind === 'regions' ? regionNameProblem(text, doc, target.id) : null;
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  // F2 on the canvas: focus goes back there afterwards, so the keyboard carries on where it was.
  const [returnFocus] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('sandbox-canvas') ? document.activeElement : undefined));
  useEffect(() => {
    inputRef.current?.select();
  }, []);
  const camera = editor.getCamera();
  if (!record || !camera) return null;
  const zoom = camera.zoom();
  const topLeft = camera.worldToClient({ x: record.x + (target.kind === 'nodes' ? 56 : 12), y: record.y + (target.kind === 'nodes' ? 8 : 6) });
  const width = (target.kind === 'nodes' ? NODE_CARD.width - 64 : 240) * zoom;
  const finish = (keep: boolean, refocus = false) => {
    // Focusing the canvas blurs this field, whose blur would finish a second time.
    if (finished.current) return;
    // Enter on a refused name: the field stays, with its text and the reason under it.
    if (keep && problem !== null && refocus) return;
    finished.current = true;
    if (keep && problem !== null) editor.notify(`The region kept its name “${initial}”: ${problem}.`, 'warning');
    else if (keep && text !== initial) {
      editor.store.update((draft) => (target.kind === 'nodes' ? renameNode(draft, target.id, text) : renameRegion(draft, target.id, text)));
    }
    editor.startRename(undefined);
    if (refocus && returnFocus?.isConnected) returnFocus.focus();
  };
  const fontSize = Math.max(12, 15 * zoom);
  return (
    <>
      <input
        ref={inputRef}
        className="rename-field"
        data-testid="rename-field"
        aria-label="Name"
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? errorId : undefined}
        style={{ left: topLeft.x, top: topLeft.y, width: Math.max(width, 120), fontSize }}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') finish(true, true);
          else if (event.key === 'Escape') finish(false, true);
          event.stopPropagation();
        }}
      />
      {problem !== null && (
        <div className="rename-error" role="alert" id={errorId} data-testid="rename-error" style={{ left: topLeft.x, top: topLeft.y + fontSize * 1.4 + 12 }}>
          {problem}
        </div>
      )}
    </>
  );
}
