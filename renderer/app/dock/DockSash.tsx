import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { DEFAULT_DOCK_LAYOUT, maxDockHeight, resizeDock, type DockBounds, type DockLayout } from './dockLayout';

/** Arrow keys move the edge this far (Shift: four times as far). */
const KEY_STEP_PX = 16;

/** The dock, the canvas beside it in the grid, and how they measure right now. */
function measure(sash: HTMLElement): { dockPx: number; bounds: DockBounds } | null {
  const dock = sash.closest<HTMLElement>('.bottom-dock');
  const canvas = sash.closest('.workspace-grid')?.querySelector<HTMLElement>('.workspace');
  if (!dock || !canvas) return null;
  // Folded, the dock is its top rows (playback and timeline) and the tab row.
  const top = dock.querySelector<HTMLElement>('.live-dock-top');
  const tabs = dock.querySelector<HTMLElement>('.live-tabs');
  const foldedPx = (top?.offsetHeight ?? 0) + (tabs?.offsetHeight ?? 0) + 1;
  const dockPx = dock.getBoundingClientRect().height;
  return { dockPx, bounds: { foldedPx, totalPx: dockPx + canvas.getBoundingClientRect().height } };
}

/**
 * The edge between the canvas and the bottom dock: drag it to give the charts or the diagram
 * more room; drag it down to the tabs to fold the panels away (a tab or View → Run Panels brings
 * them back); double-click for the default height. A focusable window splitter (WAI-ARIA): the
 * arrows move it, Enter folds and unfolds the panels.
 */
export function DockSash({ layout, onChange }: { layout: DockLayout; onChange: (layout: DockLayout) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ pointerId: number; startY: number; startPx: number; bounds: DockBounds; layout: DockLayout } | null>(null);
  const [dragging, setDragging] = useState(false);
  // For assistive technology: the dock's height, and the range it can take.
  const [size, setSize] = useState({ nowPx: 0, minPx: 0, maxPx: 0 });
  useEffect(() => {
    const sash = ref.current;
    const dock = sash?.closest('.bottom-dock');
    if (!sash || !dock) return;
    const update = () => {
      const measured = measure(sash);
      if (measured) setSize({ nowPx: Math.round(measured.dockPx), minPx: Math.round(measured.bounds.foldedPx), maxPx: Math.round(maxDockHeight(measured.bounds)) });
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(dock);
    return () => observer.disconnect();
  }, []);

  const moveTo = (wantedPx: number, bounds: DockBounds, from: DockLayout) => {
    const next = resizeDock(from, wantedPx, bounds);
    if (next.heightPx !== layout.heightPx || next.panelShown !== layout.panelShown) onChange(next);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !ref.current) return;
    const measured = measure(ref.current);
    if (!measured) return;
    event.preventDefault(); // no text selection while dragging
    ref.current.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, startY: event.clientY, startPx: measured.dockPx, bounds: measured.bounds, layout };
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const active = drag.current;
    if (!active || active.pointerId !== event.pointerId) return;
    moveTo(active.startPx + (active.startY - event.clientY), active.bounds, active.layout);
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    setDragging(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!ref.current) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onChange({ ...layout, panelShown: !layout.panelShown });
      return;
    }
    const step = event.shiftKey ? KEY_STEP_PX * 4 : KEY_STEP_PX;
    const delta = { ArrowUp: step, ArrowDown: -step }[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    const measured = measure(ref.current);
    if (!measured) return;
    // Up from folded unfolds at the height the panels had; down folds once past the snap.
    if (!layout.panelShown && delta > 0) onChange({ ...layout, panelShown: true });
    else moveTo(measured.dockPx + delta, measured.bounds, layout);
  };

  return (
    <div
      ref={ref}
      className={dragging ? 'dock-sash dragging' : 'dock-sash'}
      role="separator"
      aria-orientation="horizontal"
      aria-label="Run panels height"
      aria-controls="live-tab-panel"
      aria-valuenow={size.nowPx}
      aria-valuemin={size.minPx}
      aria-valuemax={size.maxPx}
      aria-valuetext={layout.panelShown ? `${size.nowPx} pixels` : 'folded'}
      tabIndex={0}
      title="Drag to resize the run panels; drag down to fold them; double-click for the default height"
      data-testid="dock-sash"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onLostPointerCapture={endDrag}
      onDoubleClick={() => onChange(DEFAULT_DOCK_LAYOUT)}
      onKeyDown={onKeyDown}
    />
  );
}
