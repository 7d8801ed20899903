import type { OpenResult } from '../../shared/ipc/files';
import type { TokenOwner } from './pathTokens';

/**
 * Files the OS hands main (launch arguments, a second instance, macOS open-file) may arrive
 * before the page can take them. They wait here until the page first asks (`take`), and are sent
 * as `file:opened` events after that.
 */
export class PendingOpens {
  private readonly waiting = new Map<TokenOwner, OpenResult[]>();
  private readonly ready = new Set<TokenOwner>();

  deliver(owner: TokenOwner, result: OpenResult, send: (result: OpenResult) => void): void {
    if (this.ready.has(owner)) return send(result);
    const queue = this.waiting.get(owner) ?? [];
    // A burst of launches must not grow without bound; the newest ones matter.
    this.waiting.set(owner, [...queue, result].slice(-8));
  }

  take(owner: TokenOwner): OpenResult[] {
    this.ready.add(owner);
    const queue = this.waiting.get(owner) ?? [];
    this.waiting.delete(owner);
    return queue;
  }

  forget(owner: TokenOwner): void {
    this.ready.delete(owner);
    this.waiting.delete(owner);
  }
}
