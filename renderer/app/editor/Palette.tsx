import { Square } from 'lucide-react';
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { NODE_KIND_INFO } from '../../../shared/model/schema/nodeKinds';
import type { NodeKind } from '../../../shared/model/types';
import { cssColor, KIND_GROUPS, KIND_STYLES } from '../../canvas/kindStyle';
import type { ThemeName } from '../../canvas/theme';
import { useEditor } from '../../editor/EditorContext';

/** Pixels the pointer must move before a press on a palette item becomes a drag. */
const DRAG_START_PX = 4;

interface Drag {
  kind: NodeKind;
  startX: number;
  startY: number;
  x: number;
  y: number;
  moved: boolean;
}

/**
 * Every node kind, grouped. Drag one onto the canvas to create it where it is dropped; click one
 * to add it in the middle of the view. Pointer events rather than HTML drag-and-drop, so the ghost
 * and the drop point follow the real pointer exactly.
 */
export function Palette({ theme }: { theme: ThemeName }) {
  const editor = useEditor();
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);

  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    const onMove = (event: PointerEvent) => {
      const current = dragRef.current;
      if (!current) return;
      const moved = current.moved || Math.hypot(event.clientX - current.startX, event.clientY - current.startY) >= DRAG_START_PX;
      dragRef.current = { ...current, x: event.clientX, y: event.clientY, moved };
      setDrag(dragRef.current);
    };
    const onUp = (event: PointerEvent) => {
      const current = dragRef.current;
      dragRef.current = null;
      setDrag(null);
      if (!current) return;
      if (!current.moved) {
        editor.addNodeInView(current.kind);
        return;
      }
      const world = editor.getCamera()?.clientToWorld(event.clientX, event.clientY);
      if (world) editor.addNodeAt(current.kind, world);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      dragRef.current = null;
      setDrag(null);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('keydown', onKey);
    };
  }, [dragging, editor]);

  const startDrag = (kind: NodeKind) => (event: ReactPointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    dragRef.current = { kind, startX: event.clientX, startY: event.clientY, x: event.clientX, y: event.clientY, moved: false };
    setDrag(dragRef.current);
  };

  return (
    <aside className="palette" aria-label="Node palette" data-testid="palette">
      {KIND_GROUPS.map((group) => (
        <section key={group.label} className="palette-group">
          <h3>{group.label}</h3>
          {group.kinds.map((kind) => {
            const Icon = KIND_STYLES[kind].icon;
            const info = NODE_KIND_INFO[kind];
            return (
              <button
                key={kind}
                type="button"
                className="palette-item"
                data-kind={kind}
                title={`${info.label}: ${info.summary} Drag onto the canvas, or click to add.`}
                onPointerDown={startDrag(kind)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    editor.addNodeInView(kind);
                  }
                }}
              >
                <span className="palette-icon" style={{ color: cssColor(KIND_STYLES[kind].color[theme]) }}>
                  <Icon size={20} strokeWidth={2.2} aria-hidden="true" />
                </span>
                <span className="palette-label">{info.label}</span>
              </button>
            );
          })}
        </section>
      ))}
      <section className="palette-group">
        <h3>Layout</h3>
        <button type="button" className="palette-item" data-kind="region" title="A region: a data center or continent. Nodes inside it belong to it." onClick={() => editor.addRegionInView()}>
          <span className="palette-icon">
            <Square size={20} strokeWidth={2.2} aria-hidden="true" />
          </span>
          <span className="palette-label">Region</span>
        </button>
      </section>
      {drag?.moved && (
        <div className="palette-ghost" style={{ left: drag.x, top: drag.y, color: cssColor(KIND_STYLES[drag.kind].color[theme]) }} aria-hidden="true">
          {(() => {
            const Icon = KIND_STYLES[drag.kind].icon;
            return <Icon size={22} strokeWidth={2.2} />;
          })()}
          <span>{NODE_KIND_INFO[drag.kind].label}</span>
        </div>
      )}
    </aside>
  );
}
