import { useEffect, useRef, useState } from 'react';
import type { RecoveryEntry } from '../../host/hostFiles';
import { Frame } from './DialogFrame';
import type { RecoveryAction } from './dialogQueue';

/**
 * The offer of work a crashed session left: Restore, Discard or Decide Later. Discarding deletes
 * the work for good, so it takes a second step in the entry's own row ("Discard for Good" beside
 * "Keep", focus on Keep); Keep or Escape (or a press outside) backs out of that step and puts focus
 * back on the entry's Discard button, the dialog still open.
 */
export function RecoveryOffer({ request, done }: { request: { entries: RecoveryEntry[]; resolve: (action: RecoveryAction) => void }; done: () => void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const discardButtons = useRef(new Map<string, HTMLButtonElement>());
  /** The entry whose Discard button takes focus back once its confirmation is gone. */
  const backTo = useRef<string | null>(null);
  useEffect(() => {
    if (confirming !== null || backTo.current === null) return;
    discardButtons.current.get(backTo.current)?.focus();
    backTo.current = null;
  }, [confirming]);

  const act = (action: RecoveryAction) => {
    request.resolve(action);
    done();
  };
  const keep = () => {
    backTo.current = confirming;
    setConfirming(null);
  };

  return (
    <Frame
      title="Recover unsaved work?"
      description="Faultline closed without saving this work. Restore it, or discard it for good."
      onClose={() => (confirming !== null ? keep() : act({ action: 'later' }))}
      testId="recovery-dialog"
      wide
    >
      <ul className="recovery-list">
        {request.entries.map((entry) => (
          <li key={entry.id} className="recovery-entry">
            <div className="recovery-what">
              <strong>{entry.title}</strong>
              {confirming === entry.id ? (
                <span className="file-dialog-error" id={`discard-question-${entry.id}`}>
                  Discard this work for good? It cannot be recovered afterwards.
                </span>
              ) : (
                <span className="file-dialog-note">{entry.problem ?? `${entry.fileName ? `${entry.fileName} · ` : 'never saved · '}autosaved ${new Date(entry.savedAt).toLocaleString()}`}</span>
              )}
            </div>
            {/* Keyed: React must not reuse the pressed Discard… button as Discard for Good, focus and all (a double press would destroy the work). */}
            {confirming === entry.id ? (
              <>
                <button key="keep" type="button" className="file-button" autoFocus onClick={keep} aria-describedby={`discard-question-${entry.id}`}>
                  Keep
                </button>
                <button key="discard-for-good" type="button" className="file-button file-button-danger" onClick={() => act({ action: 'discard', id: entry.id })} aria-describedby={`discard-question-${entry.id}`}>
                  Discard for Good
                </button>
              </>
            ) : (
              <>
                {!entry.problem && (
                  <button key="restore" type="button" className="file-button file-button-primary" onClick={() => act({ action: 'restore', id: entry.id })}>
                    Restore
                  </button>
                )}
                <button
                  key="discard"
                  type="button"
                  className="file-button"
                  ref={(button) => {
                    if (button) discardButtons.current.set(entry.id, button);
                    else discardButtons.current.delete(entry.id);
                  }}
                  onClick={() => setConfirming(entry.id)}
                >
                  Discard…
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="file-dialog-buttons">
        <span className="file-dialog-spacer" />
        <button type="button" className="file-button" onClick={() => act({ action: 'later' })}>
          Decide Later
        </button>
      </div>
    </Frame>
  );
}
