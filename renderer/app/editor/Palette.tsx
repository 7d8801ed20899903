import { Square } from 'lucide-react';
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { NODE_KIND_INFO } from '../../../shared/model/schema/nodeKinds';
import type { NodeKind } from '../../../shared/model/types';
import { cssColor, KIND_GROUPS, KIND_STYLES } from '../../canvas/kindStyle';
import type { ThemeName } from '../../canvas/theme';
import { useEditor } from '../../editor/EditorContext';

/** Pixels the pointer must move before a press on a palette item becomes a drag. */
const DRAG_START_PX = 4;

/** What a palette item makes: a node of a kind, or a region box. */
type PaletteEntry = NodeKind | 'region';

interface Drag {
  kind: PaletteEntry;
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
        if (current.kind === 'region') editor.addRegionInView();
        else editor.addNodeInView(current.kind);
        return;
      }
      const world = editor.getCamera()?.clientToWorld(event.clientX, event.clientY);
      if (!world) return;
      if (current.kind === 'region') editor.addRegionAt(world);
      else editor.addNodeAt(current.kind, world);
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

  const startDrag = (kind: PaletteEntry) => (event: ReactPointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    dragRef.current = { kind, startX: event.clientX, startY: event.clientY, x: event.clientX, y: event.clientY, moved: false };
    setDrag(dragRef.current);
  };

  return (
    <aside className="palette" aria-label="Node palette" data-testid="palette">
      {KIND_GROUPS.map((group) => (
        <section key={group.label} className="palette-group">
          <h2>{group.label}</h2>
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
        <h2>Layout</h2>
        <button
          type="button"
          className="palette-item"
          data-kind="region"
          title="A region: a data center or a continent. Nodes inside it belong to it. Drag onto the canvas, or click to add."
          onPointerDown={startDrag('region')}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              editor.addRegionInView();
            }
          }}
        >
          <span className="palette-icon">
            <Square size={20} strokeWidth={2.2} aria-hidden="true" />
          </span>
          <span className="palette-label">Region</span>
        </button>
      </section>
      {drag?.moved && <PaletteGhost entry={drag.kind} x={drag.x} y={drag.y} theme={theme} />}
    </aside>
  );
}

/** What follows the pointer during a palette drag. */
function PaletteGhost({ entry, x, y, theme }: { entry: PaletteEntry; x: number; y: number; theme: ThemeName }) {
  const Icon = entry === 'region' ? Square : KIND_STYLES[entry].icon;
  const color = entry === 'region' ? undefined : cssColor(KIND_STYLES[entry].color[theme]);
  return (
    <div className="palette-ghost" style={{ left: x, top: y, color }} aria-hidden="true">
      <Icon size={22} strokeWidth={2.2} />
      <span>{entry === 'region' ? 'Region' : NODE_KIND_INFO[entry].label}</span>
    </div>
  );
}
