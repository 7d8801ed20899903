import { Plus } from 'lucide-react';
import { useEffect, useRef, useState, useSyncExternalStore, type PointerEvent as ReactPointerEvent } from 'react';
import { createPortal } from 'react-dom';
import type { FaultlineDocument } from '../../shared/model/types';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';
import { OWN_KEYS_ATTRIBUTE } from '../editor/keyboardShortcuts';
import { useLiveController, useLiveModel } from './LiveContext';
import { ScenarioEventEditor } from './ScenarioEventEditor';
import { addScenarioEvent, deleteScenarioEvent, moveScenarioEvent, sameScenarioEvent } from './scenarioEdits';
import { formatSimTime } from './speedPresets';
import { keyStepOrigin, type KeySeek } from './keyStepOrigin';
import { nodeNamer } from './nodeNames';
import { markerAriaLabel, markerNeverHappens, markerOffsets, markerTitle } from './timelineMarkers';
import type { CloseGuard } from './useGuardedClose';
import { useFocusReturn } from './useFocusReturn';

/** How often a scrub sends a seek while the pointer moves (seeking back re-simulates). */
const SCRUB_SEEK_EVERY_MS = 120;

function markerClass(action: string): string {
  if (action === 'note') return 'marker-note';
  if (['restart', 'recover', 'restore', 'heal'].includes(action)) return 'marker-recovery';
  if (action === 'set' || action === 'flush') return 'marker-change';
  return 'marker-fault';
}

/**
 * The run as a bar: click or drag to seek, the scenario's events as markers (drag one to move
 * it, click it to edit; + adds a note at the playhead). Every change goes through the document
 * store, so it is undoable and saved.
 */
export function Timeline() {
  const store = useDocumentStore();
  const doc: FaultlineDocument = useSyncExternalStore((l) => store.subscribe(l), () => store.getDocument());
  const controller = useLiveController();
  const model = useLiveModel();
  const barRef = useRef<HTMLDivElement>(null);
  // The bar's width decides which markers would cover each other (see markerOffsets).
  const [barWidth, setBarWidth] = useState(0);
  useEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    setBarWidth(bar.clientWidth);
    const observer = new ResizeObserver(() => setBarWidth(bar.clientWidth));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  const [editing, setEditing] = useState<number | null>(null);
  // The open editor's say on being left (it stays while a field holds refused text).
  const guard: CloseGuard = useRef(null);
  const mayLeaveEditor = () => guard.current === null || guard.current();
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const { rememberOpener, focusOpener } = useFocusReturn(editing !== null, addButtonRef, '.live-event-editor');
  const openEditor = (index: number) => {
    if (!mayLeaveEditor()) return;
    rememberOpener();
    setEditing(index);
  };
  // The event + just added, as added: left untouched (a blank note, which does nothing), closing
  // its editor takes it back, as cancelling a new item does — Escape after + leaves no trace.
  const added = useRef<{ index: number; event: unknown; serial: number | undefined } | null>(null);
  const closeEditor = () => {
    const fresh = added.current;
    added.current = null;
    // Untouched: still as added (an edit taken back with Escape leaves an equal, not the same, object).
    if (fresh !== null && sameScenarioEvent(store.getDocument().scenario[fresh.index], fresh.event) && store.lastStepSerial() === fresh.serial) store.undo();
    setEditing(null);
  };
  const [scrubMs, setScrubMs] = useState<number | null>(null);
  const lastSeek = useRef(0);
  // The time the keys last asked for, and the frame shown then (see keyStepOrigin).
  const keySeek = useRef<KeySeek | null>(null);
  const durationMs = doc.durationS * 1000;
  const timeMs = scrubMs ?? model?.frame?.timeMs ?? 0;
  const name = nodeNamer(doc.nodes, doc.links, doc.regions);
  // An undo that takes away the event being edited closes its editor for good: a redo bringing
  // the event back must not reopen it and take the keyboard from the canvas (Ctrl+Shift+Z again).
  if (editing !== null && editing >= doc.scenario.length) {
    added.current = null;
    setEditing(null);
  }

  const timeAt = (clientX: number): number => {
    const bar = barRef.current;
    if (bar === null) return 0;
    const rect = bar.getBoundingClientRect();
    return Math.min(1, Math.max(0, (clientX - rect.left) / rect.width)) * durationMs;
  };

  const onBarPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || controller === null) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const t = timeAt(event.clientX);
    setScrubMs(t);
    controller.seek(t);
    lastSeek.current = performance.now();
  };
  const onBarPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (scrubMs === null || controller === null) return;
    const t = timeAt(event.clientX);
    setScrubMs(t);
    if (performance.now() - lastSeek.current > SCRUB_SEEK_EVERY_MS) {
      controller.seek(t);
      lastSeek.current = performance.now();
    }
  };
  const onBarPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (scrubMs === null) return;
    controller?.seek(timeAt(event.clientX));
    setScrubMs(null);
  };

  // Dragging a marker moves its event; a click without movement opens the editor.
  const drag = useRef<{ index: number; startX: number; moved: boolean; mark: string } | null>(null);
  const onMarkerPointerDown = (event: ReactPointerEvent<HTMLButtonElement>, index: number) => {
    event.stopPropagation();
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const mark = `timeline-move-${index}-${event.pointerId}-${event.timeStamp}`;
    store.mark(mark);
    drag.current = { index, startX: event.clientX, moved: false, mark };
  };
  const onMarkerPointerMove = (event: ReactPointerEvent<HTMLButtonElement>) => {
    const current = drag.current;
    if (current === null) return;
    if (!current.moved && Math.abs(event.clientX - current.startX) < 4) return;
    current.moved = true;
    store.update((draft) => moveScenarioEvent(draft, current.index, timeAt(event.clientX) / 1000));
  };
  const onMarkerPointerUp = (event: ReactPointerEvent<HTMLButtonElement>) => {
    event.stopPropagation();
    const current = drag.current;
    drag.current = null;
    if (current === null) return;
    store.squashToMark(current.mark);
    if (!current.moved) openEditor(current.index);
  };

  /**
   * Delete on a focused marker deletes its event (one undoable step), as the editor's Delete
   * does. The bar takes the focus, where Delete means nothing. With an editor open the markers'
   * indices are its too: the editor's own Delete is the way then.
   */
  const deleteEventByKey = (index: number) => {
    if (editing !== null) return;
    store.update((draft) => deleteScenarioEvent(draft, index));
    barRef.current?.focus();
  };

  const addEvent = () => {
    if (!mayLeaveEditor()) return;
    let index = -1;
    store.update((draft) => {
      // The model's newest frame, not this render's: panels re-render a few times a second.
      index = addScenarioEvent(draft, (controller?.model.frame?.timeMs ?? timeMs) / 1000);
    });
    if (index < 0) return;
    added.current = { index, event: store.getDocument().scenario[index], serial: store.lastStepSerial() };
    rememberOpener();
    setEditing(index);
  };

  const offsets = markerOffsets(doc.scenario.map((event) => event.atS), doc.durationS, barWidth);
  const offsetOf = (index: number) => (offsets[index] === 0 ? undefined : `translateX(${offsets[index]}px)`);

  return (
    <div className="live-timeline" {...{ [OWN_KEYS_ATTRIBUTE]: '' }}>
      {/* The slider and the markers are siblings, not parent and children: a slider's content is
          presentational, so markers inside it were buttons a screen reader could not reach (axe:
          nested-interactive). The markers' layer lies over the slider, inside its border. */}
      <div className="live-timeline-track">
        <div
          ref={barRef}
          className="live-timeline-bar"
          data-testid="live-timeline"
          role="slider"
          aria-label="Simulated time"
          aria-valuemin={0}
          aria-valuemax={doc.durationS}
          aria-valuenow={Math.round(timeMs / 100) / 10}
          aria-valuetext={formatSimTime(timeMs)}
          tabIndex={0}
          onPointerDown={onBarPointerDown}
          onPointerMove={onBarPointerMove}
          onPointerUp={onBarPointerUp}
          onKeyDown={(event) => {
            if (controller === null) return;
            // The slider keys: arrows a second, Page Up / Down ten, Home and End the ends.
            const step = { ArrowRight: 1000, ArrowUp: 1000, ArrowLeft: -1000, ArrowDown: -1000, PageUp: 10_000, PageDown: -10_000 }[event.key];
            // From the model's newest frame, not this render's: panels re-render a few times a second.
            const frame = controller.model.frame;
            const now = keyStepOrigin(keySeek.current, frame ?? null, timeMs);
            let target: number;
            if (step !== undefined) target = Math.min(durationMs, Math.max(0, now + step));
            else if (event.key === 'Home') target = 0;
            else if (event.key === 'End') target = durationMs;
            else return;
            controller.seek(target);
            keySeek.current = { timeMs: target, frame: frame ?? null };
            event.preventDefault();
          }}
        >
          <div className="live-timeline-progress" style={{ width: `${(timeMs / Math.max(1, durationMs)) * 100}%` }} />
          <div className="live-playhead" style={{ left: `${(timeMs / Math.max(1, durationMs)) * 100}%` }} />
        </div>
        <div className="live-timeline-markers">
          {doc.scenario.map((event, index) => (
            <button
              // Events have no ids; their index is their identity within the scenario.
              key={index}
              type="button"
              className={`live-marker ${markerClass(event.action)}${event.pause === true ? ' marker-pause' : ''}${markerNeverHappens(event, doc.durationS) ? ' marker-never' : ''}`}
              style={{ left: `${(Math.min(event.atS, doc.durationS) / Math.max(1e-9, doc.durationS)) * 100}%`, transform: offsetOf(index) }}
              title={markerTitle(event, name, doc.durationS)}
              aria-label={markerAriaLabel(event, name, doc.durationS)}
              onPointerDown={(e) => onMarkerPointerDown(e, index)}
              onPointerMove={onMarkerPointerMove}
              onPointerUp={onMarkerPointerUp}
              // The keyboard's way in (a pointer opens it on release, unless it dragged the marker).
              onKeyDown={(e) => {
                if (e.key === 'Delete' || e.key === 'Backspace') {
                  // The focused event's, not the canvas selection's: left to the window, Delete here
                  // deleted the nodes selected on the canvas, out of the user's sight.
                  e.preventDefault();
                  e.stopPropagation();
                  deleteEventByKey(index);
                  return;
                }
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                e.stopPropagation();
                openEditor(index);
              }}
            />
          ))}
        </div>
      </div>
      <button ref={addButtonRef} type="button" className="icon-button live-tool" aria-label="Add a scenario event at the playhead" title="Add a scenario event at the playhead" onClick={addEvent}>
        <Plus size={16} />
      </button>
      {editing !== null &&
        editing < doc.scenario.length &&
        createPortal(<ScenarioEventEditor key={editing} index={editing} anchor={barRef.current?.getBoundingClientRect() ?? null} onClose={closeEditor} onTabOut={focusOpener} guard={guard} />, document.body)}
    </div>
  );
}
