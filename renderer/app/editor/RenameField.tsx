import { useEffect, useRef, useState } from 'react';
import { NODE_CARD } from '../../editor/geometry';
import { renameNode, renameRegion } from '../../editor/commands/documentEdits';
import { useEditor, useRenameTarget } from '../../editor/EditorContext';
import type { RenameTarget } from '../../editor/editor';

/** The inline text field over a card (or region label) after a double-click; Enter keeps, Escape drops. */
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
    finished.current = true;
    if (keep && text !== initial) {
      editor.store.update((draft) => (target.kind === 'nodes' ? renameNode(draft, target.id, text) : renameRegion(draft, target.id, text)));
    }
    editor.startRename(undefined);
    if (refocus && returnFocus?.isConnected) returnFocus.focus();
  };
  return (
    <input
      ref={inputRef}
      className="rename-field"
      data-testid="rename-field"
      aria-label="Name"
      style={{ left: topLeft.x, top: topLeft.y, width: Math.max(width, 120), fontSize: Math.max(12, 15 * zoom) }}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') finish(true, true);
        else if (event.key === 'Escape') finish(false, true);
        event.stopPropagation();
      }}
    />
  );
}
