import type { ScenarioEvent } from '../../shared/model/types';
import type { Frame } from '../../shared/sim/session/protocol';
import type { Caption } from './liveModel';

/**
 * Whether playback stands at `caption` because the scenario asked for a pause at its moment:
 * stopped (not ended) at the caption's time, with a pausing event there. The caption then offers
 * to continue, and the run's announcer says so.
 */
export function pausedAtCaption(caption: Caption | null, frame: Frame | null, scenario: readonly ScenarioEvent[]): boolean {
  return (
    caption !== null &&
    frame !== null &&
    !frame.playing &&
    !frame.ended &&
    Math.abs(frame.timeMs - caption.timeMs) < 1 &&
    scenario.some((event) => event.pause === true && Math.abs(event.atS * 1000 - caption.timeMs) < 1)
  );
}
