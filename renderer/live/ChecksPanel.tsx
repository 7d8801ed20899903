import { CheckCircle2, CircleDashed, Hourglass, Pencil, Plus, XCircle } from 'lucide-react';
import { Fragment, useRef, useState, useSyncExternalStore } from 'react';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';
import { OWN_KEYS_ATTRIBUTE } from '../editor/keyboardShortcuts';
import { addCheck } from './checkEdits';
import { CheckEditor } from './CheckEditor';
import { consistencyCounts, consistencyText } from './consistencyCounts';
import { checkRows, checkSourceText, checkState, formatActual, labelContradiction, pendingText, type CheckState } from './liveCheckRows';
import { useLiveModel } from './LiveContext';
import { nodeNamer } from './nodeNames';
import type { CloseGuard } from './useGuardedClose';
import { useFocusReturn } from './useFocusReturn';

/** Each state's mark; its name is what a screen reader says for it. */
const STATE_ICONS: Record<CheckState, { Icon: typeof CheckCircle2; name: string }> = {
  pass: { Icon: CheckCircle2, name: 'pass' },
  fail: { Icon: XCircle, name: 'fail' },
  pending: { Icon: Hourglass, name: 'pending' },
  unmeasured: { Icon: CircleDashed, name: 'not measured yet' },
};

/**
 * The document's checks with live pass / fail (the finished run's report has the last word), and
 * where they are written: add a check, click one to edit or delete it. Edits are undoable like any
 * other, and a check changed after the run has ended is measured again on its report.
 */
export function ChecksPanel() {
  const store = useDocumentStore();
  const doc = useSyncExternalStore((l) => store.subscribe(l), () => store.getDocument());
  const model = useLiveModel();
  const [editing, setEditing] = useState<number | null>(null);
  // The open editor's say on being left (it stays while a field holds refused text).
  const guard: CloseGuard = useRef(null);
  const mayLeaveEditor = () => guard.current === null || guard.current();
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const { rememberOpener } = useFocusReturn(editing !== null, addButtonRef, '.live-check-editor');
  const frame = model?.frame ?? null;
  const name = nodeNamer(doc.nodes);
  const rows = checkRows(doc.checks, frame ? { actual: frame.checkActual, pass: frame.checkPass, final: frame.checkFinal } : null, model?.report ?? null, { ended: frame?.ended === true, name });
  // A label whose numbers leave out the threshold is followed by what is really checked.
  const contradictions = doc.checks.map((check) => labelContradiction(check, name));
  const durationS = (model?.durationMs ?? doc.durationS * 1000) / 1000;
  const consistency = consistencyCounts(frame, model?.report ?? null);
  const add = () => {
    if (!mayLeaveEditor()) return;
    let index = -1;
    store.update((draft) => {
      index = addCheck(draft);
    });
    rememberOpener();
    setEditing(index);
  };
  return (
    <div className="live-checks-panel" {...{ [OWN_KEYS_ATTRIBUTE]: '' }}>
      {consistency !== null && (
        <p className="live-consistency" data-testid="live-consistency" title="Over the whole run: reads that returned an older value than a write already acknowledged, acknowledged writes lost in a failover or crash, users whose session was lost">
          <span className="live-consistency-label">Consistency</span>
          <span className="live-consistency-counts">{consistencyText(consistency)}</span>
          <span className="live-check-source">{consistency.source === 'final' ? 'final' : 'so far'}</span>
        </p>
      )}
      {rows.length === 0 ? (
        <p className="live-empty">This design has no checks yet. A check states a goal the run must meet (availability ≥ 99%, p99 latency ≤ 500 ms, no lost writes…) and shows pass or fail as it plays.</p>
      ) : (
        <ul className="live-checks" data-testid="live-checks">
          {rows.map((row, i) => {
            const state = checkState(row);
            const { Icon, name } = STATE_ICONS[state];
            const check = doc.checks[i];
            const contradiction = contradictions[i];
            // Under the label: what is really checked when the label says otherwise, and what a
            // pending verdict still waits for (its threshold left out when already spelled out).
            const note = [
              contradiction !== null ? `checks ${contradiction}` : null,
              state === 'pending' ? pendingText(check, durationS, { withThreshold: contradiction === null && check.label !== undefined }) : null,
            ]
              .filter((part) => part !== null)
              .join(' · ');
            return (
              <Fragment key={`${row.id}-${i}`}>
                <li className={state} data-testid={`check-${row.id}`}>
                  <Icon size={18} aria-label={name} />
                  <span className="live-check-label list-text" title={row.label}>
                    {row.label}
                  </span>
                  <span className="live-check-actual" title={row.actual === null && row.source !== 'final' ? 'Not measured yet' : undefined}>
                    {formatActual(check.metric, row.actual, check)}
                  </span>
                  <span className="live-check-source">{checkSourceText(row)}</span>
                  {/* Before the edit button, so a screen reader reads it with the row (CSS puts it on a line of its own). */}
                  {note !== '' && (
                    <span className="live-check-pending" title={state === 'pending' ? 'The window is still open: this verdict can still change' : 'The label no longer says what is checked: edit it, or empty it to show this'}>
                      {note}
                    </span>
                  )}
                  <button
                    type="button"
                    className="icon-button live-tool"
                    aria-label={`Edit check ${row.label}`}
                    title="Edit this check"
                    aria-expanded={editing === i}
                    onClick={() => {
                      if (!mayLeaveEditor()) return;
                      if (editing !== i) rememberOpener();
                      setEditing(editing === i ? null : i);
                    }}
                  >
                    <Pencil size={14} />
                  </button>
                </li>
                {editing === i && (
                  <li className="live-check-editor-row">
                    <CheckEditor index={i} onClose={() => setEditing(null)} guard={guard} />
                  </li>
                )}
              </Fragment>
            );
          })}
        </ul>
      )}
      <button ref={addButtonRef} type="button" className="live-add-check" data-testid="add-check" onClick={add}>
        <Plus size={14} /> Add check
      </button>
    </div>
  );
}
