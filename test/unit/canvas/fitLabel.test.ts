import { describe, expect, it } from 'vitest';
import { fitLabel, fitLabelTwoLines } from '../../../renderer/canvas/fitLabel';

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

describe('a far label on two lines', () => {
  it('breaks a name a line cannot hold at the space that shows all of it, the narrowest such break', () => {
    // Lesson 7's cards far out: one line read "Primary (as…" and "Users (…".
    expect(fitLabelTwoLines('Primary (async)', 80, mono)).toEqual(['Primary', '(async)']);
    expect(fitLabelTwoLines('Users (sync)', 80, mono)).toEqual(['Users', '(sync)']);
    // Lesson 9: "CP US users" and "CP US app" both read "CP US…" on one line.
    expect(fitLabelTwoLines('CP US users', 60, mono)).toEqual(['CP US', 'users']);
    expect(fitLabelTwoLines('CP US app', 60, mono)).toEqual(['CP US', 'app']);
  });

  it('cuts the second line with an ellipsis when even two lines are too short, still showing more than one line would', () => {
    const lines = fitLabelTwoLines('Europe west datacenter', 70, mono)!;
    expect(lines).toEqual(['Europe', 'west d…']);
    for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(70);
  });

  it('is null for a name that fits one line, has no space to break at, or whose first word does not fit', () => {
    expect(fitLabelTwoLines('App', 80, mono)).toBeNull();
    expect(fitLabelTwoLines('Replication-primary', 80, mono)).toBeNull();
    expect(fitLabelTwoLines('Extraordinarily long', 80, mono)).toBeNull();
  });
});
