import { describe, expect, it } from 'vitest';
import { Editor } from '../../../renderer/editor/editor';
import { intersects, nodeRect, type Rect } from '../../../renderer/editor/geometry';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import type { FaultlineDocument } from '../../../shared/model/types';
import { identityCamera, link, makeDocument, node } from './helpers';

const VIEW: Rect = { x: -40, y: -40, w: 1400, h: 700 };

function setup(doc: FaultlineDocument) {
  const store = new DocumentStore(doc);
  const editor = new Editor(store);
  editor.attachCamera(identityCamera(VIEW));
  return { store, editor };
}

/** Cards that overlap another card (a copy over its original hid the original's name). */
function overlapping(doc: FaultlineDocument): string[][] {
  const nodes = Object.values(doc.nodes);
  return nodes.flatMap((a, i) => nodes.slice(i + 1).filter((b) => intersects(nodeRect(a), nodeRect(b))).map((b) => [a.id, b.id]));
}

function boundsOfIds(doc: FaultlineDocument, ids: readonly string[]): Rect {
  const rects = ids.map((id) => nodeRect(doc.nodes[id]));
  const x = Math.min(...rects.map((rect) => rect.x));
  const y = Math.min(...rects.map((rect) => rect.y));
  return { x, y, w: Math.max(...rects.map((rect) => rect.x + rect.w)) - x, h: Math.max(...rects.map((rect) => rect.y + rect.h)) - y };
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

describe('Paste', () => {
  it('puts a copy beside its original, clear of every card, and each paste again at the next free place', () => {
    const { store, editor } = setup(makeDocument({ nodes: [node('lb', 'lb', 0, 200), node('app', 'app', 240, 200), node('db', 'db', 480, 200)], links: [link('lb', 'app'), link('app', 'db')] }));
    store.setSelection({ nodes: ['app'], links: [], regions: [] });
    editor.copy();
    for (let paste = 1; paste <= 3; paste++) {
      editor.paste();
      expect(Object.keys(store.getDocument().nodes)).toHaveLength(3 + paste);
      expect(overlapping(store.getDocument())).toEqual([]);
      for (const id of store.getSelection().nodes) {
        const copy = store.getDocument().nodes[id];
        // Beside: in line with the original, or right above / below it.
        expect(copy.x === 240 || copy.y === 200).toBe(true);
      }
    }
  });

  it('with no free room in view, pastes and duplicates clear of every card out of view, and the view zooms out to show them', () => {
    // A view full of cards: 4 columns × 6 rows, 200 × 100 apart (a card is 164 × 60).
    const view: Rect = { x: 0, y: 0, w: 800, h: 600 };
    const nodes = Array.from({ length: 24 }, (_, i) => node(`n${i}`, 'app', 200 * (i % 4), 100 * Math.floor(i / 4)));
    const store = new DocumentStore(makeDocument({ nodes }));
    const fits: Rect[] = [];
    const editor = new Editor(store);
    editor.attachCamera(identityCamera(view, { fit: (rect: Rect) => void fits.push(rect) }));
    store.setSelection({ nodes: ['n8', 'n9', 'n10'], links: [], regions: [] });
    editor.copy();
    editor.paste();
    expect(overlapping(store.getDocument())).toEqual([]);
    const pasted = boundsOfIds(store.getDocument(), store.getSelection().nodes);
    expect(fits.at(-1)).toBeDefined();
    expect(contains(fits.at(-1)!, pasted)).toBe(true);
    editor.duplicate();
    expect(overlapping(store.getDocument())).toEqual([]);
    expect(contains(fits.at(-1)!, boundsOfIds(store.getDocument(), store.getSelection().nodes))).toBe(true);
  });

  it('after Cut, or where the copied place is free, the paste lands exactly where the cards were', () => {
    const { store, editor } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0), node('b', 'cache', 300, 0)], links: [link('a', 'b')] }));
    store.setSelection({ nodes: ['a', 'b'], links: [], regions: [] });
    editor.cut();
    expect(Object.keys(store.getDocument().nodes)).toEqual([]);
    editor.paste();
    const pasted = Object.values(store.getDocument().nodes);
    expect(pasted.map((n) => [n.kind, n.x, n.y])).toEqual([
      ['app', 0, 0],
      ['cache', 300, 0],
    ]);
    expect(Object.values(store.getDocument().links)).toHaveLength(1);
    // Pasted again, the place is taken: this copy goes beside.
    editor.paste();
    expect(overlapping(store.getDocument())).toEqual([]);
  });

  it('in a region with no free room left, the copy stays in the region, a step down-right, and steps on when pasted again', () => {
    // A region just big enough for its two cards side by side.
    const region = { id: 'dc', name: 'DC', x: -20, y: -20, w: 480, h: 140 };
    const { store, editor } = setup(makeDocument({ regions: [region], nodes: [{ ...node('a', 'app', 0, 0), region: 'dc' }, { ...node('b', 'app', 220, 0), region: 'dc' }] }));
    store.setSelection({ nodes: ['a'], links: [], regions: [] });
    editor.copy();
    editor.paste();
    const first = store.getDocument().nodes[store.getSelection().nodes[0]];
    expect([first.x, first.y, first.region]).toEqual([40, 40, 'dc']);
    editor.paste();
    const second = store.getDocument().nodes[store.getSelection().nodes[0]];
    expect([second.x, second.y, second.region]).toEqual([80, 80, 'dc']);
  });
});
