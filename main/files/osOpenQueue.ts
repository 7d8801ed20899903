/**
 * What the OS asks of the running app — open these `.faultline` files (launch arguments, a second
 * launch, macOS open-file), or, with no files, just come to the front — can arrive during
 * start-up, before `ready` or before the first window exists. Acting on it then would create a
 * window too early (Electron refuses before ready) or one more than start-up opens, and a file
 * could go to a window that is about to be replaced. So requests wait here until start-up has its
 * window and calls `start`; from then on each is handled at once.
 */
export class OsOpenQueue {
  private waiting: string[] = [];
  private handle: ((paths: string[]) => void) | null = null;

  /** `paths` empty: only bring the app to the front. */
  request(paths: readonly string[]): void {
    if (this.handle) return this.handle([...paths]);
    // A bare "come to the front" before start adds nothing: start-up opens and shows a window.
    // The same file asked for twice while waiting is opened once.
    for (const path of paths) if (!this.waiting.includes(path)) this.waiting.push(path);
  }

  /** Call once, after start-up has opened its window; hands over what waited, in arrival order. */
  start(handle: (paths: string[]) => void): void {
    this.handle = handle;
    const waiting = this.waiting;
    this.waiting = [];
    if (waiting.length > 0) handle(waiting);
  }
}
