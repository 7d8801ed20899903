import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { copySelection, pasteContent } from '../../../renderer/editor/commands/clipboard';
import { parseClipboardText } from '../../../renderer/editor/commands/clipboardText';
import { addNode, deleteSelection, placeRegion, regionNameProblem, setConfigValue } from '../../../renderer/editor/commands/documentEdits';
import { linkVerdict } from '../../../shared/model/linkRules';
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
    const after = produce(doc, (draft) => {
      deleteSelection(draft, { nodes: ['lb'], links: [], regions: [] });
    });
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
    // The pasted link is named after its new ends (its original's id named the original's).
    expect(selection).toEqual({ nodes: ['a2', 'k2'], links: ['a2-k2'], regions: [] });
    expect(after.links['a2-k2']).toMatchObject({ from: 'a2', to: 'k2' });
    expect([after.nodes.a2.x, after.nodes.a2.y]).toEqual([40, 40]);
    expect(Object.keys(after.links)).toHaveLength(3);
  });

  it('copies are numbered on from their stem and named apart; ids stay within 64 characters', () => {
    const long = 'a'.repeat(64);
    let doc = makeDocument({ nodes: [node('app1', 'app', 0, 0), node('app2', 'app', 200, 0), node('app3', 'app', 400, 0), node(long, 'app', 600, 0)] });
    doc = produce(doc, (draft) => {
      draft.nodes.app1.name = 'Checkout';
    });
    for (let round = 0; round < 2; round++) {
      const content = copySelection(doc, { nodes: ['app1', long], links: [], regions: [] })!;
      doc = produce(doc, (draft) => {
        pasteContent(draft, content, 40);
      });
    }
    expect(Object.keys(doc.nodes)).toEqual(['app1', 'app2', 'app3', long, 'app4', `${'a'.repeat(63)}2`, 'app5', `${'a'.repeat(63)}3`]);
    expect([doc.nodes.app4.name, doc.nodes.app5.name]).toEqual(['Checkout 2', 'Checkout 3']);
    const reloaded = loadDocument(saveDocument(doc));
    expect(reloaded.ok ? [] : reloaded.errors).toEqual([]);
  });

  it('a pasted node keeps its name when no node has it any more (cut, then paste)', () => {
    let doc = makeDocument({ nodes: [node('app1', 'app', 0, 0), node('app2', 'app', 200, 0), node('db', 'db', 400, 0)] });
    doc = produce(doc, (draft) => {
      draft.nodes.app1.name = 'App A';
      draft.nodes.app2.name = 'App B';
      draft.regions.r1 = { id: 'r1', name: 'EU', x: 0, y: 300, w: 200, h: 100 };
    });
    const content = copySelection(doc, { nodes: ['app2'], links: [], regions: ['r1'] })!;
    doc = produce(doc, (draft) => {
      deleteSelection(draft, { nodes: ['app2'], links: [], regions: ['r1'] });
    });
    doc = produce(doc, (draft) => {
      pasteContent(draft, content, 0);
    });
    expect(doc.nodes.app2.name).toBe('App B');
    expect(Object.values(doc.regions).map((region) => region.name)).toEqual(['EU']);
    // Pasted again, the name is taken: the copy is named apart, as is a name another node shows as its id.
    doc = produce(doc, (draft) => {
      pasteContent(draft, content, 40);
      pasteContent(draft, { nodes: [{ ...node('x', 'app'), name: 'db' }], links: [], regions: [] }, 40);
    });
    expect(doc.nodes.app3.name).toBe('App B 2');
    expect(Object.values(doc.regions).map((region) => region.name)).toEqual(['EU', 'EU 2']);
    expect(doc.nodes.x2.name).toBe('db 2');
  });

  it('deleting what a partition or an HA peer in a set event names leaves a document that loads', () => {
    let doc = makeDocument({ nodes: [node('c', 'client'), node('lb1', 'lb'), node('lb2', 'lb'), node('a', 'app')], links: [link('c', 'lb1'), link('lb1', 'a')] });
    doc = produce(doc, (draft) => {
      draft.scenario = [
        { atS: 1, action: 'partition', groups: [['lb2'], ['a']] },
        { atS: 2, action: 'partition', groups: [['lb2']] },
        { atS: 2.5, action: 'partition', groups: [['lb1', 'lb2'], ['a'], ['c']] },
        { atS: 2.75, action: 'partition', groups: [['c']] },
        { atS: 3, action: 'set', target: 'lb1', params: { ha: { peer: 'lb2' } } },
        { atS: 4, action: 'set', target: 'lb1', params: { ha: { peer: 'lb2' }, serviceMs: 1 } },
      ];
    });
    let along;
    const after = produce(doc, (draft) => {
      along = deleteSelection(draft, { nodes: ['lb2'], links: [], regions: [] });
    });
    // Both partitions are left with fewer than two groups, so they would cut nothing off: they go,
    // as does the peer-only set event (the other keeps its service time).
    // A partition still between two groups keeps them; one that never named lb2 is not the deletion's to judge.
    expect(after.scenario).toEqual([
      { atS: 2.5, action: 'partition', groups: [['lb1'], ['a'], ['c']] },
      { atS: 2.75, action: 'partition', groups: [['c']] },
      { atS: 4, action: 'set', target: 'lb1', params: { serviceMs: 1 } },
    ]);
    expect(along).toEqual({ scenarioEvents: 3, checks: 0 });
    const reloaded = loadDocument(saveDocument(after));
    expect(reloaded.ok ? [] : reloaded.errors).toEqual([]);
  });
});

describe('deleting a region a partition names', () => {
  // us holds a1 and a2, eu holds r; c and k are in no region.
  const regions = [
    { id: 'us', name: 'US', x: 0, y: 0, w: 600, h: 200 },
    { id: 'eu', name: 'EU', x: 0, y: 400, w: 600, h: 200 },
  ];
  function twoRegions() {
    const doc = makeDocument({ regions, nodes: [node('c', 'client', 0, -300), node('a1', 'app', 40, 80), node('a2', 'app', 300, 80), node('r', 'db', 40, 480), node('k', 'cache', 900, 0)] });
    return produce(doc, (draft) => {
      draft.nodes.a1.region = 'us';
      draft.nodes.a2.region = 'us';
      draft.nodes.r.region = 'eu';
    });
  }

  it('puts the region’s nodes in its place: the same nodes stay cut off, narration and all', () => {
    const doc = produce(twoRegions(), (draft) => {
      draft.scenario = [{ atS: 20, action: 'partition', groups: [['us'], ['eu']], note: 'The coasts are cut apart.' }];
    });
    let along;
    const after = produce(doc, (draft) => {
      along = deleteSelection(draft, { nodes: [], links: [], regions: ['eu'] });
    });
    expect(after.scenario).toEqual([{ atS: 20, action: 'partition', groups: [['us'], ['r']], note: 'The coasts are cut apart.' }]);
    expect(along).toEqual({ scenarioEvents: 0, checks: 0 });
    const reloaded = loadDocument(saveDocument(after));
    expect(reloaded.ok ? reloaded.warnings : reloaded.errors).toEqual([]);
  });

  it('keeps a node named on its own in the later group, as the run does; nodes deleted with the region go', () => {
    const doc = produce(twoRegions(), (draft) => {
      draft.scenario = [
        // a1 named on its own in group 0 and through us in group 1: the run puts it in group 1.
        { atS: 1, action: 'partition', groups: [['a1', 'c'], ['us']] },
        // a2 named in group 1 and through us in group 0: the run puts it in group 1.
        { atS: 2, action: 'partition', groups: [['us', 'k'], ['a2']] },
        { atS: 3, action: 'partition', groups: [['us'], ['eu']] },
      ];
    });
    const regionOnly = produce(doc, (draft) => {
      deleteSelection(draft, { nodes: [], links: [], regions: ['us'] });
    });
    expect(regionOnly.scenario.map((event) => event.groups)).toEqual([
      [['c'], ['a1', 'a2']],
      [['a1', 'k'], ['a2']],
      [['a1', 'a2'], ['eu']],
    ]);
    // Deleted together with its nodes, the region leaves each partition one side: all three go, counted.
    let along;
    const withNodes = produce(doc, (draft) => {
      along = deleteSelection(draft, { nodes: ['a1', 'a2'], links: [], regions: ['us'] });
    });
    expect(withNodes.scenario).toEqual([]);
    expect(along).toEqual({ scenarioEvents: 3, checks: 0 });
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
    editor.paste(parsed.content);
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

describe('region membership follows the boxes', () => {
  // Node cards are 164 × 60 (geometry.ts): a node at (x, y) belongs to the smallest region holding its centre.
  const region = (id: string, x: number, y: number, w: number, h: number) => ({ id, name: id, x, y, w, h });
  const inRegion = (n: ReturnType<typeof node>, r: string) => ({ ...n, region: r });

  it('a region dragged over other nodes takes them in; a nested region deleted hands its nodes to the one around it', () => {
    let doc = makeDocument({
      regions: [region('outer', 0, 0, 1000, 600), region('inner', 40, 40, 300, 200), region('side', 1200, 0, 400, 300)],
      nodes: [inRegion(node('a', 'app', 80, 80), 'inner'), inRegion(node('b', 'app', 600, 400), 'outer'), inRegion(node('s', 'app', 1240, 40), 'side')],
    });
    // Drag "side" (and its node s) over b: b now sits inside side's box.
    doc = produce(doc, (draft) => placeRegion(draft, 'side', { x: 1200, y: 0 }, new Map([['s', { x: 1240, y: 40 }]]), { x: -640, y: 320 }));
    expect(doc.nodes.b.region).toBe('side');
    expect(doc.nodes.s.region).toBe('side');
    // Deleting the nested region leaves a in the region around it, not in none.
    doc = produce(doc, (draft) => {
      deleteSelection(draft, { nodes: [], links: [], regions: ['inner'] });
    });
    expect(doc.nodes.a.region).toBe('outer');
  });
});

describe('deleting from the editor', () => {
  it('says which scenario events and checks went with the deletion (undo brings them back)', () => {
    const doc = produce(makeDocument({ nodes: [node('c', 'client'), node('a', 'app')], links: [link('c', 'a')] }), (draft) => {
      draft.scenario = [{ atS: 1, action: 'crash', target: 'a' }, { atS: 2, action: 'restart', target: 'a' }];
      draft.checks = [{ metric: 'utilization', node: 'a', op: '<', value: 0.9 }];
    });
    const store = new DocumentStore(doc);
    const editor = new Editor(store);
    const notices: string[] = [];
    editor.notify = (message) => notices.push(message);
    store.setSelection({ nodes: ['a'], links: [], regions: [] });
    editor.deleteSelected();
    expect(notices).toEqual(['Also deleted: 2 scenario events and 1 check that named what you deleted. Undo brings them back.']);
    editor.undo();
    expect(store.getDocument()).toEqual(doc);
    // Nothing else named it: no notice.
    store.setSelection({ nodes: [], links: ['c-a'], regions: [] });
    editor.deleteSelected();
    expect(notices).toHaveLength(1);
  });
});

describe('a region name', () => {
  it('is needed, and is not another region\'s (notices name regions; two of one name made them ambiguous)', () => {
    const doc = { regions: { eu: { id: 'eu', name: 'EU West', x: 0, y: 0, w: 100, h: 100 }, us: { id: 'us', name: 'US East', x: 200, y: 0, w: 100, h: 100 } } };
    expect(regionNameProblem('  ', doc, 'us')).toBe('a region needs a name');
    expect(regionNameProblem('eu west ', doc, 'us')).toBe('another region is already called "EU West"');
    // Its own name (a case change, a re-type) is fine, and so is a new one.
    expect(regionNameProblem('us east', doc, 'us')).toBeNull();
    expect(regionNameProblem('Asia', doc, 'us')).toBeNull();
  });
});
