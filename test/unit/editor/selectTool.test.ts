import { describe, expect, it } from 'vitest';
import { substantialResize } from '../../../renderer/editor/camera';
import { Editor } from '../../../renderer/editor/editor';
import { NODE_CARD, type Point } from '../../../renderer/editor/geometry';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import type { ToolPointer } from '../../../renderer/editor/tools/toolTypes';
import { identityCamera, link, makeDocument, node } from './helpers';

/** An editor with a camera at zoom 1 whose screen coordinates equal world coordinates. */
function setup(doc = makeDocument()) {
  const store = new DocumentStore(doc);
  const editor = new Editor(store);
  editor.attachCamera(identityCamera({ x: 0, y: 0, w: 800, h: 600 }));
  return { store, editor, tool: editor.tool };
}

function at(point: Point, modifiers: Partial<Pick<ToolPointer, 'shift' | 'accel'>> = {}): ToolPointer {
  return { world: point, screen: point, shift: false, accel: false, ...modifiers };
}

/** Presses at `from`, moves in `steps` to `to`, releases there. */
function dragWith(tool: Editor['tool'], from: Point, to: Point, steps = 5) {
  tool.pointerDown(at(from));
  for (let step = 1; step <= steps; step++) tool.pointerMove(at({ x: from.x + ((to.x - from.x) * step) / steps, y: from.y + ((to.y - from.y) * step) / steps }));
  tool.pointerUp(at(to));
}

const centre = (x: number, y: number) => ({ x: x + NODE_CARD.width / 2, y: y + NODE_CARD.height / 2 });
const handle = (x: number, y: number) => ({ x: x + NODE_CARD.width, y: y + NODE_CARD.height / 2 });

describe('select tool', () => {
  it('clicking a node selects it; clicking empty canvas clears the selection', () => {
    const { store, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0)] }));
    tool.pointerDown(at(centre(0, 0)));
    tool.pointerUp(at(centre(0, 0)));
    expect(store.getSelection().nodes).toEqual(['a']);
    tool.pointerDown(at({ x: 600, y: 600 }));
    tool.pointerUp(at({ x: 600, y: 600 }));
    expect(store.getSelection().nodes).toEqual([]);
  });

  it('shift-click adds to and removes from the selection', () => {
    const { store, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0), node('b', 'app', 300, 0)] }));
    tool.pointerDown(at(centre(0, 0)));
    tool.pointerUp(at(centre(0, 0)));
    tool.pointerDown(at(centre(300, 0), { shift: true }));
    tool.pointerUp(at(centre(300, 0), { shift: true }));
    expect(store.getSelection().nodes).toEqual(['a', 'b']);
    tool.pointerDown(at(centre(0, 0), { shift: true }));
    tool.pointerUp(at(centre(0, 0), { shift: true }));
    expect(store.getSelection().nodes).toEqual(['b']);
  });

  it('dragging selected nodes moves them all, snapped to the grid, as one undo step', () => {
    const { store, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0), node('b', 'app', 300, 0)] }));
    store.setSelection({ nodes: ['a', 'b'], links: [], regions: [] });
    dragWith(tool, centre(0, 0), { x: centre(0, 0).x + 103, y: centre(0, 0).y + 47 });
    const doc = store.getDocument();
    expect([doc.nodes.a.x, doc.nodes.a.y]).toEqual([100, 40]);
    expect([doc.nodes.b.x, doc.nodes.b.y]).toEqual([400, 40]);
    store.undo();
    expect([store.getDocument().nodes.a.x, store.getDocument().nodes.b.x]).toEqual([0, 300]);
    expect(store.canUndo()).toBe(false);
  });

  it('Escape during a drag puts everything back and records nothing', () => {
    const { store, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0)] }));
    tool.pointerDown(at(centre(0, 0)));
    tool.pointerMove(at({ x: 200, y: 200 }));
    tool.pointerMove(at({ x: 260, y: 240 }));
    expect(store.getDocument().nodes.a.x).not.toBe(0);
    tool.cancel();
    tool.pointerUp(at({ x: 260, y: 240 }));
    expect(store.getDocument().nodes.a.x).toBe(0);
    expect(store.canUndo()).toBe(false);
  });

  it('a node moved into a region joins it, and leaves it when moved out', () => {
    const doc = makeDocument({ regions: [{ id: 'eu', name: 'EU', x: 400, y: 0, w: 400, h: 300 }], nodes: [node('a', 'app', 0, 0)] });
    const { store, tool } = setup(doc);
    dragWith(tool, centre(0, 0), centre(500, 100));
    expect(store.getDocument().nodes.a.region).toBe('eu');
    dragWith(tool, centre(500, 100), centre(0, 0));
    expect(store.getDocument().nodes.a.region).toBeUndefined();
  });

  it('box-select selects the nodes the box touches; Escape restores the old selection', () => {
    const { store, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0), node('b', 'app', 300, 0), node('c', 'app', 0, 400)] }));
    dragWith(tool, { x: -20, y: -20 }, { x: 320, y: 40 });
    expect(store.getSelection().nodes).toEqual(['a', 'b']);
    tool.pointerDown(at({ x: -20, y: 380 }));
    tool.pointerMove(at({ x: 100, y: 420 }));
    expect(store.getSelection().nodes).toEqual(['c']);
    tool.cancel();
    expect(store.getSelection().nodes).toEqual(['a', 'b']);
  });

  it('dragging from a handle to a valid node links them; to an invalid one refuses with a reason', () => {
    const { store, editor, tool } = setup(makeDocument({ nodes: [node('lb', 'lb', 0, 0), node('app', 'app', 300, 0), node('users', 'client', 0, 300)] }));
    dragWith(tool, handle(0, 0), centre(300, 0));
    expect(Object.values(store.getDocument().links).map((record) => [record.from, record.to, record.kind])).toEqual([['lb', 'app', 'traffic']]);
    dragWith(tool, handle(300, 0), centre(0, 300));
    expect(Object.keys(store.getDocument().links)).toHaveLength(1);
    expect(editor.getHint()).toMatch(/An app server sends to .* not to a client\./);
  });

  it('links two databases with a replication link', () => {
    const { store, tool } = setup(makeDocument({ nodes: [node('p', 'db', 0, 0), node('r', 'db', 300, 0, { role: 'replica' })] }));
    dragWith(tool, handle(0, 0), centre(300, 0));
    expect(Object.values(store.getDocument().links)[0].kind).toBe('replication');
  });

  it('resizes a selected region from its corner grip as one step, taking in nodes it now covers', () => {
    const doc = makeDocument({ regions: [{ id: 'eu', name: 'EU', x: 0, y: 0, w: 300, h: 200 }], nodes: [node('a', 'app', 400, 40)] });
    const { store, tool } = setup(doc);
    dragWith(tool, { x: 298, y: 198 }, { x: 640, y: 260 });
    const region = store.getDocument().regions.eu;
    expect([region.w, region.h]).toEqual([640, 260]);
    expect(store.getDocument().nodes.a.region).toBe('eu');
    store.undo();
    expect(store.getDocument().regions.eu.w).toBe(300);
    expect(store.getDocument().nodes.a.region).toBeUndefined();
  });

  it('dragging a region by its label moves its nodes with it', () => {
    const doc = makeDocument({ regions: [{ id: 'eu', name: 'EU', x: 0, y: 0, w: 400, h: 300 }], nodes: [{ ...node('a', 'app', 40, 80), region: 'eu' }] });
    const { store, tool } = setup(doc);
    dragWith(tool, { x: 100, y: 10 }, { x: 300, y: 110 });
    expect([store.getDocument().regions.eu.x, store.getDocument().regions.eu.y]).toEqual([200, 100]);
    expect([store.getDocument().nodes.a.x, store.getDocument().nodes.a.y]).toEqual([240, 180]);
  });

  it('a region is grabbed by its title where the canvas drew it, even below the top 36 units (far out a title is enlarged)', () => {
    const doc = makeDocument({ regions: [{ id: 'eu', name: 'EU', x: 0, y: 0, w: 800, h: 600 }] });
    const store = new DocumentStore(doc);
    const editor = new Editor(store);
    // The title as an enlarged one is drawn: from (18, 12), 120 wide and 60 tall.
    editor.attachCamera(identityCamera({ x: 0, y: 0, w: 800, h: 600 }, { regionTitleRect: (id) => (id === 'eu' ? { x: 18, y: 12, w: 120, h: 60 } : undefined) }));
    const onTitle = { x: 60, y: 60 };
    expect(editor.tool.cursorAt(onTitle)).toBe('move');
    dragWith(editor.tool, onTitle, { x: 260, y: 160 });
    expect([store.getDocument().regions.eu.x, store.getDocument().regions.eu.y]).toEqual([200, 100]);
    // Beside the title, as far down, is inside the box: a press there starts a box selection.
    store.undo();
    const besideTitle = { x: 300, y: 60 };
    expect(editor.tool.cursorAt(besideTitle)).toBe('default');
    dragWith(editor.tool, besideTitle, { x: 500, y: 160 });
    expect([store.getDocument().regions.eu.x, store.getDocument().regions.eu.y]).toEqual([0, 0]);
  });

  it('after Select All, dragging a node moves the regions too, so nodes stay in their regions', () => {
    const doc = makeDocument({ regions: [{ id: 'eu', name: 'EU', x: 0, y: 0, w: 400, h: 300 }], nodes: [{ ...node('a', 'app', 40, 80), region: 'eu' }] });
    const { store, editor, tool } = setup(doc);
    editor.selectAll();
    dragWith(tool, centre(40, 80), { x: centre(40, 80).x + 500, y: centre(40, 80).y });
    const after = store.getDocument();
    expect([after.regions.eu.x, after.nodes.a.x, after.nodes.a.region]).toEqual([500, 540, 'eu']);
  });

  it('selectAndReveal fits the camera only when a selected node is out of view', () => {
    const { editor, store } = setup(makeDocument({ nodes: [node('near', 'app', 100, 100), node('far', 'app', 2000, 100)] }));
    const fitted: unknown[] = [];
    editor.attachCamera({ ...editor.getCamera()!, fit: (rect) => fitted.push(rect) });
    editor.selectAndReveal({ nodes: ['near'], links: [], regions: [] });
    expect(fitted).toEqual([]);
    editor.selectAndReveal({ nodes: ['far'], links: [], regions: [] });
    expect(store.getSelection().nodes).toEqual(['far']);
    expect(fitted).toEqual([{ x: 2000, y: 100, w: NODE_CARD.width, h: NODE_CARD.height }]);
  });

  it('double-click on a node starts renaming it', () => {
    const { editor, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0)] }));
    tool.doubleClick(at(centre(0, 0)));
    expect(editor.getRenameTarget()).toEqual({ kind: 'nodes', id: 'a' });
  });

  it('opening another document cancels the gesture in progress and fits the new one', () => {
    const { store, editor, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0)] }));
    let fits = 0;
    const camera = editor.getCamera()!;
    editor.attachCamera({ ...camera, fit: () => fits++ });
    tool.pointerDown(at(centre(0, 0)));
    tool.pointerMove(at({ x: 300, y: 300 }));
    store.replaceDocument(makeDocument({ nodes: [node('b', 'cache', 0, 0)] }));
    expect(tool.stateName).toBe('idle');
    expect(fits).toBe(1);
    expect(store.canUndo()).toBe(false);
    expect(Object.keys(store.getDocument().nodes)).toEqual(['b']);
  });

  it('a document with a saved view opens at that view instead of being fitted', () => {
    const { store, editor } = setup();
    const looks: unknown[] = [];
    let fits = 0;
    editor.attachCamera({ ...editor.getCamera()!, fit: () => fits++, lookAt: (centre, zoom) => looks.push([centre, zoom]) });
    const withView = makeDocument({ nodes: [node('a', 'app')] });
    withView.view = { x: 300, y: 200, zoom: 0.5 };
    store.replaceDocument(withView);
    expect(looks).toEqual([[{ x: 300, y: 200 }, 0.5]]);
    expect(fits).toBe(0);
  });

  it('a new empty document opens at actual size, not at the zoom the previous document needed', () => {
    const { store, editor } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0)] }));
    const zooms: number[] = [];
    editor.attachCamera({ ...editor.getCamera()!, setZoom: (zoom) => zooms.push(zoom) });
    store.replaceDocument(makeDocument());
    expect(zooms).toEqual([1]);
  });

  it('a fitted view is fitted again when the canvas is resized, unless the user panned or zoomed since', () => {
    const { editor, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0), node('b', 'app', 400, 0)] }));
    let fits = 0;
    editor.attachCamera({ ...editor.getCamera()!, fit: () => fits++ });
    editor.canvasResized();
    expect(fits).toBe(0); // never fitted yet
    editor.fitToContent();
    editor.canvasResized();
    expect(fits).toBe(2);
    editor.zoomIn();
    editor.canvasResized();
    expect(fits).toBe(2);
    editor.fitToContent();
    editor.cameraMovedByUser();
    editor.canvasResized();
    expect(fits).toBe(3);
    editor.fitToContent();
    // Space + drag pans through the tool.
    tool.spaceHeld = true;
    tool.pointerDown(at({ x: 700, y: 500 }));
    tool.pointerMove(at({ x: 650, y: 450 }));
    tool.pointerUp(at({ x: 650, y: 450 }));
    tool.spaceHeld = false;
    editor.canvasResized();
    expect(fits).toBe(4);
  });

  it('a fitted view glides to fit again when the captions grow or shrink, unless the user panned or zoomed since', () => {
    const { editor } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0)] }));
    const fits: ({ smooth?: boolean } | undefined)[] = [];
    editor.attachCamera({ ...editor.getCamera()!, fit: (_rect, _bottomPx, _maxZoom, options) => fits.push(options) });
    editor.messagesResized();
    expect(fits).toEqual([]); // never fitted yet
    editor.fitToContent();
    editor.messagesResized();
    expect(fits).toEqual([{}, { smooth: true }]);
    editor.cameraMovedByUser();
    editor.messagesResized();
    editor.fitToContent();
    editor.zoomIn();
    editor.messagesResized();
    expect(fits).toEqual([{}, { smooth: true }, {}]);
  });

  it('a resize is substantial past 15 % of either side', () => {
    expect(substantialResize({ width: 772, height: 435 }, { width: 1412, height: 715 })).toBe(true);
    expect(substantialResize({ width: 772, height: 435 }, { width: 772, height: 300 })).toBe(true);
    expect(substantialResize({ width: 772, height: 435 }, { width: 760, height: 440 })).toBe(false);
  });

  it('a press clears the hover ring: after clicking a node and then empty canvas, no node shows hover', () => {
    const { editor, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0)] }));
    tool.pointerMove(at(centre(0, 0)));
    expect(editor.getOverlay().hoverNodeId).toBe('a');
    tool.pointerDown(at(centre(0, 0)));
    tool.pointerUp(at(centre(0, 0)));
    tool.pointerDown(at({ x: 600, y: 600 }));
    tool.pointerUp(at({ x: 600, y: 600 }));
    tool.pointerMove(at({ x: 610, y: 600 }));
    expect(editor.getOverlay().hoverNodeId).toBeUndefined();
  });

  it('where cards overlap, a press takes the selected card (drawn on top), else the last in the document', () => {
    const { store, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0), node('b', 'app', 80, 0)] }));
    const overlap = { x: 120, y: 30 };
    tool.pointerDown(at(overlap));
    tool.pointerUp(at(overlap));
    expect(store.getSelection().nodes).toEqual(['b']);
    store.setSelection({ nodes: ['a'], links: [], regions: [] });
    tool.pointerDown(at(overlap));
    tool.pointerUp(at(overlap));
    expect(store.getSelection().nodes).toEqual(['a']);
  });

  it('clicking a link selects it', () => {
    const { store, tool } = setup(makeDocument({ nodes: [node('a', 'app', 0, 0), node('b', 'cache', 400, 0)], links: [link('a', 'b')] }));
    const onLink = { x: 300, y: NODE_CARD.height / 2 };
    tool.pointerDown(at(onLink));
    tool.pointerUp(at(onLink));
    expect(store.getSelection().links).toEqual(['a-b']);
  });
});
