import { describe, expect, it } from 'vitest';
import { CARD_TEXT, layoutCardName, NAME_MIN_SCALE, ONE_LINE_MIN_SCALE } from '../../../renderer/canvas/cardText';

/**
 * Widths of Inter Bold at 1 px (em fractions, rounded up a little), so a name measures about as
 * it does on the canvas: "Primary (async)" at the usual 16 px is some 120 units, "Load balancer"
 * at classroom's 21 px some 135.
 */
const EM: Record<string, number> = { ' ': 0.26, '(': 0.36, ')': 0.36, '-': 0.4, '…': 0.9, i: 0.27, l: 0.27, j: 0.27, r: 0.42, t: 0.38, f: 0.38, m: 0.9, w: 0.85, M: 0.9, W: 1 };
const inter = (size: number) => (text: string) => [...text].reduce((sum, ch) => sum + size * (EM[ch] ?? (ch === ch.toUpperCase() && /[A-Z]/.test(ch) ? 0.7 : 0.6)), 0);

const usual = { width: CARD_TEXT.normal.right - CARD_TEXT.normal.left, measure: inter(CARD_TEXT.normal.nameSize) };
const classroom = { width: CARD_TEXT.classroom.right - CARD_TEXT.classroom.left, measure: inter(CARD_TEXT.classroom.nameSize) };

/** The widest line as drawn (at the layout's scale). */
const drawnWidth = (lines: string[], scale: number, measure: (text: string) => number) => Math.max(...lines.map(measure)) * scale;

describe('a node card writes its name', () => {
  it('on one line at full size when it fits ("app1", "Database")', () => {
    for (const card of [usual, classroom]) expect(layoutCardName('app1', card.width, card.measure)).toEqual({ lines: ['app1'], scale: 1 });
    expect(layoutCardName('Database', usual.width, usual.measure)).toEqual({ lines: ['Database'], scale: 1 });
  });

  it('in full on two lines where it used to end in "…" ("Primary (as…", "Load balan…")', () => {
    const names = ['Primary (async)', 'Replica (sync)', 'Primary (sync)', 'Replica (async)', 'Load balancer', 'Users (async)', 'App (async)', 'Shard router EU'];
    for (const card of [usual, classroom]) {
      for (const name of names) {
        const layout = layoutCardName(name, card.width, card.measure);
        // Every character of the name is on the card, none cut.
        expect(layout.lines.join(' '), name).toBe(name);
        expect(layout.lines.join(''), name).not.toContain('…');
        expect(layout.scale, name).toBeGreaterThanOrEqual(NAME_MIN_SCALE);
        expect(drawnWidth(layout.lines, layout.scale, card.measure), name).toBeLessThanOrEqual(card.width + 1e-9);
      }
    }
    expect(layoutCardName('Primary (async)', usual.width, usual.measure).lines).toEqual(['Primary', '(async)']);
    expect(layoutCardName('Load balancer', classroom.width, classroom.measure).lines).toEqual(['Load', 'balancer']);
  });

  it('shrinks a name only a little too long a little, on one line (the kind stays under it)', () => {
    const measure = (text: string) => text.length * 10;
    const layout = layoutCardName('Users (EU)!', 100, measure);
    expect(layout.lines).toEqual(['Users (EU)!']);
    expect(layout.scale).toBeCloseTo(100 / 110);
    expect(layout.scale).toBeGreaterThanOrEqual(ONE_LINE_MIN_SCALE);
  });

  it('breaks where the two lines come out most even, also after a hyphen', () => {
    const measure = (text: string) => text.length * 10;
    expect(layoutCardName('eu west primary db', 100, measure).lines).toEqual(['eu west', 'primary db']);
    expect(layoutCardName('checkout-service', 100, measure)).toEqual({ lines: ['checkout-', 'service'], scale: 1 });
  });

  it('does not leave a stray character on a line of its own while one line can shrink', () => {
    const measure = (text: string) => text.length * 10;
    const layout = layoutCardName('Replica 1', 70, measure);
    expect(layout.lines).toEqual(['Replica 1']);
    expect(layout.scale).toBeCloseTo(70 / 90);
  });

  it('ends a very long name in "…" inside the card, on its second line', () => {
    const measure = (text: string) => text.length * 10;
    const width = 72; // 10 characters at the smallest scale
    const name = 'Primary database of the European west region (async)';
    const layout = layoutCardName(name, width, measure);
    expect(layout.lines).toHaveLength(2);
    expect(layout.scale).toBe(NAME_MIN_SCALE);
    expect(layout.lines[0]).toBe('Primary');
    expect(layout.lines[1].endsWith('…')).toBe(true);
    expect(name.startsWith(`${layout.lines[0]} ${layout.lines[1].slice(0, -1)}`)).toBe(true);
    expect(drawnWidth(layout.lines, layout.scale, measure)).toBeLessThanOrEqual(width + 1e-9);
    // One long word is cut by characters.
    const word = layoutCardName('x'.repeat(40), width, measure);
    expect(word.lines).toEqual(['x'.repeat(10), `${'x'.repeat(9)}…`]);
  });
});
