import { Trash2, X } from 'lucide-react';
import { useSyncExternalStore, type CSSProperties } from 'react';
import { CheckedTextField } from './CheckedTextField';
import { EVENT_FIELDS } from '../../shared/model/schema/scenario';
import { checkValue, parseNumberText } from '../app/editor/fieldValues';
import { SCENARIO_ACTIONS, type ScenarioAction } from '../../shared/model/types';
import { eventTimeToMillisecond } from '../../shared/model/eventTime';
import { DOCUMENT_EDITOR_ATTRIBUTE } from '../editor/keyboardShortcuts';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';
import { anyText, useEditedText } from '../editor/store/useEditedText';
import { nodeNamer } from './nodeNames';
import { useGuardedClose, type CloseGuard } from './useGuardedClose';
import { actionUnavailable, deleteScenarioEvent, eventTimeProblem, formatGroups, groupsTextProblem, moveScenarioEvent, parseEventTime, parseGroups, setScenarioAction, setScenarioFields, setScenarioTarget, targetKindOf, targetsFor, timelinePosition } from './scenarioEdits';
import { ScenarioEventParams } from './ScenarioEventParams';
import { WINDOW_MARGIN_PX } from './menuPlacement';

/** However little room the timeline leaves above it, the editor shows its header and a field. */
const MIN_EDITOR_HEIGHT_PX = 120;

/** The editor's width where the window has room for it (live.css narrows it to the window's). */
const EDITOR_WIDTH_PX = 420;

/**
 * Where the editor goes: above the timeline, its right edge at the timeline's, no taller than the
 * room above it (a set event with several settings scrolls instead of growing past the window's
 * top, where its header and Close were out of reach), and in a narrow window moved right so its
 * left edge stays in the window (at 640 px its time and title were cut off).
 */
function editorPlace(anchor: DOMRect): CSSProperties {
  const width = Math.min(EDITOR_WIDTH_PX, window.innerWidth - 2 * WINDOW_MARGIN_PX);
  const right = Math.min(window.innerWidth - anchor.right, window.innerWidth - WINDOW_MARGIN_PX - width);
  return { width, right: Math.max(WINDOW_MARGIN_PX, right), bottom: window.innerHeight - anchor.top + 10, maxHeight: Math.max(MIN_EDITOR_HEIGHT_PX, anchor.top - 10 - WINDOW_MARGIN_PX) };
}

/**
 * Edits one scenario event in place (every field change is one undoable step). It does not close
 * while a field holds refused text (see useGuardedClose); Delete always works.
 */
export function ScenarioEventEditor({ index, anchor, onClose, onTabOut, guard }: { index: number; anchor: DOMRect | null; onClose: () => void; onTabOut?: () => void; guard?: CloseGuard }) {
  const store = useDocumentStore();
  const closing = useGuardedClose(onClose, guard);
  const doc = useSyncExternalStore((l) => store.subscribe(l), () => store.getDocument());
  const event = doc.scenario[index];
  // Escape takes back the narration typed since the field was entered (as in every text field).
  const note = useEditedText(event?.note ?? '', `scenario-note-${index}`);
  if (event === undefined) return null;
  const kind = targetKindOf(event.action);
  // Only what the action can act on (a flush: caches and CDNs).
  const targets = targetsFor(doc, event.action);
  const key = `scenario-${index}`;
  return (
    <div
      ref={closing.ref}
      className="live-event-editor"
      // In page coordinates: the dock clips its own overflow.
      style={anchor === null ? undefined : editorPlace(anchor)}
      role="dialog"
      {...{ [DOCUMENT_EDITOR_ATTRIBUTE]: '' }}
      aria-label={`Scenario event ${index + 1}`}
      data-testid="scenario-event-editor"
      onKeyDown={(e) => {
        if (e.key === 'Tab' && onTabOut !== undefined && tabsOut(e.currentTarget, e.shiftKey)) {
          // Laid over the page at the end of the document, the editor would hand Tab on to the
          // page's end and then its menu bar: it goes back to the timeline, to what opened it.
          e.preventDefault();
          onTabOut();
          return;
        }
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        closing.tryClose();
      }}
    >
      {/* Not a <header>: laid over the page at the body's end, that was a second banner landmark
          beside the title bar (axe: landmark-no-duplicate-banner). */}
      <div className="live-event-editor-head">
        <strong>{`Event ${timelinePosition(doc.scenario, index).position} of ${doc.scenario.length}`}</strong>
        <button type="button" className="icon-button live-tool" aria-label="Delete this event" title="Delete this event" onClick={() => { store.update((draft) => deleteScenarioEvent(draft, index)); onClose(); }}>
          <Trash2 size={15} />
        </button>
        <button type="button" className="icon-button live-tool" aria-label="Close" onClick={() => closing.tryClose()}>
          <X size={15} />
        </button>
      </div>
      <CheckedTextField
        // Opened from the keyboard or by a click, the editor takes focus: its first field.
        autoFocus
        label="At (s)"
        title={`Seconds into the run, or minutes:seconds as the clock writes them, before its end (${doc.durationS} s)`}
        testId="event-at"
        // To the millisecond: a fault injected while playing is kept a fraction of a millisecond
        // past one (liveRun's injectionTimeMs), which the field showed as 5.8550009765625.
        shown={String(eventTimeToMillisecond(event.atS))}
        // A time at or after the end is refused, not clamped: such an event never happens.
        check={(text) => eventTimeProblem(doc, text)}
        onValid={(text) => {
          const parsed = parseEventTime(text);
          if (!parsed.ok || parsed.value === undefined) return;
          const atS = parsed.value;
          store.update((draft) => moveScenarioEvent(draft, index, atS), { squashKey: `${key}-at` });
        }}
      />
      <label>
        Action
        <select value={event.action} onChange={(e) => store.update((draft) => setScenarioAction(draft, index, e.target.value as ScenarioAction))}>
          {SCENARIO_ACTIONS.map((action) => {
            const unavailable = actionUnavailable(doc, action);
            return (
              <option key={action} value={action} disabled={unavailable !== null} title={unavailable ?? undefined}>
                {unavailable === null ? action : `${action} (${unavailable})`}
              </option>
            );
          })}
        </select>
      </label>
      {targets.length > 0 && (
        <label>
          {kind === 'node' ? 'Node' : 'Link'}
          <select value={event.target ?? ''} onChange={(e) => store.update((draft) => setScenarioTarget(draft, index, e.target.value))}>
            {targets.map((id) => (
              <option key={id} value={id}>
                {nodeNamer(doc.nodes, doc.links)(id)}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'groups' && (
        <CheckedTextField
          label="Groups"
          title="Node or region ids; commas within a group, | between groups"
          shown={formatGroups(event.groups)}
          check={(text) => groupsTextProblem(doc, text)}
          onValid={(text) => store.update((draft) => setScenarioFields(draft, index, { groups: parseGroups(text) }), { squashKey: `${key}-groups` })}
        />
      )}
      {event.action === 'slow' && (
        <CheckedTextField
          label="Factor ×"
          title="Service times are multiplied by this"
          shown={String(event.factor ?? 5)}
          check={(text) => {
            const parsed = parseNumberText(text);
            if (!parsed.ok) return parsed.message;
            if (parsed.value === undefined) return 'a factor is needed';
            const checked = checkValue(FACTOR_FIELD, parsed.value);
            return checked.ok ? null : checked.message;
          }}
          onValid={(text) => store.update((draft) => setScenarioFields(draft, index, { factor: Number(text) }), { squashKey: `${key}-factor` })}
        />
      )}
      {(event.action === 'degrade' || event.action === 'set') && <ScenarioEventParams key={`${index}-${event.action}-${event.target ?? ''}`} doc={doc} index={index} event={event} />}
      <label className="live-event-note">
        Narration
        <textarea
          rows={4}
          value={note.value}
          placeholder="What the class should notice"
          onChange={(e) => note.type(e.target.value, anyText, (text) => store.update((draft) => setScenarioFields(draft, index, { note: text })))}
          {...note.handlers}
        />
      </label>
      <label className="live-event-pause">
        <input type="checkbox" checked={event.pause === true} onChange={(e) => store.update((draft) => setScenarioFields(draft, index, { pause: e.target.checked }))} />
        Pause playback here
      </label>
      {closing.blocked !== null && (
        <p className="field-error live-editor-blocked" role="alert" data-testid="editor-blocked">
          {closing.blocked}
        </p>
      )}
    </div>
  );
}

/** Whether Tab (Shift+Tab: backwards) from the focused control leaves `editor`: it is on the last (first) control. */
function tabsOut(editor: HTMLElement, backwards: boolean): boolean {
  const controls = [...editor.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]')].filter((control) => control.tabIndex >= 0 && !control.matches(':disabled'));
  return document.activeElement === (backwards ? controls[0] : controls.at(-1));
}

const FACTOR_FIELD = EVENT_FIELDS.find((descriptor) => descriptor.name === 'factor')!;
