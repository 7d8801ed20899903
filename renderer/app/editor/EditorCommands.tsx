import type { ThemeName } from '../../canvas/theme';
import { useEditor } from '../../editor/EditorContext';
import { isEmptySelection } from '../../editor/store/selection';
import { useCommandHandler } from '../menu/CommandDispatcherContext';

/**
 * What the editor does for the Edit and View menus (in-page and native). Registered after the
 * menu bar's plain store handlers, so undo and redo also cancel a gesture in progress.
 */
export function EditorCommands({ theme, onThemeChange }: { theme: ThemeName; onThemeChange: (theme: ThemeName) => void }) {
  const editor = useEditor();
  const store = editor.store;
  useCommandHandler('edit.undo', () => editor.undo(), () => store.canUndo());
  useCommandHandler('edit.redo', () => editor.redo(), () => store.canRedo());
  const hasSelection = () => !isEmptySelection(store.getSelection());
  useCommandHandler('edit.duplicate', () => editor.duplicate(), hasSelection);
  useCommandHandler('edit.delete', () => editor.deleteSelected(), hasSelection);
  useCommandHandler('edit.selectAll', () => editor.selectAll());
  useCommandHandler('view.zoomIn', () => editor.zoomIn());
  useCommandHandler('view.zoomOut', () => editor.zoomOut());
  useCommandHandler('view.zoomReset', () => editor.zoomReset());
  useCommandHandler('view.fit', () => editor.fitToContent());
  useCommandHandler('view.toggleDarkMode', () => onThemeChange(theme === 'dark' ? 'light' : 'dark'), undefined, () => theme === 'dark');
  return null;
}
