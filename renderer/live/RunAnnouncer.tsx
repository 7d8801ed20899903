import { useSyncExternalStore } from 'react';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';
import { pausedAtCaption } from './captionPause';
import { useLiveModel } from './LiveContext';
import { logText, type LiveLogEntry } from './liveLog';
import { nodeNamer } from './nodeNames';

/**
 * The run's latest fault or recovery (a crash, a restart, a cut link healed, a random failure),
 * unless a narration speaks of it: a noted event is in the caption already.
 */
function latestUnnarratedChange(log: readonly LiveLogEntry[]): LiveLogEntry | null {
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i];
    if (entry.category !== 'fault' && entry.category !== 'recovery') continue;
    return entry.words.kind === 'scenario' && entry.words.note !== undefined ? null : entry;
  }
  return null;
}

/**
 * What the run's caption shows, for a screen reader: the narration as it arrives, that the
 * scenario paused there (and how to go on), and how the run ended; and a fault or recovery no
 * narration speaks of, as the event log words it (the log is not read out as it grows). A polite live region that is
 * always in the page, so each new text is read out: the visible caption appears together with its
 * text, and a region that arrives already filled is not reliably announced. Not atomic: when the
 * pause line joins a narration already read, only the pause line is read.
 */
export function RunAnnouncer() {
  const model = useLiveModel();
  const store = useDocumentStore();
  const doc = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getDocument(),
  );
  const caption = model?.caption ?? null;
  const paused = pausedAtCaption(caption, model?.frame ?? null, doc.scenario);
  const change = latestUnnarratedChange(model?.log ?? []);
  return (
    <div className="visually-hidden" aria-live="polite" data-testid="run-announcer">
      <p>{caption?.text ?? ''}</p>
      <p>{change === null ? '' : `${logText(change.words, nodeNamer(doc.nodes, doc.links))}.`}</p>
      {paused && <p>Paused here. Press Space, or the caption’s continue button, to go on.</p>}
    </div>
  );
}
