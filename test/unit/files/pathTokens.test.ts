import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PathTokens } from '../../../main/files/pathTokens';

describe('PathTokens', () => {
  it('resolves a token only for the window it was issued to', () => {
    const tokens = new PathTokens<string>();
    const token = tokens.issue(1, '/a');
    expect(tokens.resolve(1, token)).toBe('/a');
    expect(tokens.resolve(2, token)).toBeUndefined();
  });

  it('never resolves a forged token (fast-check: any string but the issued ones)', () => {
    const tokens = new PathTokens<string>();
    const issued = new Set([tokens.issue(1, '/a'), tokens.issue(1, '/b'), tokens.issue(2, '/c')]);
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 4 }), (forged, owner) => {
        fc.pre(!issued.has(forged));
        expect(tokens.resolve(owner, forged)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('goes stale when revoked or when its window closes', () => {
    const tokens = new PathTokens<string>();
    const a = tokens.issue(1, '/a');
    const b = tokens.issue(1, '/b');
    const c = tokens.issue(2, '/c');
    tokens.revoke(a);
    expect(tokens.resolve(1, a)).toBeUndefined();
    tokens.revokeOwner(1);
    expect(tokens.resolve(1, b)).toBeUndefined();
    expect(tokens.resolve(2, c)).toBe('/c');
  });

  it('mints unguessable, distinct tokens (192 random bits, base64url)', () => {
    const tokens = new PathTokens<number>();
    const minted = Array.from({ length: 500 }, (_, index) => tokens.issue(1, index));
    expect(new Set(minted).size).toBe(500);
    for (const token of minted) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('re-mints on a collision instead of handing one path’s token to another', () => {
    const sequence = ['same', 'same', 'other'];
    const tokens = new PathTokens<string>(() => sequence.shift()!);
    expect(tokens.issue(1, '/a')).toBe('same');
    expect(tokens.issue(1, '/b')).toBe('other');
    expect(tokens.resolve(1, 'same')).toBe('/a');
  });
});
