/**
 * An event's time as people read and type it: to the millisecond. A fault injected live is kept
 * at the frame's exact time (24.2490009765625 s), so that a replay fires it where it fired, but
 * every message and field shows 24.249.
 */
export function eventTimeToMillisecond(atS: number): number {
  return Number(atS.toFixed(3));
}
