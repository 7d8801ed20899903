import { describe, expect, it } from 'vitest';
import { Editor } from '../../../renderer/editor/editor';
import { boundsOf, duplicateOffset, freeRegionRect, REGION_LABEL_BAND } from '../../../renderer/editor/commands/placement';
import { describeRegionChanges } from '../../../renderer/editor/commands/regionChanges';
import { intersects, nodeCentre, nodeRect, type Point, type Rect } from '../../../renderer/editor/geometry';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import type { FaultlineDocument, NodeKind } from '../../../shared/model/types';
import { identityCamera, link, makeDocument, node } from './helpers';

/** The reviewer's "Two-tier review" design: a row of cards filling the middle of the view. */
function twoTier(): FaultlineDocument {
  return makeDocument({
    nodes: [node('users', 'client', 0, 180), node('lb', 'lb', 240, 180), node('a', 'app', 480, 80), node('b', 'app', 480, 280), node('db', 'db', 720, 180), node('lb2', 'lb', 40, 340), node('cache', 'cache', 640, 340)],
    links: [link('users', 'lb'), link('lb', 'a'), link('lb', 'b'), link('a', 'db'), link('b', 'db')],
  });
}

const VIEW: Rect = { x: -40, y: -40, w: 1000, h: 520 };

function setup(doc: FaultlineDocument, view: Rect = VIEW) {
  const store = new DocumentStore(doc);
  const editor = new Editor(store);
  const fits: Rect[] = [];
  editor.attachCamera(identityCamera(view, { fit: (rect) => fits.push(rect) }));
  const notices: { message: string; tone: string; step?: number }[] = [];
  editor.notify = (message, tone, options) => notices.push({ message, tone, step: options?.step });
  return { store, editor, notices, fits };
}

function at(point: Point) {
  return { world: point, screen: point, shift: false, accel: false };
}

const covers = (rect: Rect, doc: FaultlineDocument) => Object.values(doc.nodes).filter((n) => intersects(rect, nodeRect(n)));

describe('a new region', () => {
  it('goes where it contains no node, shrinking to fit in the view (it used to land mid-view on the nodes)', () => {
    const doc = twoTier();
    const rect = freeRegionRect(doc, { x: 460, y: 220 }, VIEW);
    expect(covers(rect, doc)).toEqual([]);
    expect(rect.x).toBeGreaterThanOrEqual(VIEW.x);
    expect(rect.x + rect.w).toBeLessThanOrEqual(VIEW.x + VIEW.w);
    expect(rect.y + rect.h).toBeLessThanOrEqual(VIEW.y + VIEW.h);
  });

  it('keeps its full size, centred on the anchor, where that is free', () => {
    expect(freeRegionRect(makeDocument(), { x: 460, y: 220 }, VIEW)).toEqual({ x: 100, y: 20, w: 720, h: 400 });
  });

  it('goes just outside a view with no room, and the camera is asked to show it', () => {
    const crowded = makeDocument({ nodes: Array.from({ length: 24 }, (_, i) => node(`n${i}`, 'app', (i % 6) * 180, Math.floor(i / 6) * 120)) });
    const { store, editor, fits } = setup(crowded, { x: 0, y: 0, w: 1000, h: 460 });
    const id = editor.addRegionInView();
    const region = store.getDocument().regions[id];
    expect(covers(region, crowded)).toEqual([]);
    expect(Object.values(store.getDocument().nodes).every((n) => n.region === undefined)).toBe(true);
    expect(fits).toHaveLength(1);
  });

  it('added from the palette pulls no node in: no node changes region and there is no notice', () => {
    const { store, editor, notices } = setup(twoTier());
    editor.addRegionInView();
    expect(Object.values(store.getDocument().nodes).map((n) => n.region)).toEqual(Object.values(twoTier().nodes).map(() => undefined));
    // A drop right on the nodes is moved off them too.
    editor.addRegionAt(nodeCentre(twoTier().nodes.a));
    expect(Object.values(store.getDocument().nodes).every((n) => n.region === undefined)).toBe(true);
    expect(notices).toEqual([]);
  });
});

describe('edits that change which region nodes are in', () => {
  it('are told in one notice per edit, naming the nodes, the region and the delay, tied to the undo step', () => {
    const { store, editor, notices } = setup(twoTier());
    const id = editor.addRegionInView();
    const region = store.getDocument().regions[id];
    // Resize the region (its bottom-right grip) far enough to take in the whole design.
    const grip = { x: region.x + region.w - 4, y: region.y + region.h - 4 };
    editor.tool.pointerDown(at(grip));
    editor.tool.pointerMove(at({ x: grip.x + 2000, y: grip.y + 40 }));
    editor.tool.pointerMove(at({ x: grip.x + 3000, y: grip.y + 80 }));
    expect(notices).toEqual([]);
    editor.tool.pointerUp(at({ x: grip.x + 3000, y: grip.y + 80 }));
    // The box grew right and down from where it was; the nodes inside it now are named.
    const joined = Object.values(store.getDocument().nodes).filter((n) => n.region === id);
    expect(joined.length).toBeGreaterThan(0);
    expect(notices).toHaveLength(1);
    expect(notices[0].tone).toBe('warning');
    expect(notices[0].message).toMatch(new RegExp(`^${joined.length} nodes? joined “Region”: .*\\. Traffic between regions takes 75 ms per hop, inside a region 0\\.5 ms \\(Network delays, in the document settings\\)\\. Undo reverses this\\.$`));
    expect(store.hasStep(notices[0].step!)).toBe(true);
    editor.undo();
    expect(store.hasStep(notices[0].step!)).toBe(false);
    expect(Object.values(store.getDocument().nodes).every((n) => n.region === undefined)).toBe(true);
  });

  it('says moves between regions and leaving one, and nothing for an edit that changes no membership', () => {
    const before = makeDocument({
      regions: [{ id: 'us', name: 'US', x: 0, y: 0, w: 400, h: 400 }, { id: 'eu', name: 'EU', x: 600, y: 0, w: 400, h: 400 }],
      nodes: [{ ...node('a', 'app', 40, 40), region: 'us' }, { ...node('b', 'app', 40, 200), region: 'us' }, { ...node('c', 'cache', 640, 40), name: 'Cache', region: 'eu' }],
    });
    const after = structuredClone(before);
    after.nodes.a.region = 'eu';
    after.nodes.b.region = 'eu';
    delete after.nodes.c.region;
    expect(describeRegionChanges(before, after)).toBe(
      '2 nodes moved from “US” to “EU”: a, b; 1 node left “EU”: Cache. Traffic between regions takes 75 ms per hop, inside a region 0.5 ms (Network delays, in the document settings). Undo reverses this.',
    );
    expect(describeRegionChanges(before, structuredClone(before))).toBeUndefined();
  });

  it('moving a node into a region with the pointer is one notice, when the drag ends', () => {
    const doc = makeDocument({ regions: [{ id: 'eu', name: 'EU', x: 400, y: 0, w: 400, h: 300 }], nodes: [node('a', 'app', 0, 0)] });
    const { store, editor, notices } = setup(doc);
    editor.tool.pointerDown(at({ x: 20, y: 20 }));
    for (let x = 40; x <= 500; x += 40) editor.tool.pointerMove(at({ x, y: 40 }));
    expect(notices).toEqual([]);
    editor.tool.pointerUp(at({ x: 500, y: 40 }));
    expect(store.getDocument().nodes.a.region).toBe('eu');
    expect(notices.map((n) => n.message)).toEqual(['1 node joined “EU”: a. Traffic between regions takes 75 ms per hop, inside a region 0.5 ms (Network delays, in the document settings). Undo reverses this.']);
  });
});

describe('Duplicate', () => {
  it('puts the copy beside the original, clear of every card and inside the view (it used to overlap it 40 px down-right)', () => {
    const doc = twoTier();
    const { store, editor } = setup(doc);
    store.setSelection({ nodes: ['db'], links: [], regions: [] });
    editor.duplicate();
    const [copyId] = store.getSelection().nodes;
    const copy = nodeRect(store.getDocument().nodes[copyId]);
    expect(covers(copy, doc)).toEqual([]);
    expect(copy.x).toBeGreaterThanOrEqual(VIEW.x);
    expect(copy.x + copy.w).toBeLessThanOrEqual(VIEW.x + VIEW.w);
    expect(copy.y + copy.h).toBeLessThanOrEqual(VIEW.y + VIEW.h);
  });

  it('prefers the right side when it is free', () => {
    const doc = makeDocument({ nodes: [node('a', 'app', 0, 0)] });
    expect(duplicateOffset(doc, boundsOf([nodeRect(doc.nodes.a)])!, VIEW)).toEqual({ x: 220, y: 0 });
  });
});

describe('Duplicate inside a region', () => {
  /** Lesson 1's data center: the database at its right edge, three app servers in a column. */
  function dataCenter(): FaultlineDocument {
    return makeDocument({
      regions: [{ id: 'dc', name: 'Data center', x: 180, y: -40, w: 760, h: 400 }],
      nodes: [
        node('users', 'client', 0, 140),
        { ...node('lb', 'lb', 220, 140), region: 'dc' },
        { ...node('app1', 'app', 480, 20), region: 'dc' },
        { ...node('app2', 'app', 480, 140), region: 'dc' },
        { ...node('app3', 'app', 480, 260), region: 'dc' },
        { ...node('db', 'db', 740, 140), region: 'dc' },
      ],
    });
  }
  const WIDE: Rect = { x: -200, y: -200, w: 1600, h: 800 };

  function duplicateOf(id: string, doc = dataCenter()) {
    const { store, editor, notices } = setup(doc, WIDE);
    store.setSelection({ nodes: [id], links: [], regions: [] });
    editor.duplicate();
    const [copyId] = store.getSelection().nodes;
    return { copy: store.getDocument().nodes[copyId], after: store.getDocument(), notices };
  }

  it('keeps the copy of a node at the region’s edge in the region (it used to go right, outside it)', () => {
    const doc = dataCenter();
    // As before, the right of the database is free and in view, but outside the data center.
    expect(duplicateOffset(doc, nodeRect(doc.nodes.db), WIDE)).toEqual({ x: 220, y: 0 });
    const { copy, after, notices } = duplicateOf('db');
    expect(copy.region).toBe('dc');
    expect(covers(nodeRect(copy), after).map((n) => n.id)).toEqual([copy.id]);
    const region = after.regions.dc;
    expect(nodeRect(copy).x + nodeRect(copy).w).toBeLessThanOrEqual(region.x + region.w);
    // Nothing left or joined a region, so there is nothing to warn about.
    expect(notices).toEqual([]);
  });

  it('finds free room in the region when every side of the original is taken', () => {
    const { copy, after } = duplicateOf('app2');
    expect(copy.region).toBe('dc');
    expect(covers(nodeRect(copy), after).map((n) => n.id)).toEqual([copy.id]);
  });

  it('goes beside the original as before when the region has no room', () => {
    const tight = makeDocument({ regions: [{ id: 'r', name: 'R', x: 0, y: 0, w: 200, h: 140 }], nodes: [{ ...node('a', 'app', 20, 40), region: 'r' }] });
    const { copy } = duplicateOf('a', tight);
    expect(copy.region).toBeUndefined();
    expect({ x: copy.x, y: copy.y }).toEqual({ x: 240, y: 40 });
  });

  /** A teacher's US East: a client, a balancer, a column of three apps, a cache and a database, no room left for a column. */
  function usEast(): FaultlineDocument {
    const inUs = (id: string, kind: NodeKind, x: number, y: number) => ({ ...node(id, kind, x, y), region: 'us' });
    return makeDocument({
      regions: [{ id: 'us', name: 'US East', x: 600, y: 140, w: 1000, h: 360 }],
      nodes: [inUs('users', 'client', 700, 220), inUs('lb', 'lb', 940, 220), inUs('app', 'app', 1180, 220), inUs('app2', 'app', 1180, 320), inUs('app3', 'app', 1180, 420), inUs('cache', 'cache', 1420, 220), inUs('db', 'db', 1420, 320)],
    });
  }
  /** Cards across a region's edge or on its name (its top 36 units): they read as half in it. */
  const acrossAnEdge = (doc: FaultlineDocument, ids: readonly string[]) =>
    ids.filter((id) => {
      const card = nodeRect(doc.nodes[id]);
      return Object.values(doc.regions).some((r) => intersects(card, r) && !(card.x >= r.x && card.y >= r.y + REGION_LABEL_BAND && card.x + card.w <= r.x + r.w && card.y + card.h <= r.y + r.h));
    });
  const VIEW_US: Rect = { x: 400, y: 0, w: 1400, h: 700 };

  it('puts copies below the region’s name, never on its top edge (an app and its cache were copied onto it)', () => {
    const { store, editor } = setup(usEast(), VIEW_US);
    store.setSelection({ nodes: ['app', 'cache'], links: [], regions: [] });
    editor.duplicate();
    const after = store.getDocument();
    const copies = store.getSelection().nodes;
    expect(acrossAnEdge(after, copies)).toEqual([]);
    expect(copies.map((id) => after.nodes[id].region)).toEqual(['us', 'us']);
  });

  it('keeps copies together when the region has no room for them: not some in and some out, none across its edge', () => {
    const { store, editor } = setup(usEast(), VIEW_US);
    store.setSelection({ nodes: ['app', 'app2', 'app3'], links: [], regions: [] });
    editor.duplicate();
    const after = store.getDocument();
    const copies = store.getSelection().nodes;
    expect(copies).toHaveLength(3);
    expect(acrossAnEdge(after, copies)).toEqual([]);
    expect(new Set(copies.map((id) => after.nodes[id].region)).size).toBe(1);
    expect(covers(boundsOf(copies.map((id) => nodeRect(after.nodes[id])))!, after).filter((n) => !copies.includes(n.id))).toEqual([]);
  });

  it('leaves nodes outside any region, and regions, as before', () => {
    const { copy } = duplicateOf('users');
    expect(copy.region).toBeUndefined();
  });
});

describe('a second new region', () => {
  it('does not land on the first (File → New, the palette’s Region clicked twice used to stack them exactly)', () => {
    const { store, editor } = setup(makeDocument());
    const first = editor.addRegionInView();
    const second = editor.addRegionInView();
    const { regions } = store.getDocument();
    expect(second).not.toBe(first);
    expect(intersects(regions[first], regions[second])).toBe(false);
    // A third, dropped on the middle of the first, goes clear of both.
    const third = editor.addRegionAt({ x: regions[first].x + 100, y: regions[first].y + 100 });
    const after = store.getDocument().regions;
    expect(intersects(after[third], after[first])).toBe(false);
    expect(intersects(after[third], after[second])).toBe(false);
  });

  it('where two label strips overlap, a click on them picks the region drawn on top (the later one, whose label shows)', () => {
    const doc = makeDocument({
      regions: [{ id: 'region', name: 'Region', x: 0, y: 0, w: 400, h: 300 }, { id: 'region2', name: 'Region 2', x: 0, y: 0, w: 400, h: 300 }],
    });
    const { store, editor } = setup(doc);
    editor.tool.pointerDown(at({ x: 40, y: 12 }));
    editor.tool.pointerUp(at({ x: 40, y: 12 }));
    expect(store.getSelection().regions).toEqual(['region2']);
  });
});

describe('nodes added inside a region', () => {
  const inEu = () =>
    makeDocument({
      regions: [{ id: 'eu', name: 'Region 2', x: 0, y: 0, w: 700, h: 400 }],
      nodes: [{ ...node('app1', 'app', 40, 60), region: 'eu' }, { ...node('app2', 'app', 40, 200), region: 'eu' }, node('out', 'app', 900, 60)],
    });
  const TAIL = ' Traffic between regions takes 75 ms per hop, inside a region 0.5 ms (Network delays, in the document settings). Undo reverses this.';

  it('by Duplicate are told when the copy lands in a region its original is not in (it used to join it silently)', () => {
    // "edge" sits just left of the region, outside it; its copy goes beside it, to the right,
    // which is inside the region. (A copy that would cross the region's edge goes elsewhere.)
    const doc = inEu();
    doc.nodes.edge = { ...node('edge', 'app', -200, 300) };
    const { store, editor, notices } = setup(doc, { x: -400, y: -40, w: 1800, h: 600 });
    store.setSelection({ nodes: ['edge'], links: [], regions: [] });
    editor.duplicate();
    const copies = store.getSelection().nodes.map((id) => store.getDocument().nodes[id]);
    expect(copies.map((n) => n.region)).toEqual(['eu']);
    expect(notices.map((n) => n.message)).toEqual([`1 new node is in “Region 2”: ${copies[0].name ?? copies[0].id}.${TAIL}`]);
    expect(notices[0].tone).toBe('warning');
    expect(store.hasStep(notices[0].step!)).toBe(true);
  });

  it('a copy in its original’s region (Duplicate or Paste beside it) is where one expects it: no notice', () => {
    const { store, editor, notices } = setup(inEu(), { x: -40, y: -40, w: 1400, h: 600 });
    store.setSelection({ nodes: ['app1', 'app2'], links: [], regions: [] });
    editor.duplicate();
    expect(store.getSelection().nodes.every((id) => store.getDocument().nodes[id].region === 'eu')).toBe(true);
    store.setSelection({ nodes: ['app1'], links: [], regions: [] });
    editor.copy();
    editor.paste();
    expect(store.getDocument().nodes[store.getSelection().nodes[0]].region).toBe('eu');
    expect(notices).toEqual([]);
  });

  it('a palette drop inside the box is told; one added outside every region is not', () => {
    const { store, editor, notices } = setup(inEu(), { x: -40, y: -40, w: 1400, h: 600 });
    const id = editor.addNodeAt('cache', { x: 500, y: 300 });
    expect(store.getDocument().nodes[id].region).toBe('eu');
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toBe(`1 new node is in “Region 2”: ${store.getDocument().nodes[id].name ?? id}.${TAIL}`);
    editor.addNodeAt('cache', { x: 1200, y: 300 });
    expect(notices).toHaveLength(1);
  });

  it('says nothing for nodes that arrive with their own new region (a region copied whole)', () => {
    const { store, editor, notices } = setup(inEu(), { x: -40, y: -40, w: 3000, h: 1200 });
    store.setSelection({ nodes: ['app1', 'app2'], links: [], regions: ['eu'] });
    editor.duplicate();
    expect(Object.keys(store.getDocument().regions)).toHaveLength(2);
    expect(notices).toEqual([]);
  });
});
