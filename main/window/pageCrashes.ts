/** At most this many reloads of a crashed page within CRASH_WINDOW_MS… */
export const MAX_RELOADS = 3;
/** …after which the page is left down (and the user told) instead of reloaded. */
export const CRASH_WINDOW_MS = 60_000;

/**
 * Whether a window's crashed page should be reloaded: yes, unless it has crashed MAX_RELOADS
 * times within the last CRASH_WINDOW_MS (a page that dies on load would otherwise reload for ever).
 */
export class PageCrashes {
  private readonly times: number[] = [];

  shouldReload(nowMs: number): boolean {
    while (this.times.length > 0 && this.times[0] <= nowMs - CRASH_WINDOW_MS) this.times.shift();
    this.times.push(nowMs);
    return this.times.length <= MAX_RELOADS;
  }
}
