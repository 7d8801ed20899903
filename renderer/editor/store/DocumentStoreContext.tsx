import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { FaultlineDocument } from '../../../shared/model/types';
import type { DocumentStore } from './documentStore';
import type { Selection } from './selection';
import { TextEdit } from './textEdit';

const DocumentStoreContext = createContext<DocumentStore | null>(null);

/** Makes the window's single document store reachable from every panel. */
export function DocumentStoreProvider({ store, children }: { store: DocumentStore; children: ReactNode }) {
  return <DocumentStoreContext.Provider value={store}>{children}</DocumentStoreContext.Provider>;
}

export function useDocumentStore(): DocumentStore {
  const store = useContext(DocumentStoreContext);
  if (!store) throw new Error('useDocumentStore() needs a <DocumentStoreProvider> above it.');
  return store;
}

/** The current document; re-renders when it changes. */
export function useDocument(): FaultlineDocument {
  const store = useDocumentStore();
  return useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getDocument(),
  );
}

/** The current selection; re-renders when it changes. */
export function useSelection(): Selection {
  const store = useDocumentStore();
  return useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getSelection(),
  );
}

/** A text field's edit session (see TextEdit); a field removed while being edited ends its edit. */
export function useTextEdit(label: string): TextEdit {
  const store = useDocumentStore();
  const [edit] = useState(() => new TextEdit(store, label));
  useEffect(() => () => edit.finish(), [edit]);
  return edit;
}
