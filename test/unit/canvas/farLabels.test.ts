import { describe, expect, it } from 'vitest';
import { farLabelLimits, farLabelOrder, placeFarLabels, type FarLabelCandidate, type FittedLabel } from '../../../renderer/canvas/farLabels';
import { fitLabel, fitLabelTwoLines } from '../../../renderer/canvas/fitLabel';
import { NODE_CARD } from '../../../renderer/editor/geometry';

/** 6 px a character at the usual 11 px type, and 4 px of pill on each side. */
const CHARACTER = 6;
const PADDING = 4;
const HEIGHT = 17;
const GAP = 3;
const FONT_SIZE = 11;
/** Lesson 8 at 800×600 (its row's cards 240 world units apart, its shards 90). */
const LESSON_8_ZOOM = 0.235;

function card(id: string, x: number, y: number, name = id): FarLabelCandidate {
  return {
    id,
    x: x + NODE_CARD.width / 2,
    y: y + NODE_CARD.height / 2,
    fit(maxWidth: number): FittedLabel | null {
      const text = fitLabel(name, maxWidth - 2 * PADDING, (shown) => shown.length * CHARACTER);
      return text === '…' ? null : { text, width: text.length * CHARACTER + 2 * PADDING };
    },
  };
}

/** A card whose label may take two lines, as the canvas's far labels do, with the one-line fallback. */
function twoLineCard(id: string, x: number, y: number, name: string): FarLabelCandidate {
  const measure = (shown: string) => shown.length * CHARACTER;
  const oneLine = card(id, x, y, name);
  return {
    ...oneLine,
    fit(maxWidth: number): FittedLabel | null {
      if (measure(name) + 2 * PADDING <= maxWidth) return { text: name, width: measure(name) + 2 * PADDING };
      const lines = fitLabelTwoLines(name, maxWidth - 2 * PADDING, measure);
      return lines === null ? oneLine.fit(maxWidth) : { text: lines.join('\n'), width: Math.max(...lines.map(measure)) + 2 * PADDING, lines: 2 };
    },
    fitOneLine: (maxWidth: number) => oneLine.fit(maxWidth),
  };
}

function place(cards: FarLabelCandidate[], zoom: number) {
  const limits = farLabelLimits(NODE_CARD.width * zoom, FONT_SIZE);
  return { placed: placeFarLabels(cards, zoom, limits, HEIGHT, GAP), limits };
}

/** Screen boxes of the placed labels that overlap (with the gap), as pairs of ids. */
function overlaps(cards: FarLabelCandidate[], placed: Map<string, FittedLabel>, zoom: number): string[] {
  const shown = cards.filter((c) => placed.has(c.id));
  const found: string[] = [];
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i];
      const b = shown[j];
      const halfWidths = (placed.get(a.id)!.width + placed.get(b.id)!.width) / 2 + GAP;
      if (Math.abs(a.x - b.x) * zoom < halfWidths && Math.abs(a.y - b.y) * zoom < HEIGHT + GAP) found.push(`${a.id}/${b.id}`);
    }
  }
  return found;
}

describe('far labels: the width a label is cut to', () => {
  it('starts a quarter wider than the card on screen and may widen to twice it, in 4 px steps', () => {
    // Lesson 8 at 800×600: a card is 38.5 px wide.
    expect(farLabelLimits(164 * LESSON_8_ZOOM, FONT_SIZE)).toEqual({ narrow: 48, wide: 76 });
  });

  it('is never narrower than four ems (a word or so), however far out', () => {
    expect(farLabelLimits(164 * 0.03, FONT_SIZE)).toEqual({ narrow: 44, wide: 44 });
    expect(farLabelLimits(164 * 0.03, 13).narrow).toBe(52);
  });

  it('is never wider than 13.5 ems: a long name is cut, not drawn across the diagram', () => {
    expect(farLabelLimits(1000, FONT_SIZE)).toEqual({ narrow: 148, wide: 148 });
  });
});

describe('far labels: which are shown', () => {
  it('a lone card with room shows a short name whole, and a long one cut with an ellipsis inside the wide limit', () => {
    const { placed, limits } = place([card('a', 0, 0, 'Shard 1'), card('b', 2000, 0, 'A very long node name indeed')], LESSON_8_ZOOM);
    expect(placed.get('a')?.text).toBe('Shard 1');
    const long = placed.get('b')!;
    expect(long.text.endsWith('…')).toBe(true);
    expect(long.width).toBeLessThanOrEqual(limits.wide);
    expect(long.width).toBeGreaterThan(limits.narrow);
  });

  it("a row of lesson 8's cards each keeps a label, none overlapping, sharing the room between them", () => {
    const names = ['Users (hash)', 'App (hash)', 'Hash mod n'];
    const row = names.map((name, i) => card(`c${i}`, i * 240, 70, name));
    const { placed, limits } = place(row, LESSON_8_ZOOM);
    expect([...placed.keys()].sort()).toEqual(['c0', 'c1', 'c2']);
    expect(overlaps(row, placed, LESSON_8_ZOOM)).toEqual([]);
    // Each keeps a word of its name, within the narrow limit at least.
    for (const label of placed.values()) expect(label.text.replace('…', '').length).toBeGreaterThanOrEqual(4);
    for (const label of placed.values()) expect(label.width).toBeLessThanOrEqual(limits.wide);
    // The first card of the row does not take all the room between it and its neighbour.
    expect(placed.get('c0')!.width - placed.get('c1')!.width).toBeLessThanOrEqual(CHARACTER);
  });

  it("a column of lesson 8's shards (90 world units apart) shows every label", () => {
    const column = [0, 1, 2].map((i) => card(`s${i}`, 740, -20 + i * 90, `Shard ${i + 1} (hash)`));
    const { placed } = place(column, LESSON_8_ZOOM);
    expect(placed.size).toBe(3);
    expect(overlaps(column, placed, LESSON_8_ZOOM)).toEqual([]);
  });

  it('hides a label that would overlap one placed before it, in the order given', () => {
    const crowded = [0, 1, 2, 3, 4].map((i) => card(`n${i}`, i * 60, 0, `Node ${i}`));
    const { placed } = place(crowded, LESSON_8_ZOOM);
    expect(placed.has('n0')).toBe(true);
    expect(placed.size).toBeLessThan(crowded.length);
    expect(placed.size).toBeGreaterThan(1);
    expect(overlaps(crowded, placed, LESSON_8_ZOOM)).toEqual([]);
    // The same cards in the opposite order: the last card now wins its place.
    const reversed = place([...crowded].reverse(), LESSON_8_ZOOM).placed;
    expect(reversed.has('n4')).toBe(true);
  });

  it("lesson 7's row far out names each card on two lines where one line cut them to the same start", () => {
    // Zoom 0.337 (lesson 7 at 1280×800 under a four-line caption): cards 220 world units apart.
    const row = ['Users (async)', 'App (async)', 'Primary (async)', 'Replica (async)'].map((name, i) => twoLineCard(`n${i}`, i * 220, 0, name));
    const { placed } = place(row, 0.337);
    // One line each shows "Users (…", "App (as…", "Primary (…", "Replica (…": now every name whole.
    expect(row.map((c) => c.fit(farLabelLimits(NODE_CARD.width * 0.337, FONT_SIZE).narrow)!.lines)).toEqual([2, 2, 2, 2]);
    expect(row.map((c) => placed.get(c.id)?.text.replace('\n', ' '))).toEqual(['Users (async)', 'App (async)', 'Primary (async)', 'Replica (async)']);
    expect([...placed.values()].filter((label) => label.lines === 2).length).toBeGreaterThanOrEqual(3);
    expect(overlaps(row, placed, 0.337)).toEqual([]);
  });

  it('a two-line label that would touch the card above or below falls back to one line: every label still shows', () => {
    // Lesson 8's shards 90 world units apart: 21 px at this zoom, room for one line (17 px) and the gap, not two.
    const column = [0, 1, 2].map((i) => twoLineCard(`s${i}`, 740, -20 + i * 90, `Shard ${i + 1} (hash)`));
    const { placed } = place(column, LESSON_8_ZOOM);
    expect(placed.size).toBe(3);
    for (const label of placed.values()) expect(label.lines ?? 1).toBe(1);
    // Alone, the same card takes two lines.
    expect(place([column[0]], LESSON_8_ZOOM).placed.get('s0')!.lines).toBe(2);
  });

  it('two cards on the same spot show one label: the first in order', () => {
    const { placed } = place([card('first', 0, 0), card('second', 0, 0)], LESSON_8_ZOOM);
    expect([...placed.keys()]).toEqual(['first']);
  });

  it('a card whose name cannot show even one character with the ellipsis keeps no label', () => {
    const { placed } = place([card('wide', 0, 0, 'W'.repeat(40))], 0.05);
    // 44 px less the padding is 36 px: six characters and "…" do not fit, five do.
    expect(placed.get('wide')?.text).toBe('WWWWW…');
    const none = placeFarLabels([{ id: 'x', x: 0, y: 0, fit: () => null }], 0.2, { narrow: 48, wide: 48 }, HEIGHT, GAP);
    expect(none.size).toBe(0);
  });
});

describe('far labels: the order they claim their place in', () => {
  it('the selection first, then the node under the pointer, then document order', () => {
    expect(farLabelOrder(['a', 'b', 'c', 'd'], ['c'], 'd')).toEqual(['c', 'd', 'a', 'b']);
    expect(farLabelOrder(['a', 'b', 'c'], [], undefined)).toEqual(['a', 'b', 'c']);
    expect(farLabelOrder(['a', 'b', 'c'], ['b'], 'b')).toEqual(['b', 'a', 'c']);
  });

  it('a selected card keeps its label where its neighbour in document order would have hidden it', () => {
    const cards = [card('a', 0, 0), card('b', 40, 0)];
    expect([...place(cards, LESSON_8_ZOOM).placed.keys()]).toEqual(['a']);
    const byId = new Map(cards.map((c) => [c.id, c]));
    const order = farLabelOrder(['a', 'b'], ['b'], undefined).map((id) => byId.get(id)!);
    expect([...place(order, LESSON_8_ZOOM).placed.keys()]).toEqual(['b']);
  });
});
