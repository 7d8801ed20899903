import type { ScenarioEvent } from '../../shared/model/types';
import type { NodeNamer } from './nodeNames';

/** What a marker's event does, in the user's names: "crash App B", "cut lb-app2", "note". */
function markerAction(event: ScenarioEvent, name: NodeNamer): string {
  // A target is a node (its name) or a link (its ends, when the namer knows the links).
  return `${event.action}${event.target ? ` ${name(event.target)}` : ''}`;
}

/** A timeline marker's tooltip: "30.0 s — crash App B: the second server dies". */
export function markerTitle(event: ScenarioEvent, name: NodeNamer): string {
  return `${event.atS.toFixed(1)} s — ${markerAction(event, name)}${event.note ? `: ${event.note}` : ''}`;
}

/** A timeline marker's accessible name: "Scenario event at 30.0 s: crash App B". */
export function markerAriaLabel(event: ScenarioEvent, name: NodeNamer): string {
  return `Scenario event at ${event.atS.toFixed(1)} s: ${markerAction(event, name)}`;
}

/** A marker's face (8 px in live.css) and the gap that keeps neighbouring faces apart. */
export const MARKER_PITCH_PX = 11;

/**
 * How far (px) each marker is drawn from its time so that none covers another: events at the
 * same moment (a crash with its narration, two faults at once) or closer than a marker's width
 * on this bar fan out side by side around where they fall, in time and then scenario order.
 * Without this the later one hid the earlier entirely: it could be neither seen nor clicked.
 */
export function markerOffsets(times: readonly number[], durationS: number, barWidthPx: number): number[] {
  const width = barWidthPx > 0 ? barWidthPx : 1000;
  const at = times.map((t) => (Math.min(Math.max(0, t), durationS) / Math.max(1e-9, durationS)) * width);
  const order = at.map((_, index) => index).sort((a, b) => at[a] - at[b] || a - b);
  const offsets = new Array<number>(times.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && at[order[end]] - at[order[end - 1]] < MARKER_PITCH_PX) end++;
    const count = end - start;
    if (count > 1) {
      const centre = (at[order[start]] + at[order[end - 1]]) / 2;
      for (let slot = 0; slot < count; slot++) {
        const index = order[start + slot];
        offsets[index] = centre + (slot - (count - 1) / 2) * MARKER_PITCH_PX - at[index];
      }
    }
    start = end;
  }
  return offsets;
}
