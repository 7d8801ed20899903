import { describe, expect, it } from 'vitest';
import { Editor } from '../../../renderer/editor/editor';
import { freeNodeCorner, REGION_LABEL_BAND } from '../../../renderer/editor/commands/placement';
import { cornerForCentre, intersects, nodeCentre, nodeRect, type Point, type Rect } from '../../../renderer/editor/geometry';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import type { FaultlineDocument } from '../../../shared/model/types';
import { identityCamera, link, makeDocument, node } from './helpers';

const VIEW: Rect = { x: -200, y: -100, w: 1200, h: 600 };
const CENTRE: Point = { x: VIEW.x + VIEW.w / 2, y: VIEW.y + VIEW.h / 2 };

function setup(doc: FaultlineDocument, view: Rect = VIEW) {
  const store = new DocumentStore(doc);
  const editor = new Editor(store);
  const looks: Point[] = [];
  editor.attachCamera(identityCamera(view, { lookAt: (centre) => looks.push(centre) }));
  return { store, editor, looks };
}

/** Whether the segment from `a` to `b` passes through `rect` (Liang–Barsky clipping). */
function segmentCrossesRect(a: Point, b: Point, rect: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [[-dx, a.x - rect.x], [dx, rect.x + rect.w - a.x], [-dy, a.y - rect.y], [dy, rect.y + rect.h - a.y]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t0 < t1;
}

const overlapping = (doc: FaultlineDocument, id: string) =>
  Object.values(doc.nodes).filter((other) => other.id !== id && intersects(nodeRect(doc.nodes[id]), nodeRect(other))).map((other) => other.id);

describe('a node added with a palette click', () => {
  it('does not land on the load balancer in the middle of the view (it used to), but beside it, in view', () => {
    // The load balancer sits exactly where a palette click put new nodes: the middle of the view.
    const lbCorner = cornerForCentre(CENTRE);
    const doc = makeDocument({
      nodes: [node('users', 'client', lbCorner.x - 260, lbCorner.y), node('lb', 'lb', lbCorner.x, lbCorner.y), node('a', 'app', lbCorner.x + 260, lbCorner.y)],
      links: [link('users', 'lb'), link('lb', 'a')],
    });
    const { store, editor } = setup(doc);
    const id = editor.addNodeInView('app');
    const after = store.getDocument();
    expect(overlapping(after, id)).toEqual([]);
    expect(store.getSelection().nodes).toEqual([id]);
    const card = nodeRect(after.nodes[id]);
    expect(card.x).toBeGreaterThanOrEqual(VIEW.x);
    expect(card.y).toBeGreaterThanOrEqual(VIEW.y);
    expect(card.x + card.w).toBeLessThanOrEqual(VIEW.x + VIEW.w);
    expect(card.y + card.h).toBeLessThanOrEqual(VIEW.y + VIEW.h);
    // The nearest free spot: just above or below the load balancer, not somewhere far off.
    const centre = nodeCentre(after.nodes[id]);
    expect(Math.hypot(centre.x - CENTRE.x, centre.y - CENTRE.y)).toBeLessThanOrEqual(100);
  });

  it('clicked several times, each new node finds its own free spot', () => {
    const { store, editor } = setup(makeDocument());
    const ids = Array.from({ length: 6 }, () => editor.addNodeInView('cache'));
    const doc = store.getDocument();
    for (const id of ids) expect(overlapping(doc, id), id).toEqual([]);
    // The first goes in the middle (on the grid), as before, when nothing is there.
    const first = nodeCentre(doc.nodes[ids[0]]);
    expect(Math.hypot(first.x - CENTRE.x, first.y - CENTRE.y)).toBeLessThanOrEqual(20);
  });

  it('clicked kind after kind, builds a flow left to right with servers of one tier stacked, and no link runs under a card', () => {
    // Users, a load balancer, two apps, a database, clicked in that order (each new card is selected).
    const { store, editor } = setup(makeDocument());
    const [users, lb, app1, app2, db] = (['client', 'lb', 'app', 'app', 'db'] as const).map((kind) => editor.addNodeInView(kind));
    const doc = store.getDocument();
    const at = (id: string) => nodeCentre(doc.nodes[id]);
    expect(at(lb).x).toBeGreaterThan(at(users).x + 160);
    expect(at(app1).x).toBeGreaterThan(at(lb).x + 160);
    // The second app under the first, the database right of it.
    expect(at(app2).x).toBe(at(app1).x);
    expect(at(app2).y).toBeGreaterThan(at(app1).y + 60);
    expect(at(db).x).toBeGreaterThan(at(app2).x + 160);
    // The links the flow needs cross no third card (when every card sat in one column they all did).
    const links: [string, string][] = [[users, lb], [lb, app1], [lb, app2], [app1, db], [app2, db]];
    for (const [from, to] of links) {
      const crossed = Object.keys(doc.nodes).filter((id) => id !== from && id !== to && segmentCrossesRect(at(from), at(to), nodeRect(doc.nodes[id])));
      expect(crossed, `${from} → ${to}`).toEqual([]);
    }
  });

  it('aims at the middle of the view when the selected node is out of sight, or several are selected', () => {
    const doc = makeDocument({ nodes: [node('far', 'lb', VIEW.x + 5000, VIEW.y), node('a', 'app', CENTRE.x - 400, CENTRE.y), node('b', 'app', CENTRE.x - 400, CENTRE.y + 100)] });
    const { store, editor } = setup(doc);
    store.setSelection({ nodes: ['far'], links: [], regions: [] });
    const first = editor.addNodeInView('app');
    expect(Math.hypot(nodeCentre(store.getDocument().nodes[first]).x - CENTRE.x, nodeCentre(store.getDocument().nodes[first]).y - CENTRE.y)).toBeLessThanOrEqual(40);
    store.setSelection({ nodes: ['a', 'b'], links: [], regions: [] });
    const second = editor.addNodeInView('db');
    expect(Math.hypot(nodeCentre(store.getDocument().nodes[second]).x - CENTRE.x, nodeCentre(store.getDocument().nodes[second]).y - CENTRE.y)).toBeLessThanOrEqual(120);
  });

  it('keeps the new card out from under the overlays at the top and bottom of the canvas', () => {
    const clear: Rect = { x: VIEW.x, y: VIEW.y + 120, w: VIEW.w, h: VIEW.h - 200 };
    const store = new DocumentStore(makeDocument());
    const editor = new Editor(store);
    editor.attachCamera(identityCamera(VIEW, { unobstructedRect: () => clear }));
    // Nothing selected: aimed at the middle each time (beside a selected card it may go past the
    // view's edge, and the camera follows it).
    const ids = Array.from({ length: 5 }, () => {
      store.setSelection({ nodes: [], links: [], regions: [] });
      return editor.addNodeInView('cache');
    });
    for (const id of ids) {
      const card = nodeRect(store.getDocument().nodes[id]);
      expect(card.y, id).toBeGreaterThanOrEqual(clear.y);
      expect(card.y + card.h, id).toBeLessThanOrEqual(clear.y + clear.h);
    }
  });

  it('uses the free space beside the legend, as a fit does, before going outside a full view', () => {
    // The band under the legend (a wide one, top left) is full of cards; right of the legend, at
    // the top of the canvas, there is room for one (fitArea's freeBoxes finds it for a fit too).
    // The nearest place outside the band is above its middle, under the legend.
    const view = { x: 0, y: 0, w: 1000, h: 700 };
    const band: Rect = { x: 0, y: 120, w: 1000, h: 580 };
    const besideLegend: Rect = { x: 660, y: 0, w: 340, h: 120 };
    const nodes = [];
    for (let column = 0; column < 6; column++) for (let row = 0; row < 8; row++) nodes.push(node(`n${column}-${row}`, 'app', column * 180, 120 + row * 80));
    const store = new DocumentStore(makeDocument({ nodes }));
    const editor = new Editor(store);
    const fits: Rect[] = [];
    editor.attachCamera(identityCamera(view, { unobstructedRect: () => band, unobstructedRects: () => [band, besideLegend], fit: (rect) => fits.push(rect) }));
    const id = editor.addNodeInView('db');
    const card = nodeRect(store.getDocument().nodes[id]);
    expect(overlapping(store.getDocument(), id)).toEqual([]);
    expect(card.x).toBeGreaterThanOrEqual(besideLegend.x);
    expect(card.y).toBeGreaterThanOrEqual(besideLegend.y);
    expect(card.x + card.w).toBeLessThanOrEqual(besideLegend.x + besideLegend.w);
    expect(card.y + card.h).toBeLessThanOrEqual(besideLegend.y + besideLegend.h);
    // In sight already: the view stays as it is.
    expect(fits).toEqual([]);
  });

  it('goes just outside a view full of cards, and the camera zooms out (never in) to show it with all it showed', () => {
    const view = { x: 0, y: 0, w: 700, h: 300 };
    const crowded = makeDocument({ nodes: Array.from({ length: 12 }, (_, i) => node(`n${i}`, 'app', (i % 4) * 180, Math.floor(i / 4) * 100)) });
    const store = new DocumentStore(crowded);
    const editor = new Editor(store);
    const fits: { rect: Rect; maxZoom: number | undefined }[] = [];
    editor.attachCamera(identityCamera(view, { zoom: () => 0.8, fit: (rect, _bottomPx, maxZoom) => fits.push({ rect, maxZoom }) }));
    const id = editor.addNodeInView('db');
    expect(overlapping(store.getDocument(), id)).toEqual([]);
    expect(fits).toHaveLength(1);
    const within = (inner: Rect, outer: Rect) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
    expect(within(nodeRect(store.getDocument().nodes[id]), fits[0].rect)).toBe(true);
    expect(within(view, fits[0].rect)).toBe(true);
    expect(fits[0].maxZoom).toBe(0.8);
  });

  it('freeNodeCorner keeps a grid step between the new card and its neighbours', () => {
    const doc = makeDocument({ nodes: [node('lb', 'lb', 0, 0)] });
    const corner = freeNodeCorner(doc, nodeCentre(doc.nodes.lb), VIEW);
    const gap = (a: Rect, b: Rect) => Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w), b.y - (a.y + a.h), a.y - (b.y + b.h));
    expect(gap(nodeRect(corner), nodeRect(doc.nodes.lb))).toBeGreaterThanOrEqual(20);
  });
  it('goes wholly inside a region (below its name) or wholly outside it, never across its edge or on its name', () => {
    // The view's middle is on a region's top edge, then on its name, then on its left edge.
    const within = (inner: Rect, outer: Rect) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
    const anchors: Point[] = [CENTRE, { x: CENTRE.x, y: CENTRE.y + 20 }, { x: CENTRE.x - 300, y: CENTRE.y + 100 }];
    for (const anchor of anchors) {
      const region = { id: 'dc', name: 'Data center', x: CENTRE.x - 300, y: CENTRE.y, w: 600, h: 260 };
      const doc = makeDocument({ regions: [region] });
      const card = nodeRect(freeNodeCorner(doc, anchor, VIEW));
      const body = { x: region.x, y: region.y + REGION_LABEL_BAND, w: region.w, h: region.h - REGION_LABEL_BAND };
      expect(!intersects(card, region) || within(card, body), `card ${JSON.stringify(card)} for anchor ${JSON.stringify(anchor)}`).toBe(true);
      // Still near where it was asked for: within a card's size of the anchor.
      expect(Math.abs(card.x + card.w / 2 - anchor.x) + Math.abs(card.y + card.h / 2 - anchor.y)).toBeLessThan(card.w + card.h);
    }
  });

  it('stays in view across a region\'s edge when the view has no place clear of region edges', () => {
    // The view tiled with regions too shallow for a card below the name: out of sight would be worse.
    const regions = Array.from({ length: 20 }, (_, i) => ({ id: `strip${i}`, name: `Strip ${i}`, x: VIEW.x - 100, y: VIEW.y - 100 + i * 40, w: VIEW.w + 200, h: 40 }));
    const doc = makeDocument({ regions });
    const card = nodeRect(freeNodeCorner(doc, CENTRE, VIEW));
    expect(card.x >= VIEW.x && card.y >= VIEW.y && card.x + card.w <= VIEW.x + VIEW.w && card.y + card.h <= VIEW.y + VIEW.h).toBe(true);
  });
});
