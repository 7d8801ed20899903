/** What the timeline's keys last asked for, and the newest frame when they asked. */
export interface KeySeek {
  timeMs: number;
  frame: object | null;
}

/** The fields of a live frame that say where the run is. */
export interface FrameTime {
  timeMs: number;
  playing: boolean;
}

/**
 * The time a timeline key steps from. The run answers a seek with a frame some milliseconds
 * later, and quick presses come faster than that: the next press must step from the time the
 * last one asked for, not from the frame on screen (five quick presses of → moved one second). A
 * paused run's frames are answers to seeks, so one that is not at the time asked last answers an
 * older press and is passed over too (→ three times, then the answer to the first arrived, and
 * the fourth press stepped back). A playing run moves on by itself: its newest frame wins.
 */
export function keyStepOrigin(asked: KeySeek | null, frame: (FrameTime & object) | null, shownMs: number): number {
  if (frame === null) return asked?.timeMs ?? shownMs;
  if (asked === null) return frame.timeMs;
  if (asked.frame === frame) return asked.timeMs;
  if (!frame.playing && frame.timeMs !== asked.timeMs) return asked.timeMs;
  return frame.timeMs;
}
