import { describe, expect, it } from 'vitest';
import { Editor } from '../../../renderer/editor/editor';
import type { Point, Rect } from '../../../renderer/editor/geometry';
import { nextTabStop, tabOrder, type TabStop } from '../../../renderer/editor/keyboardNavigation';
import { handleCanvasKey, handleEditorKey } from '../../../renderer/editor/keyboardShortcuts';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import { identityCamera, makeDocument, node, threeRegionDesign } from './helpers';


const n = (id: string): TabStop => ({ kind: 'nodes', id });
const r = (id: string): TabStop => ({ kind: 'regions', id });

describe('the Tab walk (pure)', () => {
  it('is the nodes in reading order, then the regions in reading order by their top-left corners', () => {
    expect(tabOrder(threeRegionDesign())).toEqual([n('a'), n('c'), n('free'), n('b'), r('eu'), r('us'), r('lab')]);
  });

  it('regions whose tops are less than a row apart read left to right, whatever their exact heights', () => {
    const doc = makeDocument({
      regions: [
        { id: 'right', name: 'Right', x: 500, y: 0, w: 300, h: 300 },
        { id: 'left', name: 'Left', x: 0, y: 25, w: 300, h: 300 },
        { id: 'below', name: 'Below', x: 0, y: 400, w: 300, h: 300 },
      ],
    });
    expect(tabOrder(doc)).toEqual([r('left'), r('right'), r('below')]);
  });

  it('Tab goes from the last node to the first region and past the last region out; Shift+Tab the reverse', () => {
    const doc = threeRegionDesign();
    expect(nextTabStop(doc, undefined, 1)).toEqual(n('a'));
    expect(nextTabStop(doc, n('b'), 1)).toEqual(r('eu'));
    expect(nextTabStop(doc, r('eu'), 1)).toEqual(r('us'));
    expect(nextTabStop(doc, r('lab'), 1)).toBeUndefined();
    // Shift+Tab from nothing starts at the last region (Shift+Tab into the canvas walks it backwards).
    expect(nextTabStop(doc, undefined, -1)).toEqual(r('lab'));
    expect(nextTabStop(doc, r('eu'), -1)).toEqual(n('b'));
    expect(nextTabStop(doc, n('a'), -1)).toBeUndefined();
  });

  it('a stop that is gone starts the walk again; a node and a region may share an id', () => {
    const doc = threeRegionDesign();
    expect(nextTabStop(doc, r('gone'), 1)).toEqual(n('a'));
    expect(nextTabStop(doc, n('gone'), -1)).toEqual(r('lab'));
    // The ids are separate namespaces: region "a" is not node "a".
    const shared = makeDocument({ regions: [{ id: 'a', name: 'A', x: 0, y: 0, w: 300, h: 300 }], nodes: [node('a', 'app', 40, 40)] });
    expect(nextTabStop(shared, n('a'), 1)).toEqual(r('a'));
    expect(nextTabStop(shared, r('a'), 1)).toBeUndefined();
    expect(nextTabStop(shared, r('a'), -1)).toEqual(n('a'));
  });

  it('a design with only regions walks them; an empty one has no stops', () => {
    const regionsOnly = makeDocument({ regions: [{ id: 'x', name: 'X', x: 0, y: 0, w: 300, h: 300 }] });
    expect(nextTabStop(regionsOnly, undefined, 1)).toEqual(r('x'));
    expect(nextTabStop(regionsOnly, r('x'), 1)).toBeUndefined();
    expect(nextTabStop(makeDocument(), undefined, 1)).toBeUndefined();
  });
});

describe('Tab on the canvas', () => {
  type Mods = { shift?: boolean; ctrl?: boolean };
  const event = (key: string, modifiers: Mods = {}) => ({ key, ctrlKey: !!modifiers.ctrl, metaKey: false, shiftKey: !!modifiers.shift, altKey: false, target: null });
  const press = (editor: Editor, key: string, modifiers: Mods = {}) => handleCanvasKey(editor, event(key, modifiers)) || handleEditorKey(editor, event(key, modifiers));

  // A small view over EU's top-left: US and Lab lie outside it, so selecting them pans.
  const setup = () => {
    const store = new DocumentStore(threeRegionDesign());
    const editor = new Editor(store);
    const looks: Point[] = [];
    editor.attachCamera(identityCamera({ x: -50, y: -50, w: 500, h: 400 } satisfies Rect, { lookAt: (point) => looks.push(point) }));
    return { store, editor, looks };
  };

  it('walks every node, then every region, then lets focus leave the canvas', () => {
    const { store, editor } = setup();
    const seen: string[] = [];
    while (press(editor, 'Tab')) {
      const selection = store.getSelection();
      seen.push(...selection.nodes.map((id) => `node ${id}`), ...selection.regions.map((id) => `region ${id}`));
      expect(seen.length).toBeLessThan(20);
    }
    expect(seen).toEqual(['node a', 'node c', 'node free', 'node b', 'region eu', 'region us', 'region lab']);
    // Past the last region Tab is left to the browser, and the region stays selected.
    expect(store.getSelection()).toEqual({ nodes: [], links: [], regions: ['lab'] });
    // Shift+Tab walks back from it into the nodes, and past the first node leaves too.
    press(editor, 'Tab', { shift: true });
    press(editor, 'Tab', { shift: true });
    press(editor, 'Tab', { shift: true });
    expect(store.getSelection().nodes).toEqual(['b']);
    for (let i = 0; i < 3; i++) expect(press(editor, 'Tab', { shift: true })).toBe(true);
    expect(store.getSelection().nodes).toEqual(['a']);
    expect(press(editor, 'Tab', { shift: true })).toBe(false);
  });

  it('selects a region exactly as R does: the same selection, the same pan, the same overlay', () => {
    const byR = setup();
    press(byR.editor, 'r');
    press(byR.editor, 'r');
    const byTab = setup();
    byTab.store.setSelection({ nodes: ['b'], links: [], regions: [] });
    press(byTab.editor, 'Tab');
    press(byTab.editor, 'Tab');
    expect(byTab.store.getSelection()).toEqual({ nodes: [], links: [], regions: ['us'] });
    expect(byTab.store.getSelection()).toEqual(byR.store.getSelection());
    expect(byTab.looks.at(-1)).toEqual(byR.looks.at(-1));
    expect(byTab.looks.at(-1)).toBeDefined();
    byR.editor.setCanvasFocus(true);
    byTab.editor.setCanvasFocus(true);
    expect(byTab.editor.getOverlay()).toEqual(byR.editor.getOverlay());
    expect(byTab.editor.getHint()).toBe(byR.editor.getHint());
  });

  it('R and Tab share their place: Tab carries on from a region R selected, R from one Tab selected', () => {
    const { store, editor } = setup();
    press(editor, 'r');
    press(editor, 'Tab');
    expect(store.getSelection().regions).toEqual(['us']);
    press(editor, 'r');
    expect(store.getSelection().regions).toEqual(['lab']);
    press(editor, 'Tab', { shift: true });
    expect(store.getSelection().regions).toEqual(['us']);
  });

  it('arrows, Ctrl+arrows, F2 and Delete act on a region Tab selected', () => {
    const { store, editor } = setup();
    press(editor, 'Tab', { shift: true });
    press(editor, 'Tab', { shift: true });
    press(editor, 'Tab', { shift: true });
    expect(store.getSelection().regions).toEqual(['eu']);
    press(editor, 'ArrowDown');
    expect(store.getDocument().regions.eu).toMatchObject({ x: 0, y: 20 });
    expect(store.getDocument().nodes.a).toMatchObject({ x: 40, y: 60, region: 'eu' });
    press(editor, 'ArrowRight', { ctrl: true });
    expect(store.getDocument().regions.eu).toMatchObject({ w: 320, h: 300 });
    press(editor, 'F2');
    expect(editor.getRenameTarget()).toEqual({ kind: 'regions', id: 'eu' });
    editor.startRename(undefined);
    press(editor, 'Delete');
    expect(store.getDocument().regions.eu).toBeUndefined();
  });

  it('with a node and a region selected, Tab goes on from the node', () => {
    const { store, editor } = setup();
    store.setSelection({ nodes: ['c'], links: [], regions: ['lab'] });
    press(editor, 'Tab');
    expect(store.getSelection()).toEqual({ nodes: ['free'], links: [], regions: [] });
  });

  it('while a link is being made from the keyboard, Tab still chooses among the nodes only', () => {
    const { store, editor } = setup();
    store.setSelection({ nodes: ['b'], links: [], regions: [] });
    press(editor, 'l');
    const targets = new Set<string | undefined>();
    for (let i = 0; i < 6; i++) {
      press(editor, 'Tab');
      targets.add(editor.tool.keyboardLink()?.targetId);
    }
    expect([...targets].sort()).toEqual(['a', 'c', 'free']);
  });
});

describe('Tab back into the canvas', () => {
  it('after Tab left it past the last region (still selected), starts again at the first node instead of leaving at once', () => {
    const store = new DocumentStore(threeRegionDesign());
    const editor = new Editor(store);
    editor.attachCamera(identityCamera({ x: -100, y: -100, w: 1400, h: 900 }));
    store.setSelection({ nodes: [], links: [], regions: ['us'] });
    expect(editor.selectNextTabStop(1)).toBe(true);
    expect(store.getSelection().regions).toEqual(['lab']);
    // Past the last stop, Tab leaves the canvas (focus goes on to the next control)…
    expect(editor.selectNextTabStop(1)).toBe(false);
    // …and coming back round, the walk starts again at the first node.
    expect(editor.selectNextTabStop(1)).toBe(true);
    expect(store.getSelection().nodes).toEqual(['a']);
    expect(editor.selectNextTabStop(1)).toBe(true);
    expect(store.getSelection().nodes).toEqual(['c']);
    // Shift+Tab out before the first node, and back in: from the last region.
    store.setSelection({ nodes: ['a'], links: [], regions: [] });
    expect(editor.selectNextTabStop(-1)).toBe(false);
    expect(editor.selectNextTabStop(-1)).toBe(true);
    expect(store.getSelection().regions).toEqual(['lab']);
    // A click in between: the user chose where to be, and the walk goes on from there.
    store.setSelection({ nodes: [], links: [], regions: ['lab'] });
    expect(editor.selectNextTabStop(1)).toBe(false);
    editor.canvasPressed();
    expect(editor.selectNextTabStop(1)).toBe(false);
  });
});
