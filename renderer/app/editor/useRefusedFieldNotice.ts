import { useEffect, type RefObject } from 'react';
import { useEditor } from '../../editor/EditorContext';

/** A field's name as its label shows it ("Requests per second"). */
function labelOf(field: HTMLElement): string {
  const label = field.id ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null;
  return label?.textContent?.trim() || 'A field';
}

/**
 * The inspector applies a field as it is typed and refuses text that is not a valid value (the
 * document keeps the one from before). Selecting something else then would quietly drop what was
 * typed: the field shows the saved value next time, with no error. So when the selection changes
 * while a field of the panel holds refused text, a notice says which value was dropped and what
 * the node keeps. (The check and scenario event editors refuse to close instead; the canvas
 * selection is not the inspector's to hold back.)
 */
export function useRefusedFieldNotice(panel: RefObject<HTMLElement | null>): void {
  const editor = useEditor();
  useEffect(() => {
    const store = editor.store;
    let selection = store.getSelection();
    // The store tells its listeners before React re-renders: the panel still shows the old fields.
    return store.subscribe(() => {
      const next = store.getSelection();
      if (next === selection) return;
      selection = next;
      const field = panel.current?.querySelector<HTMLInputElement | HTMLTextAreaElement>('[aria-invalid="true"]');
      if (field === null || field === undefined) return;
      const title = panel.current?.querySelector('[data-testid="inspector-title"]')?.textContent?.trim();
      editor.notify(`${labelOf(field)}${title ? ` of ${title}` : ''}: “${field.value}” was refused and not applied, so it keeps its saved value.`, 'warning');
    });
  }, [editor, panel]);
}
