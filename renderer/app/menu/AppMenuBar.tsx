import { Menu } from '@base-ui/react/menu';
import { Menubar } from '@base-ui/react/menubar';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Host } from '../../host/host';
import { useDocumentStore } from '../../editor/store/DocumentStoreContext';
import { useEditor } from '../../editor/EditorContext';
import { useClipboardCommands, useClipboardEvents } from '../editor/useClipboardEvents';
import { FileDialogs } from '../files/FileDialogs';
import { useFileIntegration } from '../files/useFileIntegration';
import { useCommandDispatcher, useCommandHandler } from './CommandDispatcherContext';
import { LessonsBrowser } from '../lessons/LessonsBrowser';
import { HelpDialogs } from '../help/HelpDialogs';
import { buildMenuModel, type MenuModel } from './menuModel';
import { WEB_NEW_KEYS } from './webShortcuts';
import './menuBar.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';
const MODEL = buildMenuModel(MOD);

function TopMenu({ menu }: { menu: MenuModel }) {
  const dispatcher = useCommandDispatcher();
  useSyncExternalStore(
    (listener) => dispatcher.subscribe(listener),
    () => dispatcher.getVersion(),
  );
  // Re-rendered on opening, so enabled states (Undo, Revert) are read when the menu is shown.
  const [, setOpen] = useState(false);
  // Set when an item is chosen: then focus is not put back on the menu trigger, where it would
  // pull focus out of a dialog the command has just opened (Open Share Code…, Save changes?).
  const chose = useRef(false);
  return (
    <Menu.Root
      onOpenChange={(open) => {
        if (open) chose.current = false;
        setOpen(open);
      }}
    >
      <Menu.Trigger className="menu-trigger">{menu.label}</Menu.Trigger>
      <Menu.Portal>
        <Menu.Positioner className="menu-positioner" sideOffset={4}>
          {/* After a choice focus leaves the menu bar (as in desktop apps), so Space plays instead
              of reopening the menu and a dialog the command opened keeps focus; a menu closed
              with Escape gives focus back to its trigger. */}
          <Menu.Popup className="menu-popup" data-testid={`menu-${menu.label.toLowerCase()}`} finalFocus={(closeType) => closeType === 'keyboard' && !chose.current}>
            {menu.items.map((item, index) => {
              if (item.type === 'separator') return <Menu.Separator key={index} className="menu-separator" />;
              return (
                <Menu.Item
                  key={item.command}
                  className="menu-item"
                  disabled={!dispatcher.isAvailable(item.command)}
                  onClick={() => {
                    chose.current = true;
                    dispatcher.run(item.command);
                  }}
                  data-command={item.command}
                  aria-keyshortcuts={item.shortcut?.replace('⌘', 'Meta').replace('Ctrl', 'Control')}
                >
                  <span>{item.label}</span>
                  {item.shortcut && (
                    <span className="menu-item-shortcut" aria-hidden="true">
                      {item.shortcut}
                    </span>
                  )}
                </Menu.Item>
              );
            })}
          </Menu.Popup>
        </Menu.Positioner>
      </Menu.Portal>
    </Menu.Root>
  );
}

/**
 * The in-page menu bar: File / Edit / View / Simulation / Help, the web edition's only menu. On
 * the desktop the native menu sends the same commands to the same dispatcher, so the bar is not
 * drawn there. Either way it hosts the file machinery (dialogs, autosave, recovery, drop to
 * open, native menu commands), so the app shell needs only `<AppMenuBar host={host} />` inside
 * its DocumentStoreProvider.
 */
export function AppMenuBar({ host }: { host: Host }) {
  const store = useDocumentStore();
  const dispatcher = useCommandDispatcher();
  const { queue, dragging, commands } = useFileIntegration(host, store, dispatcher);
  const editor = useEditor();
  const getAppInfo = useCallback(() => host.getAppInfo(), [host]);
  const notify = useCallback((message: string, tone: 'error' | 'warning') => queue.notify(message, tone), [queue]);
  useEffect(() => {
    editor.notify = notify;
  }, [editor, notify]);
  useClipboardEvents(editor, notify);
  useClipboardCommands(editor, notify);

  // The document's own history; the editor may register richer handlers, which then take over.
  useCommandHandler('edit.undo', () => store.undo(), () => store.canUndo());
  useCommandHandler('edit.redo', () => store.redo(), () => store.canRedo());

  return (
    <>
      {/* The desktop has the native menu (same commands, same dispatcher); a second bar in the page would only repeat it. */}
      {host.edition === 'web' && (
        <Menubar className="app-menu-bar" data-testid="app-menu-bar">
          {MODEL.map((menu) => (
            <TopMenu key={menu.label} menu={menu} />
          ))}
        </Menubar>
      )}
      <FileDialogs queue={queue} />
      <LessonsBrowser openBuiltin={commands.openBuiltin} />
      <HelpDialogs mod={MOD} newKeys={host.edition === 'web' ? WEB_NEW_KEYS : `${MOD}+N`} getAppInfo={getAppInfo} />
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          Drop a .faultline file to open it
        </div>
      )}
    </>
  );
}
