import { X } from 'lucide-react';
import { useLiveController, useLiveModel } from './LiveContext';
import { formatSimTime } from './speedPresets';

/** The current narration note, as a caption over the canvas; says so when the scenario paused. */
export function NarrationCaption() {
  const controller = useLiveController();
  const model = useLiveModel();
  const caption = model?.caption ?? null;
  const frame = model?.frame ?? null;
  const notice = model?.notice || model?.problem || null;
  if (caption === null && notice === null) return null;
  const pausedHere = caption !== null && frame !== null && !frame.playing && !frame.ended && Math.abs(frame.timeMs - caption.timeMs) < 1;
  return (
    <div className="live-captions">
      {caption !== null && (
        <div className="live-caption" role="status" data-testid="live-caption">
          <span className="live-caption-time">{formatSimTime(caption.timeMs)}</span>
          <p>{caption.text}</p>
          {pausedHere && (
            <button type="button" className="live-caption-continue" onClick={() => controller?.play()}>
              Paused here — continue
            </button>
          )}
          <button type="button" className="live-tool" aria-label="Hide caption" onClick={() => model?.dismissCaption()}>
            <X size={16} />
          </button>
        </div>
      )}
      {notice !== null && (
        <div className={model?.problem ? 'live-notice problem' : 'live-notice'} role="alert">
          <p>{notice}</p>
          <button type="button" className="live-tool" aria-label="Dismiss" onClick={() => model?.dismissNotice()}>
            <X size={16} />
          </button>
        </div>
      )}
    </div>
  );
}
