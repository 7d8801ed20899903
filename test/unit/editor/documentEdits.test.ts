import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { copySelection, pasteContent } from '../../../renderer/editor/commands/clipboard';
import { parseClipboardText } from '../../../renderer/editor/commands/clipboardText';
import { addNode, deleteSelection, setConfigValue } from '../../../renderer/editor/commands/documentEdits';
import { linkVerdict } from '../../../renderer/editor/commands/linkRules';
import { handleEditorKey } from '../../../renderer/editor/keyboardShortcuts';
import { Editor } from '../../../renderer/editor/editor';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import { loadDocument } from '../../../shared/model/load';
import { saveDocument } from '../../../shared/model/save';
import { link, makeDocument, node } from './helpers';

describe('document edits', () => {
  it('adds nodes with fresh readable ids, snapped to the grid', () => {
    let doc = makeDocument();
    doc = produce(doc, (draft) => {
      addNode(draft, 'app', { x: 13, y: 29 });
      addNode(draft, 'app', { x: 200, y: 0 });
      addNode(draft, 'shard-router', { x: 0, y: 200 });
    });
    expect(Object.keys(doc.nodes)).toEqual(['app', 'app2', 'shards']);
    expect([doc.nodes.app.x, doc.nodes.app.y]).toEqual([20, 20]);
  });

  it('deleting a node removes its links and everything that names it, leaving a valid document', () => {
    const doc = makeDocument({
      nodes: [node('c', 'client'), node('lb', 'lb'), node('lb2', 'lb', 0, 0, { ha: { peer: 'lb' } }), node('a', 'app')],
      links: [link('c', 'lb'), link('lb', 'a'), link('lb2', 'a')],
    });
    doc.scenario = [
      { atS: 1, action: 'crash', target: 'lb' },
      { atS: 2, action: 'cut', target: 'c-lb' },
      { atS: 3, action: 'partition', groups: [['c', 'lb'], ['a']] },
      { atS: 4, action: 'note', note: 'kept' },
    ];
    doc.checks = [{ metric: 'utilization', node: 'lb', op: '<', value: 0.9 }, { metric: 'availability', op: '>', value: 0.9 }];
    const after = produce(doc, (draft) => deleteSelection(draft, { nodes: ['lb'], links: [], regions: [] }));
    expect(Object.keys(after.nodes)).toEqual(['c', 'lb2', 'a']);
    expect(Object.keys(after.links)).toEqual(['lb2-a']);
    expect(after.nodes.lb2.config).toEqual({});
    expect(after.scenario.map((event) => event.atS)).toEqual([3, 4]);
    expect(after.scenario[0].groups).toEqual([['c'], ['a']]);
    expect(after.checks).toHaveLength(1);
    const reloaded = loadDocument(saveDocument(after));
    expect(reloaded.ok ? [] : reloaded.errors).toEqual([]);
  });

  it('setConfigValue writes nested values and removes emptied objects when cleared', () => {
    let doc = makeDocument({ nodes: [node('lb', 'lb'), node('lb2', 'lb')] });
    doc = produce(doc, (draft) => setConfigValue(draft, ['lb', 'lb2'], ['healthCheck', 'intervalMs'], 250));
    expect(doc.nodes.lb.config).toEqual({ healthCheck: { intervalMs: 250 } });
    expect(doc.nodes.lb2.config).toEqual({ healthCheck: { intervalMs: 250 } });
    doc = produce(doc, (draft) => setConfigValue(draft, ['lb'], ['healthCheck', 'intervalMs'], undefined));
    expect(doc.nodes.lb.config).toEqual({});
  });

  it('copy and paste gives fresh ids, keeps links among the copied nodes and offsets the copies', () => {
    const doc = makeDocument({ nodes: [node('a', 'app', 0, 0), node('k', 'cache', 200, 0), node('d', 'db', 400, 0)], links: [link('a', 'k'), link('a', 'd')] });
    const content = copySelection(doc, { nodes: ['a', 'k'], links: [], regions: [] })!;
    let selection;
    const after = produce(doc, (draft) => {
      selection = pasteContent(draft, content, 40);
    });
    expect(selection).toEqual({ nodes: ['a2', 'k2'], links: ['a-k2'], regions: [] });
    expect(after.links['a-k2']).toMatchObject({ from: 'a2', to: 'k2' });
    expect([after.nodes.a2.x, after.nodes.a2.y]).toEqual([40, 40]);
    expect(Object.keys(after.links)).toHaveLength(3);
  });
});

describe('link rules', () => {
  const doc = makeDocument({ nodes: [node('c', 'client'), node('lb', 'lb'), node('a', 'app'), node('k', 'cache'), node('p', 'db'), node('r', 'db'), node('q', 'queue'), node('w', 'worker')], links: [link('c', 'lb')] });
  it('allows the data paths of DESIGN §3', () => {
    expect(linkVerdict(doc, 'lb', 'a')).toEqual({ ok: true, kind: 'traffic' });
    expect(linkVerdict(doc, 'a', 'k')).toEqual({ ok: true, kind: 'traffic' });
    expect(linkVerdict(doc, 'q', 'w')).toEqual({ ok: true, kind: 'traffic' });
    expect(linkVerdict(doc, 'p', 'r')).toEqual({ ok: true, kind: 'replication' });
  });
  it('refuses with a reason', () => {
    expect(linkVerdict(doc, 'a', 'a')).toEqual({ ok: false, reason: 'A node cannot link to itself.' });
    expect(linkVerdict(doc, 'c', 'lb')).toEqual({ ok: false, reason: 'c already links to lb.' });
    expect(linkVerdict(doc, 'k', 'a')).toEqual({ ok: false, reason: 'A cache sends no requests of its own.' });
    expect(linkVerdict(doc, 'c', 'p')).toEqual({ ok: false, reason: 'A client sends to a DNS server, a CDN, a load balancer, a reverse proxy or an app server, not to a database.' });
    expect(linkVerdict(doc, 'a', 'c')).toMatchObject({ ok: false, reason: expect.stringMatching(/^An app server sends to .*, not to a client\.$/) });
  });
});

describe('keyboard shortcuts', () => {
  it('arrow keys nudge the selection by a grid step (Shift: five), repeated presses undo as one', () => {
    const store = new DocumentStore(makeDocument({ nodes: [node('a', 'app', 100, 100)] }));
    const editor = new Editor(store);
    store.setSelection({ nodes: ['a'], links: [], regions: [] });
    handleEditorKey(editor, { key: 'ArrowRight', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: null });
    handleEditorKey(editor, { key: 'ArrowRight', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: null });
    handleEditorKey(editor, { key: 'ArrowDown', ctrlKey: false, metaKey: false, shiftKey: true, altKey: false, target: null });
    expect([store.getDocument().nodes.a.x, store.getDocument().nodes.a.y]).toEqual([140, 200]);
    store.undo();
    expect([store.getDocument().nodes.a.x, store.getDocument().nodes.a.y]).toEqual([100, 100]);
  });

  const press = (editor: Editor, key: string, modifiers: { ctrl?: boolean; shift?: boolean } = {}) =>
    handleEditorKey(editor, { key, ctrlKey: !!modifiers.ctrl, metaKey: false, shiftKey: !!modifiers.shift, altKey: false, target: null });

  it('select all, copy, paste, duplicate, delete, undo and redo', () => {
    const store = new DocumentStore(makeDocument({ nodes: [node('a', 'app'), node('b', 'cache', 300, 0)], links: [link('a', 'b')] }));
    const editor = new Editor(store);
    expect(press(editor, 'a', { ctrl: true })).toBe(true);
    expect(store.getSelection().nodes).toEqual(['a', 'b']);
    // Ctrl+C / V are the browser's: they arrive as copy / paste events (useClipboardEvents), which do this.
    expect(press(editor, 'c', { ctrl: true })).toBe(false);
    expect(press(editor, 'v', { ctrl: true })).toBe(false);
    const text = editor.copy()!;
    const parsed = parseClipboardText(text);
    if (parsed.kind !== 'content') throw new Error(`copied text did not parse: ${JSON.stringify(parsed)}`);
    editor.pasteFromClipboard(parsed.content, text);
    expect(Object.keys(store.getDocument().nodes)).toEqual(['a', 'b', 'a2', 'b2']);
    expect(Object.values(store.getDocument().links).map((l) => [l.from, l.to])).toEqual([['a', 'b'], ['a2', 'b2']]);
    press(editor, 'd', { ctrl: true });
    expect(Object.keys(store.getDocument().nodes)).toHaveLength(6);
    press(editor, 'Delete');
    expect(Object.keys(store.getDocument().nodes)).toEqual(['a', 'b', 'a2', 'b2']);
    press(editor, 'z', { ctrl: true });
    expect(Object.keys(store.getDocument().nodes)).toHaveLength(6);
    press(editor, 'Z', { ctrl: true, shift: true });
    expect(Object.keys(store.getDocument().nodes)).toHaveLength(4);
  });
});
