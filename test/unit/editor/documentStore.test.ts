import { describe, expect, it } from 'vitest';
import { createEmptyDocument } from '../../../shared/model/document';
import type { FaultlineDocument, NodeRecord } from '../../../shared/model/types';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import { selectionOf } from '../../../renderer/editor/store/selection';

function node(id: string, x = 0, y = 0): NodeRecord {
  return { id, kind: 'app', x, y, config: {} };
}

function storeWith(...nodes: NodeRecord[]): DocumentStore {
  const doc: FaultlineDocument = createEmptyDocument('Test');
  for (const record of nodes) doc.nodes[record.id] = record;
  return new DocumentStore(doc);
}

describe('DocumentStore', () => {
  it('records each update as one undoable, redoable step', () => {
    const store = storeWith();
    store.update((draft) => {
      draft.nodes.a = node('a');
    });
    store.update((draft) => {
      draft.nodes.a.name = 'Alpha';
    });
    expect(store.getDocument().nodes.a.name).toBe('Alpha');
    store.undo();
    expect(store.getDocument().nodes.a.name).toBeUndefined();
    store.undo();
    expect(Object.hasOwn(store.getDocument().nodes, 'a')).toBe(false);
    expect(store.canUndo()).toBe(false);
    store.redo();
    store.redo();
    expect(store.getDocument().nodes.a.name).toBe('Alpha');
    expect(store.canRedo()).toBe(false);
  });

  it('keeps earlier documents intact (structural sharing, no mutation)', () => {
    const store = storeWith(node('a', 1, 2));
    const before = store.getDocument();
    store.update((draft) => {
      draft.nodes.a.x = 50;
    });
    expect(before.nodes.a.x).toBe(1);
    expect(store.getDocument()).not.toBe(before);
  });

  it('records nothing for a recipe that changes nothing', () => {
    const store = storeWith(node('a'));
    expect(store.update(() => {})).toBe(false);
    expect(store.canUndo()).toBe(false);
  });

  it('a new edit clears redo', () => {
    const store = storeWith(node('a'));
    store.update((draft) => {
      draft.nodes.a.x = 10;
    });
    store.undo();
    expect(store.canRedo()).toBe(true);
    store.update((draft) => {
      draft.nodes.a.y = 10;
    });
    expect(store.canRedo()).toBe(false);
  });

  it('squashes a gesture into one step at its mark', () => {
    const store = storeWith(node('a'));
    store.mark('drag');
    for (let step = 1; step <= 5; step++) {
      store.update((draft) => {
        draft.nodes.a.x = step * 10;
      });
    }
    store.squashToMark('drag');
    expect(store.getDocument().nodes.a.x).toBe(50);
    store.undo();
    expect(store.getDocument().nodes.a.x).toBe(0);
    expect(store.canUndo()).toBe(false);
    store.redo();
    expect(store.getDocument().nodes.a.x).toBe(50);
  });

  it('bailing gives back the redo stack the gesture found', () => {
    const store = storeWith(node('a'));
    store.update((draft) => {
      draft.nodes.a.x = 10;
    });
    store.undo();
    store.mark('drag');
    store.update((draft) => {
      draft.nodes.a.y = 99;
    });
    expect(store.canRedo()).toBe(false);
    store.bailToMark('drag');
    expect(store.getDocument().nodes.a.y).toBe(0);
    store.redo();
    expect(store.getDocument().nodes.a.x).toBe(10);
  });

  it('bails to a mark: a cancelled gesture leaves no trace', () => {
    const store = storeWith(node('a'));
    store.update((draft) => {
      draft.nodes.a.name = 'kept';
    });
    store.mark('drag');
    store.update((draft) => {
      draft.nodes.a.x = 30;
    });
    store.update((draft) => {
      draft.nodes.b = node('b');
    });
    store.bailToMark('drag');
    const doc = store.getDocument();
    expect(doc.nodes.a.x).toBe(0);
    expect(doc.nodes.a.name).toBe('kept');
    expect(Object.hasOwn(doc.nodes, 'b')).toBe(false);
    expect(store.canRedo()).toBe(false);
    store.undo();
    expect(store.getDocument().nodes.a.name).toBeUndefined();
  });

  it('merges consecutive updates with the same squash key (typing in one field)', () => {
    const store = storeWith(node('a'));
    for (const workers of [1, 12, 128]) {
      store.update((draft) => {
        draft.nodes.a.config.workers = workers;
      }, { squashKey: 'a.workers' });
    }
    store.update((draft) => {
      draft.nodes.a.config.queueLimit = 5;
    }, { squashKey: 'a.queueLimit' });
    store.undo();
    expect(store.getDocument().nodes.a.config).toEqual({ workers: 128 });
    store.undo();
    expect(store.getDocument().nodes.a.config).toEqual({});
    expect(store.canUndo()).toBe(false);
  });

  it('is dirty after an edit, clean after markSaved, and clean again when undone back to the save point', () => {
    const store = storeWith(node('a'));
    expect(store.isDirty()).toBe(false);
    store.update((draft) => {
      draft.nodes.a.x = 1;
    });
    expect(store.isDirty()).toBe(true);
    store.markSaved();
    expect(store.isDirty()).toBe(false);
    store.update((draft) => {
      draft.nodes.a.x = 2;
    });
    expect(store.isDirty()).toBe(true);
    store.undo();
    expect(store.isDirty()).toBe(false);
    store.undo();
    expect(store.isDirty()).toBe(true);
    store.redo();
    expect(store.isDirty()).toBe(false);
  });

  it('does not squash a typed edit into the step that was saved', () => {
    const store = storeWith(node('a'));
    store.update((draft) => {
      draft.nodes.a.config.workers = 1;
    }, { squashKey: 'k' });
    store.markSaved();
    store.update((draft) => {
      draft.nodes.a.config.workers = 2;
    }, { squashKey: 'k' });
    expect(store.isDirty()).toBe(true);
    store.undo();
    expect(store.isDirty()).toBe(false);
    expect(store.getDocument().nodes.a.config.workers).toBe(1);
  });

  it('replaceDocument clears history, selection and dirtiness', () => {
    const store = storeWith(node('a'));
    store.update((draft) => {
      draft.nodes.a.x = 5;
    });
    store.setSelection(selectionOf('nodes', ['a']));
    const fresh = createEmptyDocument('Other');
    store.replaceDocument(fresh);
    expect(store.getDocument()).toBe(fresh);
    expect(store.canUndo()).toBe(false);
    expect(store.canRedo()).toBe(false);
    expect(store.isDirty()).toBe(false);
    expect(store.getSelection().nodes).toEqual([]);
  });

  it('selection is not history, and undo drops selected ids that no longer exist', () => {
    const store = storeWith();
    store.update((draft) => {
      draft.nodes.a = node('a');
    });
    store.setSelection(selectionOf('nodes', ['a']));
    expect(store.canUndo()).toBe(true);
    store.undo();
    expect(store.getSelection().nodes).toEqual([]);
    store.redo();
    store.setSelection(selectionOf('nodes', ['a']));
    store.undo();
    store.redo();
    expect(store.canRedo()).toBe(false);
  });

  it('undoes and redoes edits of a node whose id is "constructor" (immer refuses such patch paths)', () => {
    const id: string = 'constructor';
    const store = storeWith();
    store.update((draft) => {
      draft.nodes[id] = node(id);
    });
    store.update((draft) => {
      draft.nodes[id].x = 40;
    });
    store.undo();
    expect(store.getDocument().nodes[id].x).toBe(0);
    store.undo();
    expect(Object.hasOwn(store.getDocument().nodes, id)).toBe(false);
    store.redo();
    store.redo();
    expect(store.getDocument().nodes[id].x).toBe(40);
  });

  it('undoing a delete puts the record back in its place (order is link order and file order)', () => {
    const store = storeWith(node('a'), node('b'), node('c'));
    store.update((draft) => {
      delete draft.nodes.a;
    });
    store.undo();
    expect(Object.keys(store.getDocument().nodes)).toEqual(['a', 'b', 'c']);
    store.redo();
    expect(Object.keys(store.getDocument().nodes)).toEqual(['b', 'c']);
  });

  it('tells subscribers about changes and stops after unsubscribe', () => {
    const store = storeWith(node('a'));
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.update((draft) => {
      draft.nodes.a.x = 1;
    });
    store.setSelection(selectionOf('nodes', ['a']));
    expect(calls).toBe(2);
    unsubscribe();
    store.undo();
    expect(calls).toBe(2);
  });
});
