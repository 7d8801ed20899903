import { X } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { focusCanvasSoon } from '../app/canvasFocus';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';
import { useLiveController, useLiveModel } from './LiveContext';
import { formatSimTime } from './speedPresets';
import { problemText } from './liveModel';
import { nodeNamer } from './nodeNames';
import { pausedAtCaption } from './captionPause';

/** How long an engine notice ("re-simulated the edited design…") stays up. */
const NOTICE_MS = 6000;

/**
 * Whether a paused caption reads in fewer rows with its narration under a head row (time,
 * continue, close) at the caption's full width than beside the continue button. Measured from
 * widths that are the same in both layouts, so the choice cannot flip back and forth.
 */
function narrationUnderButtons(caption: HTMLElement): boolean {
  const text = caption.querySelector('p');
  const button = caption.querySelector('.live-caption-continue');
  const time = caption.querySelector('.live-caption-time');
  const close = caption.querySelector(':scope > .live-tool');
  if (!text || !button || !time || !close) return false;
  const style = getComputedStyle(caption);
  const inner = caption.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const gap = parseFloat(style.columnGap) || 0;
  const context = document.createElement('canvas').getContext('2d');
  if (context === null) return false;
  context.font = getComputedStyle(text).font;
  // A little over the measured width: lines break at words, not at the last pixel.
  const width = context.measureText(text.textContent ?? '').width * 1.08;
  const beside = inner - time.getBoundingClientRect().width - button.getBoundingClientRect().width - close.getBoundingClientRect().width - 3 * gap;
  const rowsBeside = beside > 0 ? Math.ceil(width / beside) : Infinity;
  const rowsUnder = 1 + Math.ceil(width / Math.max(1, inner));
  return rowsUnder < rowsBeside;
}

/** The current narration note, as a caption over the canvas; says so when the scenario paused. */
export function NarrationCaption() {
  const controller = useLiveController();
  const model = useLiveModel();
  const store = useDocumentStore();
  const doc = useSyncExternalStore((l) => store.subscribe(l), () => store.getDocument());
  const caption = model?.caption ?? null;
  const frame = model?.frame ?? null;
  // The scenario asked for a pause at this caption's time, and playback stopped there.
  const pausedHere = pausedAtCaption(caption, frame, doc.scenario);
  // The engine's "Paused at …" notice says what the caption already says.
  // A refused command names nodes by id; the live view names them as the canvas does.
  const problem = model?.problem ? problemText(model.problem, nodeNamer(doc.nodes, doc.links)) : null;
  const notice = problem || (pausedHere ? null : model?.notice) || null;
  // Engine notices (not problems) fade after a while; a problem stays until dismissed.
  const transientNotice = model?.problem ? null : notice;
  useEffect(() => {
    if (transientNotice === null || model === null) return;
    const timer = setTimeout(() => model.dismissNotice(), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [transientNotice, model]);
  // A long narration at a pause goes under the buttons (see narrationUnderButtons).
  const captionRef = useRef<HTMLDivElement>(null);
  const [under, setUnder] = useState(false);
  const captionText = caption?.text ?? null;
  useLayoutEffect(() => {
    const element = captionRef.current;
    if (element === null || !pausedHere) {
      setUnder(false);
      return;
    }
    const measure = () => setUnder(narrationUnderButtons(element));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [captionText, pausedHere]);
  if (caption === null && notice === null) return null;
  return (
    <div className="live-captions">
      {caption !== null && (
        // Paused with a long narration, the time and the buttons head the caption and the text
        // takes its whole width below them (beside the button it wrapped into a narrow column).
        // Not a live region itself: it comes and goes with its text, which a screen reader does not
        // reliably read out; RunAnnouncer, always in the page, says it.
        <div ref={captionRef} className={pausedHere && under ? 'live-caption stacked' : 'live-caption'} data-testid="live-caption">
          <span className="live-caption-time">{formatSimTime(caption.timeMs)}</span>
          <p>{caption.text}</p>
          {pausedHere && (
            <button
              type="button"
              className="live-caption-continue"
              onClick={() => {
                controller?.play();
                // The button goes as playing resumes: the keyboard goes to the canvas (where Space
                // pauses again), not to the page body.
                focusCanvasSoon();
              }}
            >
              Paused here — continue
            </button>
          )}
          <button
            type="button"
            className="icon-button live-tool"
            aria-label="Hide caption"
            onClick={() => {
              model?.dismissCaption();
              focusCanvasSoon();
            }}
          >
            <X size={16} />
          </button>
        </div>
      )}
      {notice !== null && (
        // A problem is announced at once; an engine notice ("re-simulated…") is routine and waits its turn.
        <div className={model?.problem ? 'live-notice problem' : 'live-notice'} role={model?.problem ? 'alert' : 'status'}>
          <p>{notice}</p>
          <button
            type="button"
            className="icon-button live-tool"
            aria-label="Dismiss"
            onClick={() => {
              model?.dismissNotice();
              focusCanvasSoon();
            }}
          >
            <X size={16} />
          </button>
        </div>
      )}
    </div>
  );
}
