import { AlertTriangle, Info, X, XCircle } from 'lucide-react';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { MAX_SHARE_CODE_CHARS } from '../../../shared/model/limits';
import type { Problem } from '../../../shared/model/types';
import type { DialogQueue, DialogRequest } from './dialogQueue';
import { couldNotOpen, NOTHING_CHANGED, problemCountLine, SHARE_CODE_SOURCE } from './problemWording';
import { RecoveryOffer } from './RecoveryOffer';
import { Frame } from './DialogFrame';
import './files.css';

/**
 * Problems as a list: first how many there are in `source` (“bad.faultline”, this share code),
 * then each one's place in the file (when it has one) and what is wrong there.
 */
function ProblemList({ errors, warnings = [], source }: { errors: readonly Problem[]; warnings?: readonly Problem[]; source: string }) {
  const countId = useId();
  return (
    <div className="problem-report">
      <p className="problem-count" id={countId} data-testid="problem-count">
        {problemCountLine(errors, warnings, source)}
      </p>
      <ProblemItems errors={errors} warnings={warnings} labelledBy={countId} />
    </div>
  );
}

function ProblemItems({ errors, warnings, labelledBy }: { errors: readonly Problem[]; warnings: readonly Problem[]; labelledBy: string }) {
  return (
    <ul className="problem-list" data-testid="problem-list" aria-labelledby={labelledBy}>
      {errors.map((problem, index) => (
        <li key={`e${index}`} className="problem problem-error">
          <XCircle size={14} aria-label="error" />
          {problem.path && <code className="problem-path">{problem.path}</code>}
          {/* A JSON error says where in its message ("… at line 4, column 18"): not repeated beside it. */}
          <span>{problem.message}</span>
        </li>
      ))}
      {warnings.map((problem, index) => (
        <li key={`w${index}`} className="problem problem-warning">
          <AlertTriangle size={14} aria-label="warning" />
          {problem.path && <code className="problem-path">{problem.path}</code>}
          <span>{problem.message}</span>
        </li>
      ))}
    </ul>
  );
}

function ActiveDialog({ request, done }: { request: DialogRequest; done: () => void }) {
  const [code, setCode] = useState('');
  // What kept the share code in the field from opening (cleared as soon as it is edited).
  const [codeProblems, setCodeProblems] = useState<readonly Problem[]>([]);
  switch (request.kind) {
    case 'confirm': {
      const choose = (choice: 'confirm' | 'alternative' | 'cancel') => {
        request.resolve(choice);
        done();
      };
      const { title, message, confirmLabel, alternativeLabel, cancelLabel } = request.request;
      return (
        <Frame title={title} description={message} onClose={() => choose('cancel')} testId="confirm-dialog">
          <div className="file-dialog-buttons">
            {alternativeLabel && (
              <button type="button" className="file-button" onClick={() => choose('alternative')}>
                {alternativeLabel}
              </button>
            )}
            <span className="file-dialog-spacer" />
            <button type="button" className="file-button" onClick={() => choose('cancel')}>
              {cancelLabel ?? 'Cancel'}
            </button>
            <button type="button" className="file-button file-button-primary" autoFocus onClick={() => choose('confirm')}>
              {confirmLabel}
            </button>
          </div>
        </Frame>
      );
    }
    case 'problems': {
      const close = () => {
        request.resolve();
        done();
      };
      const { title, summary, source, errors, warnings } = request.report;
      return (
        <Frame title={title} description={summary} onClose={close} testId="problems-dialog" wide>
          <ProblemList errors={errors} warnings={warnings} source={source} />
          <div className="file-dialog-buttons">
            <span className="file-dialog-spacer" />
            <button type="button" className="file-button file-button-primary" autoFocus onClick={close}>
              OK
            </button>
          </div>
        </Frame>
      );
    }
    case 'askShareCode': {
      const finish = (value: string | null) => {
        request.resolve(value);
        done();
      };
      const tooLong = code.length > MAX_SHARE_CODE_CHARS;
      const open = () => {
        const problems = request.check(code);
        if (problems.length === 0) finish(code);
        else setCodeProblems(problems);
      };
      return (
        <Frame title="Open a share code" description="Paste the code someone shared with you. It is checked like any file before it replaces your sandbox." onClose={() => finish(null)} testId="share-code-input-dialog" wide>
          <textarea
            className="share-code-text"
            aria-label="Share code"
            aria-invalid={codeProblems.length > 0 || tooLong}
            value={code}
            autoFocus
            spellCheck={false}
            onChange={(event) => {
              setCode(event.target.value);
              setCodeProblems([]);
            }}
          />
          {tooLong && <p className="file-dialog-error">That is longer than any share code Faultline makes ({MAX_SHARE_CODE_CHARS.toLocaleString()} characters at most).</p>}
          {codeProblems.length > 0 && (
            <div role="alert" className="share-code-problems" data-testid="share-code-problems">
              <p className="file-dialog-error">
                {couldNotOpen(SHARE_CODE_SOURCE)}. {NOTHING_CHANGED}
              </p>
              <ProblemList errors={codeProblems} source={SHARE_CODE_SOURCE} />
            </div>
          )}
          <div className="file-dialog-buttons">
            <span className="file-dialog-spacer" />
            <button type="button" className="file-button" onClick={() => finish(null)}>
              Cancel
            </button>
            <button type="button" className="file-button file-button-primary" disabled={code.trim() === '' || tooLong} onClick={open}>
              Open
            </button>
          </div>
        </Frame>
      );
    }
    case 'shareCode': {
      const close = () => {
        request.resolve();
        done();
      };
      return (
        <Frame
          title="Share code"
          description={request.copied ? 'Copied to the clipboard. Anyone can open it with File → Open Share Code.' : 'The clipboard was not available: select the code and copy it yourself.'}
          onClose={close}
          testId="share-code-dialog"
          wide
        >
          <textarea className="share-code-text" aria-label="Share code" readOnly value={request.code} onFocus={(event) => event.target.select()} data-testid="share-code" />
          <p className="file-dialog-note">{request.code.length.toLocaleString()} characters</p>
          <div className="file-dialog-buttons">
            <span className="file-dialog-spacer" />
            <button type="button" className="file-button file-button-primary" autoFocus onClick={close}>
              Done
            </button>
          </div>
        </Frame>
      );
    }
    case 'progress':
      return (
        <Frame title="Working…" description={request.label} onClose={request.cancel} testId="progress-dialog">
          <progress className="file-progress" max={1} value={request.fraction} />
          <div className="file-dialog-buttons">
            <span className="file-dialog-spacer" />
            <button type="button" className="file-button" onClick={request.cancel}>
              Cancel
            </button>
          </div>
        </Frame>
      );
    case 'busy':
      // Nothing to press: the page cannot answer a press until the work is done. The spinner
      // turns on the compositor, so it keeps turning while the work holds the page.
      return (
        <Frame title={request.label} description={request.detail} onClose={() => {}} testId="busy-dialog">
          <div className="file-busy" role="status" aria-busy="true">
            <span className="file-busy-spinner" aria-hidden="true" />
            <span>This is a large file: the page may not answer until it is open.</span>
          </div>
        </Frame>
      );
    case 'recovery':
      return <RecoveryOffer request={request} done={done} />;
  }
}

const TONE_ICON = { info: Info, warning: AlertTriangle, error: XCircle };

/** The element over the canvas where notices are shown (App.tsx), clear of the inspector and the charts. */
export const NOTICE_SLOT_ID = 'canvas-notices';

/** The file commands' dialog (one at a time) and the app's notices, from the DialogQueue. */
export function FileDialogs({ queue }: { queue: DialogQueue }) {
  const { dialog, notices } = useSyncExternalStore(
    (listener) => queue.subscribe(listener),
    () => queue.getSnapshot(),
  );
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => setSlot(document.getElementById(NOTICE_SLOT_ID)), []);
  const list = (
      <div className="file-notices" role="status" aria-live="polite">
        {notices.map((notice) => {
          const Icon = TONE_ICON[notice.tone];
          return (
            <div key={notice.id} className={`file-notice file-notice-${notice.tone}`} data-testid="file-notice">
              <Icon size={15} aria-hidden="true" />
              <span>{notice.message}</span>
              <button type="button" className="file-notice-close" aria-label="Dismiss" onClick={() => queue.dismissNotice(notice.id)}>
                <X size={14} />
              </button>
            </div>
          );
        })}
      </div>
  );
  return (
    <>
      {dialog && <ActiveDialog key={dialogKey(dialog)} request={dialog} done={() => queue.dismiss(dialog)} />}
      {slot ? createPortal(list, slot) : list}
    </>
  );
}

const keys = new WeakMap<object, number>();
let nextKey = 1;
/** A stable key per request, so a new dialog gets fresh state (progress updates replace the object, hence by kind+label). */
function dialogKey(request: DialogRequest): string {
  if (request.kind === 'progress') return `progress:${request.label}`;
  if (!keys.has(request)) keys.set(request, nextKey++);
  return String(keys.get(request));
}
