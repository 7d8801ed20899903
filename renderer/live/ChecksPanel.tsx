import { CheckCircle2, CircleDashed, XCircle } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';
import { checkRows, formatActual } from './liveCheckRows';
import { useLiveModel } from './LiveContext';

/** The document's checks with live pass / fail; the finished run's report has the last word. */
export function ChecksPanel() {
  const store = useDocumentStore();
  const doc = useSyncExternalStore((l) => store.subscribe(l), () => store.getDocument());
  const model = useLiveModel();
  const frame = model?.frame ?? null;
  const rows = checkRows(doc.checks, frame ? { actual: frame.checkActual, pass: frame.checkPass } : null, model?.report ?? null);
  if (rows.length === 0) return <p className="live-empty">This design has no checks. Teachers add them to the file (DESIGN §3 checks) to grade a design.</p>;
  return (
    <ul className="live-checks" data-testid="live-checks">
      {rows.map((row, i) => (
        <li key={row.id} className={row.pass === null ? 'pending' : row.pass ? 'pass' : 'fail'} data-testid={`check-${row.id}`}>
          {row.pass === null ? <CircleDashed size={18} aria-label="not measured yet" /> : row.pass ? <CheckCircle2 size={18} aria-label="pass" /> : <XCircle size={18} aria-label="fail" />}
          <span className="live-check-label">{row.label}</span>
          <span className="live-check-actual">{formatActual(doc.checks[i].metric, row.actual)}</span>
          <span className="live-check-source">{row.source === 'final' ? 'final' : row.source === 'live' ? 'so far' : ''}</span>
        </li>
      ))}
    </ul>
  );
}
