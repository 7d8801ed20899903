import type { MenuCommand } from '../../../shared/ipc/menuCommands';
import { notForTheDiagram } from '../../editor/keyboardShortcuts';
import type { CommandDispatcher } from './commandDispatcher';

/** The native text action each of these menu commands stands for when focus is in a text field. */
const TEXT_ACTIONS: Partial<Record<MenuCommand, 'selectAll' | 'delete'>> = {
  'edit.selectAll': 'selectAll',
  'edit.delete': 'delete',
};

/**
 * Runs a command chosen in the desktop's native menu. Edit → Select All and Delete act on
 * whatever has focus: in a text field (or a dialog) they are the field's own actions, as the
 * Electron roles they replace were (document.execCommand is what those roles run); elsewhere
 * they are the diagram's — select every node, delete the selection (undoable).
 */
export function runNativeMenuCommand(command: MenuCommand, dispatcher: CommandDispatcher, document: Pick<Document, 'activeElement' | 'execCommand'>): void {
  const textAction = TEXT_ACTIONS[command];
  if (textAction && notForTheDiagram(document.activeElement)) {
    document.execCommand(textAction);
    return;
  }
  dispatcher.run(command);
}
