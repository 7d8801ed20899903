import { useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';
import { useLiveController, useLiveModel } from './LiveContext';
import { emptyLogText, filterLog, LOG_CATEGORIES, LOG_OUTCOMES, logText, NO_LOG_FILTER, type LiveLogEntry, type LogCategory, type LogFilter, type LogOutcome } from './liveLog';
import { nodeLabel, nodeNamer } from './nodeNames';
import { rovingIndex } from './rovingFocus';
import { formatSimTime } from './speedPresets';

/**
 * The run's events, newest last: scenario events, injected faults and health-check marks.
 * Filter by node, kind and outcome; clicking a row selects (and pulses) the node it concerns,
 * or the link for link faults. The newest rows stay in sight unless the user has scrolled up.
 * The rows are one Tab stop (the row last focused, else the newest): the arrows, Home and End
 * move between them, so Tab passes a long log in one press.
 */
export function EventLog() {
  const model = useLiveModel();
  const controller = useLiveController();
  const store = useDocumentStore();
  const [chosenFilter, setFilter] = useState<LogFilter>(NO_LOG_FILTER);
  const log = model?.log ?? [];
  const nodeIds = model?.nodeIds ?? [];
  // A node filter outlives its node when the node is deleted: then it filters nothing.
  const filter = chosenFilter.node !== null && !nodeIds.includes(chosenFilter.node) ? { ...chosenFilter, node: null } : chosenFilter;
  // The model appends to its log in place; panels re-render at most a few times a second.
  const rows = filterLog(log, filter);
  // The engine names nodes by id: rows and the filter read by the names the canvas shows (a
  // rename applies to rows already logged too).
  const doc = useSyncExternalStore((l) => store.subscribe(l), () => store.getDocument());
  const nodes = doc.nodes;
  const name = nodeNamer(nodes, doc.links);

  // A log a few rows tall opened on its oldest rows: at a pause the events the caption speaks
  // of were below the fold. It follows its end until scrolled away from it, and again once back.
  const listRef = useRef<HTMLOListElement>(null);
  const following = useRef(true);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list !== null && following.current) list.scrollTop = list.scrollHeight;
  });
  const onScroll = () => {
    const list = listRef.current;
    if (list !== null) following.current = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
  };

  // The row that takes the Tab stop, by its seq; while it is filtered out or scrolled away from
  // the model's log, the newest row takes it.
  const [currentSeq, setCurrentSeq] = useState<number | null>(null);
  const current = rows.findIndex((entry) => entry.seq === currentSeq);
  const tabStop = current >= 0 ? current : rows.length - 1;
  const onRowsKey = (event: KeyboardEvent<HTMLOListElement>) => {
    const next = rovingIndex(event.key, tabStop, rows.length);
    if (next === null || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    setCurrentSeq(rows[next].seq);
    listRef.current?.querySelectorAll<HTMLButtonElement>('.live-log-row')[next]?.focus();
  };

  const highlight = (entry: LiveLogEntry) => {
    if (entry.linkId !== undefined && entry.category !== 'health') store.setSelection({ nodes: [], links: [entry.linkId], regions: [] });
    else if (entry.nodes.length > 0) store.setSelection({ nodes: [entry.nodes[entry.nodes.length - 1]], links: [], regions: [] });
    controller?.highlightNode(entry.nodes[entry.nodes.length - 1] ?? null);
  };

  return (
    <div className="live-log" data-testid="live-log">
      <div className="live-log-filters">
        <select aria-label="Filter by node" value={filter.node ?? ''} onChange={(e) => setFilter({ ...filter, node: e.target.value || null })}>
          <option value="">All nodes</option>
          {nodeIds.map((id) => (
            <option key={id} value={id}>
              {nodeLabel(nodes, id)}
            </option>
          ))}
        </select>
        <select aria-label="Filter by kind" value={filter.category ?? ''} onChange={(e) => setFilter({ ...filter, category: (e.target.value || null) as LogCategory | null })}>
          <option value="">All kinds</option>
          {LOG_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
        <select aria-label="Filter by outcome" value={filter.outcome ?? ''} onChange={(e) => setFilter({ ...filter, outcome: (e.target.value || null) as LogOutcome | null })}>
          <option value="">All outcomes</option>
          {LOG_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcome}
            </option>
          ))}
        </select>
        <span className="live-log-count">
          {rows.length} of {log.length}
          {model !== null && model.logDropped > 0 ? ` (${model.logDropped} older dropped)` : ''}
        </span>
      </div>
      <ol className="live-log-rows" ref={listRef} onScroll={onScroll} onKeyDown={onRowsKey}>
        {rows.length === 0 && <li className="live-empty">{log.length === 0 ? emptyLogText(model?.frame?.timeMs ?? 0, model?.frame?.ended === true) : 'No entries match the filter.'}</li>}
        {rows.map((entry, index) => (
          <li key={entry.seq}>
            <button
              type="button"
              className={`live-log-row outcome-${entry.outcome}`}
              data-category={entry.category}
              tabIndex={index === tabStop ? 0 : -1}
              onFocus={() => setCurrentSeq(entry.seq)}
              onClick={() => highlight(entry)}
            >
              <span className="live-log-time">{formatSimTime(entry.timeMs)}</span>
              <span className={`live-log-kind kind-${entry.category}`}>{entry.category}</span>
              <span className="live-log-text">{logText(entry.words, name)}</span>
              {entry.injected && <span className="live-log-injected">injected</span>}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

