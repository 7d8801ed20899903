import type { ScenarioEvent } from '../../shared/model/types';
import type { NodeNamer } from './nodeNames';

/**
 * What a marker's event does, in the user's names: "crash App B", "slow App B ×5", "set Users
 * rps 800", "degrade Users → DNS latencyMs 200, lossRate 0.1", "partition EU West | US East",
 * "note".
 */
function markerAction(event: ScenarioEvent, name: NodeNamer): string {
  // A target is a node (its name) or a link (its ends, when the namer knows the links).
  const target = event.target ? ` ${name(event.target)}` : '';
  const factor = event.action === 'slow' && event.factor !== undefined ? ` ×${event.factor}` : '';
  const groups = event.action === 'partition' && event.groups ? ` ${event.groups.map((group) => group.map(name).join(', ')).join(' | ')}` : '';
  const params = event.params && Object.keys(event.params).length > 0 ? ` ${formatParams(event.params)}` : '';
  return `${event.action}${target}${factor}${groups}${params}`;
}

/** A patch in one line: "rps 800, serviceMs exp 5" (nested objects as name.field). */
function formatParams(params: Record<string, unknown>, prefix = ''): string {
  return Object.entries(params)
    .map(([key, value]) => {
      if (typeof value !== 'object' || value === null) return `${prefix}${key} ${String(value)}`;
      const spec = value as { dist?: unknown; mean?: unknown };
      if (typeof spec.dist === 'string' && typeof spec.mean === 'number') return `${prefix}${key} ${spec.dist} ${spec.mean}`;
      return formatParams(value as Record<string, unknown>, `${prefix}${key}.`);
    })
    .join(', ');
}

/**
 * An event's time as its marker shows it: one decimal, more when the event has them (times are
 * kept to the millisecond, e.g. after dragging a marker), so "12.25 s" does not read as 12.3.
 */
export function formatEventTime(atS: number): string {
  return atS.toFixed(3).replace(/(\.\d\d*?)0+$/, '$1');
}

/**
 * An event at or after the run's end never happens (lowering Duration leaves events there): its
 * marker, drawn at the bar's end with the others there, says so.
 */
export function markerNeverHappens(event: ScenarioEvent, durationS: number): boolean {
  return event.atS >= durationS;
}

const NEVER_HAPPENS = " (at or after the run's end: it never happens)";

/** A timeline marker's tooltip: "30.0 s — crash App B: the second server dies". */
export function markerTitle(event: ScenarioEvent, name: NodeNamer, durationS = Infinity): string {
  return `${formatEventTime(event.atS)} s — ${markerAction(event, name)}${event.note ? `: ${event.note}` : ''}${markerNeverHappens(event, durationS) ? NEVER_HAPPENS : ''}`;
}

/** A timeline marker's accessible name: "Scenario event at 30.0 s: crash App B". */
export function markerAriaLabel(event: ScenarioEvent, name: NodeNamer, durationS = Infinity): string {
  return `Scenario event at ${formatEventTime(event.atS)} s: ${markerAction(event, name)}${markerNeverHappens(event, durationS) ? NEVER_HAPPENS : ''}`;
}

/** A marker's face (8 px in live.css) and the gap that keeps neighbouring faces apart. */
export const MARKER_PITCH_PX = 11;

/**
 * How far a marker's centre stays from the bar's ends: half its face (4 px), its ring (2 px) and
 * a pause marker's outer ring (2 px), so that a marker at 0 s (or just before the end) is whole
 * inside the bar, clear of the playhead parked at 0, rather than half cut off under it.
 */
export const MARKER_EDGE_PX = 8;

/**
 * How far (px) each marker is drawn from its time so that none covers another and all are whole
 * inside the bar: events at the same moment (a crash with its narration, two faults at once) or
 * closer than a marker's width on this bar fan out side by side around where they fall, in time
 * and then scenario order; a fan that would pass an end of the bar is slid back inside it (and
 * joins its neighbour when that brings them together). Without this the later one hid the
 * earlier entirely: it could be neither seen nor clicked.
 */
export function markerOffsets(times: readonly number[], durationS: number, barWidthPx: number): number[] {
  const width = barWidthPx > 0 ? barWidthPx : 1000;
  const at = times.map((t) => (Math.min(Math.max(0, t), durationS) / Math.max(1e-9, durationS)) * width);
  const order = at.map((_, index) => index).sort((a, b) => at[a] - at[b] || a - b);
  // Runs of markers side by side: where the first one's centre is drawn, and who is in it.
  const runs: { left: number; members: number[] }[] = [];
  const place = (members: number[]): number => {
    const span = (members.length - 1) * MARKER_PITCH_PX;
    const centre = (at[members[0]] + at[members[members.length - 1]]) / 2;
    const highest = Math.max(MARKER_EDGE_PX, width - MARKER_EDGE_PX - span);
    return Math.min(highest, Math.max(MARKER_EDGE_PX, centre - span / 2));
  };
  for (const index of order) {
    let run = { left: 0, members: [index] };
    run.left = place(run.members);
    // Joins the run before it while they would overlap (or the slide inside the bar crossed it).
    while (runs.length > 0) {
      const previous = runs[runs.length - 1];
      if (previous.left + previous.members.length * MARKER_PITCH_PX <= run.left + 1e-9) break;
      runs.pop();
      const members = [...previous.members, ...run.members];
      run = { left: place(members), members };
    }
    runs.push(run);
  }
  const offsets = new Array<number>(times.length).fill(0);
  for (const run of runs) run.members.forEach((index, slot) => (offsets[index] = run.left + slot * MARKER_PITCH_PX - at[index]));
  return offsets;
}
