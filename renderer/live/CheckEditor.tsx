import { Trash2 } from 'lucide-react';
import { useEffect, useId, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { METRIC_INFO, thresholdProblem } from '../../shared/model/schema/checks';
import { CHECK_OPS, type Check, type CheckMetric, type CheckOp } from '../../shared/model/types';
import { useDocumentStore, useTextEdit } from '../editor/store/DocumentStoreContext';
import { anyText, fieldUndoKey, useEditedText } from '../editor/store/useEditedText';
import { deleteCheck, nodesFor, parseWindow, setCheckFields, setCheckMetric, usableMetrics } from './checkEdits';
import { describeCheck, labelContradiction, thresholdText } from './liveCheckRows';
import { nodeNamer } from './nodeNames';
import { CheckedTextField } from './CheckedTextField';
import { parseNumberText } from '../app/editor/fieldValues';
import { useGuardedClose, type CloseGuard } from './useGuardedClose';

const UNIT_HINT: Record<string, string> = { ms: 'ms', ratio: '0–1', rps: 'per s', count: 'count' };
const OP_SYMBOL: Record<CheckOp, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/**
 * Edits one check in place, below its row in the checks panel. Every change is one undoable
 * step; a value that is not valid yet (a half-typed number, To before From) stays in its field
 * with the reason and never reaches the document, and Done does not close the editor while one
 * does (see useGuardedClose); Delete always works.
 */
export function CheckEditor({ index, onClose, guard }: { index: number; onClose: () => void; guard?: CloseGuard }) {
  const store = useDocumentStore();
  const closing = useGuardedClose(onClose, guard);
  const doc = useSyncExternalStore((l) => store.subscribe(l), () => store.getDocument());
  // Each select is named by its own label (for=), not by a label around it, whose name would
  // take in every option's text.
  const ids = useId();
  const check = doc.checks[index];
  // Escape takes back the label typed since the field was entered (as in every text field).
  const label = useEditedText(check?.label ?? '', `check-label-${index}`);
  // Opened below its row — often the last, under the panel's fold after Add check — the editor
  // comes into view with its first field focused, as the scenario event editor does.
  const editorRef = closing.ref;
  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return;
    editor.scrollIntoView({ block: 'nearest' });
    editor.querySelector<HTMLElement>('select, input, textarea')?.focus({ preventScroll: true });
  }, [index, editorRef]);
  if (check === undefined) return null;
  const key = `check-${index}`;
  const info = METRIC_INFO[check.metric];
  const metrics = usableMetrics(doc);
  if (!metrics.includes(check.metric)) metrics.push(check.metric);
  const contradiction = labelContradiction(check);
  return (
    <div ref={closing.ref} className="live-check-editor" role="group" aria-label={`Edit check ${index + 1}`} data-testid="check-editor">
      <div className="live-check-field live-check-metric">
        <label htmlFor={`${ids}-metric`}>Metric</label>
        <select id={`${ids}-metric`} data-testid="check-metric" value={check.metric} onChange={(e) => store.update((draft) => setCheckMetric(draft, index, e.target.value as CheckMetric))}>
          {metrics.map((metric) => (
            <option key={metric} value={metric}>
              {METRIC_INFO[metric].label}
            </option>
          ))}
        </select>
      </div>
      {info.needsNode && (
        <div className="live-check-field">
          <label htmlFor={`${ids}-node`}>Node</label>
          <select id={`${ids}-node`} data-testid="check-node" value={check.node ?? ''} onChange={(e) => store.update((draft) => setCheckFields(draft, index, { node: e.target.value }))}>
            {nodesFor(doc, check.metric, check.node).map((node) => (
              <option key={node.id} value={node.id}>
                {node.name ?? node.id}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="live-check-field live-check-op">
        <label htmlFor={`${ids}-op`}>Must be</label>
        <select id={`${ids}-op`} data-testid="check-op" value={check.op} onChange={(e) => store.update((draft) => setCheckFields(draft, index, { op: e.target.value as CheckOp }))}>
          {CHECK_OPS.map((op) => (
            <option key={op} value={op}>
              {OP_SYMBOL[op]}
            </option>
          ))}
        </select>
      </div>
      <CheckedTextField
        label={`Value${info.unit ? ` (${UNIT_HINT[info.unit] ?? info.unit})` : ''}`}
        testId="check-value"
        numeric
        shown={String(check.value)}
        check={(text) => {
          const parsed = parseNumberText(text);
          if (!parsed.ok) return parsed.message;
          if (parsed.value === undefined) return 'a number is needed';
          // A ratio shown as a percentage invites "95": refused, with the ratio it meant; a
          // negative latency, throughput or count can never be measured ("p99 ≤ -5 ms").
          // Named as the Metric select names it ("Availability"), not by its id.
          return thresholdProblem(check.metric, parsed.value, info.label);
        }}
        onValid={(text) => store.update((draft) => setCheckFields(draft, index, { value: Number(text) }), { squashKey: `${key}-value` })}
      />
      <WindowFields
        check={check}
        durationS={doc.durationS}
        onWindow={(window) => store.update((draft) => setCheckFields(draft, index, { fromS: window.fromS, toS: window.toS }), { squashKey: `${key}-window` })}
      />
      <label className="live-check-label-field">
        Label
        <input
          type="text"
          data-testid="check-label"
          value={label.value}
          placeholder={describeCheck(check, nodeNamer(doc.nodes))}
          onChange={(e) => label.type(e.target.value, anyText, (text) => store.update((draft) => setCheckFields(draft, index, { label: text })))}
          {...label.handlers}
        />
        {contradiction !== null && (
          <span className="live-check-label-note" data-testid="check-label-note">
            The label leaves out the threshold ({thresholdText(check)}): empty it to describe the check, or edit it.
          </span>
        )}
      </label>
      {closing.blocked !== null && (
        <p className="field-error live-editor-blocked" role="alert" data-testid="editor-blocked">
          {closing.blocked}
        </p>
      )}
      <footer>
        <button type="button" className="icon-button live-tool" aria-label="Delete this check" title="Delete this check" onClick={() => { store.update((draft) => deleteCheck(draft, index)); onClose(); }}>
          <Trash2 size={15} />
        </button>
        <button type="button" className="live-check-done" onClick={() => closing.tryClose()}>
          Done
        </button>
      </footer>
    </div>
  );
}

/**
 * From / To (s): empty means the start / the end; committed together while both make a window
 * (see TextEdit: a window that turns invalid puts back the one from before the edit).
 */
function WindowFields({ check, durationS, onWindow }: { check: Check; durationS: number; onWindow: (window: { fromS?: number; toS?: number }) => void }) {
  const edit = useTextEdit('check-window');
  const store = useDocumentStore();
  const shownFrom = check.fromS === undefined ? '' : String(check.fromS);
  const shownTo = check.toS === undefined ? '' : String(check.toS);
  // null: show what the document holds.
  const [fromText, setFromText] = useState<string | null>(null);
  const [toText, setToText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Which field the error is about (only that one is marked invalid, and described by it).
  const [errorField, setErrorField] = useState<'from' | 'to' | null>(null);
  const errorId = useId();
  const [focused, setFocused] = useState(false);
  const external = `${shownFrom}|${shownTo}`;
  const [seen, setSeen] = useState(external);
  if (seen !== external) {
    setSeen(external);
    if (!focused && error === null) {
      setFromText(null);
      setToText(null);
    }
  }
  const change = (nextFrom: string, nextTo: string) => {
    setFromText(nextFrom);
    setToText(nextTo);
    const window = parseWindow(nextFrom, nextTo, durationS);
    setErrorField(window.ok ? null : window.field);
    setError(edit.input(nextFrom, () => (window.ok ? { ok: true, value: { fromS: window.fromS, toS: window.toS } } : window), onWindow));
  };
  const invalid = (field: 'from' | 'to') => ({ 'aria-invalid': error !== null && errorField === field, 'aria-describedby': error !== null && errorField === field ? errorId : undefined });
  const inputProps = {
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      edit.finish();
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (!fieldUndoKey(e, edit, store, error !== null)) {
        if (e.key !== 'Escape') return;
        if (!edit.cancel() && error === null) return;
        e.stopPropagation();
      }
      setFromText(null);
      setToText(null);
      setError(null);
      setErrorField(null);
    },
  };
  const from = fromText ?? shownFrom;
  const to = toText ?? shownTo;
  return (
    <div className="live-check-window">
      <label title="Measure requests sent from this time (empty: the start)">
        From (s)
        <input type="text" inputMode="decimal" data-testid="check-from" value={from} placeholder="start" {...invalid('from')} onChange={(e) => change(e.target.value, to)} {...inputProps} />
      </label>
      <label title="Measure requests sent before this time (empty: the end)">
        To (s)
        <input type="text" inputMode="decimal" data-testid="check-to" value={to} placeholder="end" {...invalid('to')} onChange={(e) => change(from, e.target.value)} {...inputProps} />
      </label>
      {error !== null && (
        <span className="field-error" role="alert" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}
