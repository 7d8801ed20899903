import { randomBytes } from 'node:crypto';

/** Who a token was issued to: a window's webContents id. */
export type TokenOwner = number;

/**
 * Opaque handles for paths. The page never names a file: main's dialogs (or the OS) choose a
 * path, main issues a token for it to one window, and the page can only hand that token back.
 * A token another window holds, one that was revoked, or one that was never issued resolves to
 * nothing — a compromised page cannot write anywhere the user did not choose.
 */
export class PathTokens<T> {
  private readonly entries = new Map<string, { owner: TokenOwner; value: T }>();

  constructor(private readonly mint: () => string = () => randomBytes(24).toString('base64url')) {}

  issue(owner: TokenOwner, value: T): string {
    let token = this.mint();
    while (this.entries.has(token)) token = this.mint();
    this.entries.set(token, { owner, value });
    return token;
  }

  resolve(owner: TokenOwner, token: string): T | undefined {
    const entry = this.entries.get(token);
    return entry && entry.owner === owner ? entry.value : undefined;
  }

  update(owner: TokenOwner, token: string, value: T): boolean {
    const entry = this.entries.get(token);
    if (!entry || entry.owner !== owner) return false;
    entry.value = value;
    return true;
  }

  revoke(token: string): void {
    this.entries.delete(token);
  }

  /** A window closed: everything it held goes stale. */
  revokeOwner(owner: TokenOwner): void {
    for (const [token, entry] of this.entries) if (entry.owner === owner) this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }
}
