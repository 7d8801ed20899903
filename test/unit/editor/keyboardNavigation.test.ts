import { describe, expect, it } from 'vitest';
import { Editor } from '../../../renderer/editor/editor';
import { handleCanvasKey } from '../../../renderer/editor/keyboardShortcuts';
import { describeNode, describeSelectionCounts, linksOfNode, nextLinkOfNode, nextNodeInDirection, nextNodeInOrder, readingOrder } from '../../../renderer/editor/keyboardNavigation';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import { link, makeDocument, node } from './helpers';

// A small grid of cards (164 × 60): c at the left, lb in the middle, two apps on the right.
//   c (0,100)    lb (300,100)   a1 (600,0)
//                               a2 (600,200)
//   db (300,400)
const doc = makeDocument({
  nodes: [node('a2', 'app', 600, 200), node('lb', 'lb', 300, 100), node('db', 'db', 300, 400), node('c', 'client', 0, 100), node('a1', 'app', 600, 0)],
  links: [link('c', 'lb'), link('lb', 'a1')],
});

describe('reading order', () => {
  it('goes top to bottom, left to right, whatever the order of the records', () => {
    expect(readingOrder(doc)).toEqual(['a1', 'c', 'lb', 'a2', 'db']);
  });
  it('keeps a slightly uneven row together, left to right', () => {
    const uneven = makeDocument({ nodes: [node('right', 'app', 400, 0), node('left', 'app', 0, 20)] });
    expect(readingOrder(uneven)).toEqual(['left', 'right']);
  });
  it('Tab steps forward and back, starts at either end, and stops past the ends so focus can leave', () => {
    expect(nextNodeInOrder(doc, undefined, 1)).toBe('a1');
    expect(nextNodeInOrder(doc, undefined, -1)).toBe('db');
    expect(nextNodeInOrder(doc, 'c', 1)).toBe('lb');
    expect(nextNodeInOrder(doc, 'c', -1)).toBe('a1');
    expect(nextNodeInOrder(doc, 'db', 1)).toBeUndefined();
    expect(nextNodeInOrder(doc, 'a1', -1)).toBeUndefined();
    expect(nextNodeInOrder(doc, 'gone', 1)).toBe('a1');
    expect(nextNodeInOrder(makeDocument(), undefined, 1)).toBeUndefined();
  });
});

describe('nextNodeInDirection', () => {
  it('finds the nearest node that way, preferring one straight ahead', () => {
    expect(nextNodeInDirection(doc, 'c', 'right')).toBe('lb');
    expect(nextNodeInDirection(doc, 'lb', 'left')).toBe('c');
    expect(nextNodeInDirection(doc, 'lb', 'down')).toBe('db');
    expect(nextNodeInDirection(doc, 'a1', 'down')).toBe('a2');
    expect(nextNodeInDirection(doc, 'a2', 'up')).toBe('a1');
    // From lb, a1 and a2 are equally far right and equally far aside: the smaller id wins.
    expect(nextNodeInDirection(doc, 'lb', 'right')).toBe('a1');
  });
  it('prefers a node within 45° over a closer one far off to the side', () => {
    const cone = makeDocument({ nodes: [node('o', 'app', 0, 0), node('ahead', 'app', 800, 40), node('aside', 'app', 200, 400)] });
    expect(nextNodeInDirection(cone, 'o', 'right')).toBe('ahead');
  });
  it('is undefined when nothing lies that way, and can start from a point or skip nodes', () => {
    expect(nextNodeInDirection(doc, 'c', 'left')).toBeUndefined();
    expect(nextNodeInDirection(doc, 'a1', 'up')).toBeUndefined();
    expect(nextNodeInDirection(doc, { x: 0, y: 0 }, 'right')).toBe('lb');
    expect(nextNodeInDirection(doc, 'lb', 'right', ['a1'])).toBe('a2');
    expect(nextNodeInDirection(doc, 'gone', 'right')).toBeUndefined();
  });
});

describe('a node\'s links', () => {
  it('are ordered by their other ends in reading order, and ] / [ wrap round them', () => {
    const three = makeDocument({ nodes: doc.nodes ? Object.values(doc.nodes) : [], links: [link('c', 'lb'), link('lb', 'a2'), link('lb', 'a1')] });
    expect(linksOfNode(three, 'lb')).toEqual(['lb-a1', 'c-lb', 'lb-a2']);
    expect(nextLinkOfNode(three, 'lb', undefined, 1)).toBe('lb-a1');
    expect(nextLinkOfNode(three, 'lb', undefined, -1)).toBe('lb-a2');
    expect(nextLinkOfNode(three, 'lb', 'lb-a2', 1)).toBe('lb-a1');
    expect(nextLinkOfNode(three, 'lb', 'lb-a1', -1)).toBe('lb-a2');
    expect(nextLinkOfNode(three, 'db', undefined, 1)).toBeUndefined();
  });
});

describe('describeNode', () => {
  it('names the node, its kind and its links, and in a run its state', () => {
    expect(describeNode(doc, 'lb')).toBe('lb, load balancer, 2 links');
    expect(describeNode(doc, 'a1', 'down')).toBe('a1, app server, 1 link, down');
    expect(describeNode(doc, 'db', 'up')).toBe('db, database, 0 links, up');
    expect(describeNode(doc, 'gone')).toBe('');
  });
});

describe('canvas keys', () => {
  const press = (editor: Editor, key: string, modifiers: { shift?: boolean; alt?: boolean; ctrl?: boolean } = {}) =>
    handleCanvasKey(editor, { key, ctrlKey: !!modifiers.ctrl, metaKey: false, shiftKey: !!modifiers.shift, altKey: !!modifiers.alt, target: null });
  const fresh = () => {
    const store = new DocumentStore(structuredClone(doc));
    return { store, editor: new Editor(store) };
  };

  it('Tab and Alt+arrows move the selection; Tab past the end is left to the browser; Escape clears', () => {
    const { store, editor } = fresh();
    expect(press(editor, 'Tab')).toBe(true);
    expect(store.getSelection().nodes).toEqual(['a1']);
    press(editor, 'Tab');
    expect(store.getSelection().nodes).toEqual(['c']);
    press(editor, 'ArrowRight', { alt: true });
    expect(store.getSelection().nodes).toEqual(['lb']);
    press(editor, 'ArrowDown', { alt: true });
    expect(store.getSelection().nodes).toEqual(['db']);
    expect(press(editor, 'Tab')).toBe(false);
    expect(store.getSelection().nodes).toEqual(['db']);
    press(editor, 'Tab', { shift: true });
    expect(store.getSelection().nodes).toEqual(['a2']);
    expect(press(editor, 'Escape')).toBe(true);
    expect(store.getSelection().nodes).toEqual([]);
    // Plain arrows are not the canvas's: they nudge (handleEditorKey).
    expect(press(editor, 'ArrowRight')).toBe(false);
  });

  it('L, arrows and Enter link through the link rules as one undo step; Escape cancels', () => {
    const { store, editor } = fresh();
    store.setSelection({ nodes: ['lb'], links: [], regions: [] });
    press(editor, 'l');
    // The first target offered is the nearest to the right.
    expect(editor.tool.keyboardLink()).toEqual({ fromId: 'lb', targetId: 'a1' });
    expect(editor.getOverlay().linkDrag).toMatchObject({ fromId: 'lb', targetId: 'a1', refused: 'lb already links to a1.' });
    // Enter on a refused target says why, as a drag does, and stays in link mode.
    press(editor, 'Enter');
    expect(editor.getHint()).toBe('Not linked: lb already links to a1.');
    expect(editor.tool.keyboardLink()).toBeDefined();
    press(editor, 'ArrowDown');
    expect(editor.tool.keyboardLink()?.targetId).toBe('a2');
    // Delete while choosing does not delete the source.
    press(editor, 'Delete');
    expect(Object.keys(store.getDocument().nodes)).toContain('lb');
    press(editor, 'Enter');
    expect(editor.tool.keyboardLink()).toBeUndefined();
    expect(store.getDocument().links['lb-a2']).toEqual({ id: 'lb-a2', from: 'lb', to: 'a2', kind: 'traffic' });
    expect(store.getSelection().links).toEqual(['lb-a2']);
    expect(editor.getOverlay().linkDrag).toBeUndefined();
    store.undo();
    expect(store.getDocument().links['lb-a2']).toBeUndefined();

    store.setSelection({ nodes: ['c'], links: [], regions: [] });
    press(editor, 'l');
    press(editor, 'Tab');
    expect(editor.tool.keyboardLink()?.targetId).not.toBe('c');
    press(editor, 'Escape');
    expect(editor.tool.keyboardLink()).toBeUndefined();
    expect(editor.getOverlay()).toEqual({});
    expect(Object.keys(store.getDocument().links)).toHaveLength(2);
    // Escape ended the link, not the selection.
    expect(store.getSelection().nodes).toEqual(['c']);
  });

  it('L with nothing selected says what to do; Shift+F10 and the Menu key ask for the menu of the selected node', () => {
    const { store, editor } = fresh();
    press(editor, 'l');
    expect(editor.getHint()).toMatch(/Select a node first/);
    expect(editor.tool.keyboardLink()).toBeUndefined();
    const asked: unknown[] = [];
    store.setSelection({ nodes: ['a1'], links: [], regions: [] });
    expect(press(editor, 'F10', { shift: true })).toBe(false);
    const stop = editor.onContextMenuRequest((target) => asked.push(target));
    expect(press(editor, 'F10', { shift: true })).toBe(true);
    expect(press(editor, 'ContextMenu')).toBe(true);
    store.setSelection({ nodes: [], links: ['lb-a1'], regions: [] });
    expect(press(editor, 'F10', { shift: true })).toBe(true);
    expect(asked).toEqual([
      { kind: 'nodes', id: 'a1' },
      { kind: 'nodes', id: 'a1' },
      { kind: 'links', id: 'lb-a1' },
    ]);
    stop();
  });

  it('] and [ walk the selected node\'s links; Tab and Alt+arrows then carry on from that node', () => {
    const { store, editor } = fresh();
    store.setSelection({ nodes: ['lb'], links: [], regions: [] });
    press(editor, ']');
    expect(store.getSelection()).toEqual({ nodes: [], links: ['lb-a1'], regions: [] });
    press(editor, ']');
    expect(store.getSelection().links).toEqual(['c-lb']);
    press(editor, ']');
    expect(store.getSelection().links).toEqual(['lb-a1']);
    press(editor, '[');
    expect(store.getSelection().links).toEqual(['c-lb']);
    press(editor, 'ArrowDown', { alt: true });
    expect(store.getSelection().nodes).toEqual(['db']);
    press(editor, ']');
    expect(editor.getHint()).toBe('db has no links.');
    store.setSelection({ nodes: ['lb'], links: [], regions: [] });
    press(editor, '[');
    press(editor, 'Tab');
    expect(store.getSelection().nodes).toEqual(['a2']);
    store.setSelection({ nodes: [], links: [], regions: [] });
    press(editor, ']');
    expect(editor.getHint()).toMatch(/Select a node first/);
  });

  it('a prompt is not styled as an error, a refusal is; one hint at a time, gone with the next canvas action', () => {
    const { store, editor } = fresh();
    store.setSelection({ nodes: ['lb'], links: [], regions: [] });
    press(editor, 'l');
    press(editor, 'ArrowDown');
    expect(editor.getHintState()).toEqual({ text: expect.stringMatching(/^Link lb → a2: Enter links/), tone: 'prompt' });
    press(editor, 'ArrowUp');
    expect(editor.getHintState()).toEqual({ text: 'lb already links to a1.', tone: 'refusal' });
    press(editor, 'Enter');
    expect(editor.getHintState()).toEqual({ text: 'Not linked: lb already links to a1.', tone: 'refusal' });
    press(editor, 'Escape');
    // A refusal left on the canvas goes with the next thing done there: here a selection.
    const { store: store2, editor: editor2 } = fresh();
    store2.setSelection({ nodes: ['c'], links: [], regions: [] });
    editor2.setHint('Not linked: c cannot send to a1.', 'refusal');
    press(editor2, 'Tab');
    expect(editor2.getHint()).toBeUndefined();
    // … or an edit, such as a nudge (it used to stay up until an unrelated Undo).
    editor2.setHint('Not linked: c cannot send to a1.', 'refusal');
    editor2.nudge(20, 0);
    expect(editor2.getHint()).toBeUndefined();
  });

  it('F2 renames the selected node; the canvas focus is shown in the overlay', () => {
    const { store, editor } = fresh();
    store.setSelection({ nodes: ['db'], links: [], regions: [] });
    press(editor, 'F2');
    expect(editor.getRenameTarget()).toEqual({ kind: 'nodes', id: 'db' });
    editor.setCanvasFocus(true);
    expect(editor.getOverlay().keyboardFocus).toBe(true);
    editor.setCanvasFocus(false);
    expect(editor.getOverlay().keyboardFocus).toBeUndefined();
  });
});

describe('describeSelectionCounts', () => {
  it('says what is selected, kind by kind, in the singular for one', () => {
    expect(describeSelectionCounts({ nodes: Array(12), links: Array(19), regions: Array(2) })).toBe('12 nodes, 19 links and 2 regions selected');
    expect(describeSelectionCounts({ nodes: ['a', 'b'], links: [], regions: [] })).toBe('2 nodes selected');
    expect(describeSelectionCounts({ nodes: ['a'], links: ['l'], regions: [] })).toBe('1 node and 1 link selected');
    expect(describeSelectionCounts({ nodes: [], links: [], regions: ['r', 's'] })).toBe('2 regions selected');
  });
});
