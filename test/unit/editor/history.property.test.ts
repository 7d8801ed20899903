import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLink, addNode, deleteSelection, placeNodes, setConfigValue } from '../../../renderer/editor/commands/documentEdits';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import { saveDocument } from '../../../shared/model/save';
import { makeDocument, node } from './helpers';

type Step =
  | { op: 'add'; x: number; y: number }
  | { op: 'move'; index: number; dx: number; dy: number }
  | { op: 'config'; index: number; workers: number | undefined; squash: boolean }
  | { op: 'link'; from: number; to: number }
  | { op: 'delete'; index: number }
  | { op: 'gesture'; index: number; moves: number; cancel: boolean }
  | { op: 'undo' }
  | { op: 'redo' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) }),
  fc.record({ op: fc.constant('move' as const), index: fc.nat(8), dx: fc.integer({ min: -100, max: 100 }), dy: fc.integer({ min: -100, max: 100 }) }),
  fc.record({ op: fc.constant('config' as const), index: fc.nat(8), workers: fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }), squash: fc.boolean() }),
  fc.record({ op: fc.constant('link' as const), from: fc.nat(8), to: fc.nat(8) }),
  fc.record({ op: fc.constant('delete' as const), index: fc.nat(8) }),
  fc.record({ op: fc.constant('gesture' as const), index: fc.nat(8), moves: fc.integer({ min: 1, max: 4 }), cancel: fc.boolean() }),
  fc.constant({ op: 'undo' as const }),
  fc.constant({ op: 'redo' as const }),
);

function pick(store: DocumentStore, index: number): string | undefined {
  const ids = Object.keys(store.getDocument().nodes);
  return ids.length === 0 ? undefined : ids[index % ids.length];
}

function run(store: DocumentStore, action: Step): void {
  switch (action.op) {
    case 'add':
      store.update((draft) => void addNode(draft, 'app', { x: action.x, y: action.y }));
      return;
    case 'move': {
      const id = pick(store, action.index);
      if (!id) return;
      const start = store.getDocument().nodes[id];
      store.update((draft) => placeNodes(draft, new Map([[id, { x: start.x, y: start.y }]]), { x: action.dx, y: action.dy }));
      return;
    }
    case 'config': {
      const id = pick(store, action.index);
      if (id) store.update((draft) => setConfigValue(draft, [id], ['workers'], action.workers), action.squash ? { squashKey: `w:${id}` } : {});
      return;
    }
    case 'link': {
      const from = pick(store, action.from);
      const to = pick(store, action.to);
      if (from && to && from !== to) store.update((draft) => void addLink(draft, from, to, 'traffic'));
      return;
    }
    case 'delete': {
      const id = pick(store, action.index);
      if (id) store.update((draft) => deleteSelection(draft, { nodes: [id], links: [], regions: [] }));
      return;
    }
    case 'gesture': {
      const id = pick(store, action.index);
      if (!id) return;
      const start = store.getDocument().nodes[id];
      store.mark('g');
      for (let move = 1; move <= action.moves; move++) store.update((draft) => placeNodes(draft, new Map([[id, { x: start.x, y: start.y }]]), { x: move * 30, y: 0 }));
      if (action.cancel) store.bailToMark('g');
      else store.squashToMark('g');
      return;
    }
    case 'undo':
      store.undo();
      return;
    case 'redo':
      store.redo();
  }
}

describe('history (property)', () => {
  it('undoing everything gives back the first document and redoing everything the newest, for any edit sequence', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const store = new DocumentStore(makeDocument({ nodes: [node('seed', 'app', 0, 0)] }));
        const first = saveDocument(store.getDocument());
        for (const action of steps) run(store, action);
        // The tip of history: the sequence may end with undos, so redo to the newest state first.
        while (store.canRedo()) store.redo();
        const last = saveDocument(store.getDocument());
        while (store.canUndo()) store.undo();
        expect(saveDocument(store.getDocument())).toBe(first);
        expect(store.isDirty()).toBe(false);
        while (store.canRedo()) store.redo();
        expect(saveDocument(store.getDocument())).toBe(last);
      }),
      { numRuns: 200 },
    );
  });
});
