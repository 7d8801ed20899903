import { describe, expect, it } from 'vitest';
import { fitLabel } from '../../../renderer/canvas/fitLabel';

/** 10 units a character, like a monospace font. */
const mono = (text: string) => text.length * 10;

describe('a region label on the canvas', () => {
  it('is shown whole when it fits', () => {
    expect(fitLabel('EU WEST', 300, mono)).toBe('EU WEST');
    expect(fitLabel('ABCDEFGHIJ', 100, mono)).toBe('ABCDEFGHIJ');
  });

  it('a long one ends in an ellipsis inside the width (it used to run past the box over the next label)', () => {
    const name = 'EUROPE WEST DATACENTER NUMBER ONE';
    const shown = fitLabel(name, 200, mono);
    expect(shown.endsWith('…')).toBe(true);
    expect(mono(shown)).toBeLessThanOrEqual(200);
    // As much of the name as fits: one more character would not.
    expect(shown).toBe('EUROPE WEST DATACEN…');
    expect(mono(`${name.slice(0, shown.length)}…`)).toBeGreaterThan(200);
  });

  it('drops a space before the ellipsis, and is a lone ellipsis in a width for nothing more', () => {
    expect(fitLabel('EUROPE WEST', 80, mono)).toBe('EUROPE…');
    expect(fitLabel('EUROPE WEST', 5, mono)).toBe('…');
  });
});
