import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Editor, Hint, RenameTarget } from './editor';

const EditorContext = createContext<Editor | null>(null);

export function EditorProvider({ editor, children }: { editor: Editor; children: ReactNode }) {
  return <EditorContext.Provider value={editor}>{children}</EditorContext.Provider>;
}

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor() needs an <EditorProvider> above it.');
  return editor;
}

export function useEditorHint(): Hint | undefined {
  const editor = useEditor();
  return useSyncExternalStore(
    (listener) => editor.subscribe(listener),
    () => editor.getHintState(),
  );
}

export function useRenameTarget(): RenameTarget | undefined {
  const editor = useEditor();
  return useSyncExternalStore(
    (listener) => editor.subscribe(listener),
    () => editor.getRenameTarget(),
  );
}
