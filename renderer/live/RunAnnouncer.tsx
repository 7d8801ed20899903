import { useSyncExternalStore } from 'react';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';
import { pausedAtCaption } from './captionPause';
import { useLiveModel } from './LiveContext';

/**
 * What the run's caption shows, for a screen reader: the narration as it arrives, that the
 * scenario paused there (and how to go on), and how the run ended. A polite live region that is
 * always in the page, so each new text is read out: the visible caption appears together with its
 * text, and a region that arrives already filled is not reliably announced. Not atomic: when the
 * pause line joins a narration already read, only the pause line is read.
 */
export function RunAnnouncer() {
  const model = useLiveModel();
  const store = useDocumentStore();
  const scenario = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getDocument().scenario,
  );
  const caption = model?.caption ?? null;
  const paused = pausedAtCaption(caption, model?.frame ?? null, scenario);
  return (
    <div className="visually-hidden" aria-live="polite" data-testid="run-announcer">
      <p>{caption?.text ?? ''}</p>
      {paused && <p>Paused here. Press Space, or the caption’s continue button, to go on.</p>}
    </div>
  );
}
