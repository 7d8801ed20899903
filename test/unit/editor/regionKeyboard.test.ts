import { describe, expect, it } from 'vitest';
import { Editor } from '../../../renderer/editor/editor';
import { REGION_MIN, type Rect } from '../../../renderer/editor/geometry';
import { describeRegion, nextRegionInOrder, regionOrder } from '../../../renderer/editor/keyboardNavigation';
import { handleCanvasKey, handleEditorKey } from '../../../renderer/editor/keyboardShortcuts';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import type { FaultlineDocument } from '../../../shared/model/types';
import { identityCamera, makeDocument, node, threeRegionDesign } from './helpers';


const VIEW: Rect = { x: -100, y: -100, w: 1400, h: 900 };

function setup(doc: FaultlineDocument = threeRegionDesign()) {
  const store = new DocumentStore(doc);
  const editor = new Editor(store);
  editor.attachCamera(identityCamera(VIEW));
  const notices: string[] = [];
  editor.notify = (message) => notices.push(message);
  return { store, editor, notices };
}

type Mods = { shift?: boolean; alt?: boolean; ctrl?: boolean };
const event = (key: string, modifiers: Mods = {}) => ({ key, ctrlKey: !!modifiers.ctrl, metaKey: false, shiftKey: !!modifiers.shift, altKey: !!modifiers.alt, target: null });
/** A key on the focused canvas: the canvas's keys first, then the editor's (as useEditorKeyboard does). */
const press = (editor: Editor, key: string, modifiers: Mods = {}) => handleCanvasKey(editor, event(key, modifiers)) || handleEditorKey(editor, event(key, modifiers));

describe('regions in words and in order', () => {
  it('a region is named with its node count, not "Region" twice', () => {
    const doc = threeRegionDesign();
    expect(describeRegion(doc, 'eu')).toBe('Region EU West, 2 nodes');
    expect(describeRegion(doc, 'us')).toBe('Region US East, 1 node');
    expect(describeRegion(doc, 'lab')).toBe('Region 3, 0 nodes');
    expect(describeRegion(doc, 'gone')).toBe('');
  });

  it('reading order goes by the boxes\' top-left corners; R wraps round both ways', () => {
    const doc = threeRegionDesign();
    expect(regionOrder(doc)).toEqual(['eu', 'us', 'lab']);
    expect(nextRegionInOrder(doc, undefined, 1)).toBe('eu');
    expect(nextRegionInOrder(doc, undefined, -1)).toBe('lab');
    expect(nextRegionInOrder(doc, 'lab', 1)).toBe('eu');
    expect(nextRegionInOrder(doc, 'eu', -1)).toBe('lab');
    expect(nextRegionInOrder(makeDocument(), undefined, 1)).toBeUndefined();
  });
});

describe('regions from the keyboard', () => {
  it('R and Shift+R select the regions in reading order; with none there is a hint', () => {
    const { store, editor } = setup();
    expect(press(editor, 'r')).toBe(true);
    expect(store.getSelection()).toEqual({ nodes: [], links: [], regions: ['eu'] });
    press(editor, 'R', { shift: true });
    expect(store.getSelection().regions).toEqual(['lab']);
    press(editor, 'r');
    expect(store.getSelection().regions).toEqual(['eu']);
    press(editor, 'r');
    expect(store.getSelection().regions).toEqual(['us']);

    const empty = setup(makeDocument({ nodes: [node('a', 'app')] }));
    press(empty.editor, 'r');
    expect(empty.store.getSelection().regions).toEqual([]);
    expect(empty.editor.getHint()).toMatch(/no regions/);
  });

  it('arrows move a selected region with its nodes; a run of presses is one undo step', () => {
    const { store, editor } = setup();
    press(editor, 'r');
    press(editor, 'ArrowDown');
    press(editor, 'ArrowDown', { shift: true });
    const doc = store.getDocument();
    expect(doc.regions.eu).toMatchObject({ x: 0, y: 120 });
    expect(doc.nodes.a).toMatchObject({ x: 40, y: 160, region: 'eu' });
    expect(doc.nodes.b).toMatchObject({ x: 40, y: 320, region: 'eu' });
    expect(doc.nodes.c).toMatchObject({ x: 640, y: 60 });
    store.undo();
    expect(store.getDocument().regions.eu).toMatchObject({ x: 0, y: 0 });
    expect(store.getDocument().nodes.a).toMatchObject({ x: 40, y: 40 });
    expect(store.canUndo()).toBe(false);
  });

  it('a region stepped over a node takes it in, then leaves it behind as a drag does, with the notices of a drag', () => {
    const { store, editor, notices } = setup();
    store.setSelection({ nodes: [], links: [], regions: ['eu'] });
    // Three steps right: EU (60..360) now covers free's centre (342, 130), which joins it.
    press(editor, 'ArrowRight');
    press(editor, 'ArrowRight');
    press(editor, 'ArrowRight');
    expect(store.getDocument().nodes.free).toMatchObject({ x: 260, y: 100, region: 'eu' });
    expect(notices.at(-1)).toMatch(/^1 node joined “EU West”: free\./);
    // Further right the box passes over free: it is not carried along, and leaves the region again.
    press(editor, 'ArrowRight', { shift: true });
    press(editor, 'ArrowRight', { shift: true });
    press(editor, 'ArrowRight', { shift: true });
    const doc = store.getDocument();
    expect(doc.regions.eu.x).toBe(360);
    expect(doc.nodes.free).toEqual(node('free', 'lb', 260, 100));
    expect(doc.nodes.a).toMatchObject({ x: 400, region: 'eu' });
    // The whole run is one step, and as a whole it changed no node's region.
    store.undo();
    expect(store.getDocument()).toEqual(threeRegionDesign());
  });

  it('Ctrl+arrows resize a selected region in grid steps, never under the minimum, as one undo step', () => {
    const { store, editor, notices } = setup();
    store.setSelection({ nodes: [], links: [], regions: ['eu'] });
    expect(press(editor, 'ArrowRight', { ctrl: true })).toBe(true);
    press(editor, 'ArrowRight', { ctrl: true });
    // EU grows to 340 wide: free's centre (342, 130) is still outside.
    expect(store.getDocument().regions.eu).toMatchObject({ x: 0, y: 0, w: 340, h: 300 });
    expect(store.getDocument().nodes.free.region).toBeUndefined();
    press(editor, 'ArrowRight', { ctrl: true });
    expect(store.getDocument().regions.eu.w).toBe(360);
    expect(store.getDocument().nodes.free.region).toBe('eu');
    expect(notices.at(-1)).toMatch(/^1 node joined “EU West”: free\./);
    // Shrinking stops at the pointer resize's minimum; nodes left outside leave.
    for (let i = 0; i < 10; i++) press(editor, 'ArrowUp', { ctrl: true, shift: true });
    for (let i = 0; i < 10; i++) press(editor, 'ArrowLeft', { ctrl: true, shift: true });
    expect(store.getDocument().regions.eu).toMatchObject({ x: 0, y: 0, w: REGION_MIN.w, h: REGION_MIN.h });
    expect(store.getDocument().nodes.b.region).toBeUndefined();
    expect(store.getDocument().nodes.free.region).toBeUndefined();
    expect(notices.at(-1)).toMatch(/^1 node left “EU West”: b\./);
    store.undo();
    expect(store.getDocument()).toEqual(threeRegionDesign());
  });

  it('Ctrl+arrows with no region selected resize nothing and say what to do', () => {
    const { store, editor } = setup();
    store.setSelection({ nodes: ['a'], links: [], regions: [] });
    press(editor, 'ArrowRight', { ctrl: true });
    expect(store.getDocument()).toEqual(threeRegionDesign());
    expect(editor.getHint()).toMatch(/^Select a region first \(R\)/);
  });

  it('the hint names the platform\'s modifier key: Ctrl by default, ⌘ where the app says so (a Mac)', () => {
    const { store, editor } = setup();
    store.setSelection({ nodes: ['a'], links: [], regions: [] });
    press(editor, 'ArrowRight', { ctrl: true });
    expect(editor.getHint()).toBe('Select a region first (R), then Ctrl with an arrow resizes it.');
    const mac = new Editor(new DocumentStore(threeRegionDesign()), { modKey: '⌘' });
    mac.attachCamera(identityCamera(VIEW));
    press(mac, 'ArrowRight', { ctrl: true });
    expect(mac.getHint()).toBe('Select a region first (R), then ⌘ with an arrow resizes it.');
  });

  it('F2 renames the selected region and Delete deletes it (its nodes stay, outside any region), one undo step', () => {
    const { store, editor } = setup();
    press(editor, 'r');
    press(editor, 'F2');
    expect(editor.getRenameTarget()).toEqual({ kind: 'regions', id: 'eu' });
    editor.startRename(undefined);
    press(editor, 'Delete');
    expect(store.getDocument().regions.eu).toBeUndefined();
    expect(store.getDocument().nodes.a.region).toBeUndefined();
    store.undo();
    expect(store.getDocument()).toEqual(threeRegionDesign());
  });
});
