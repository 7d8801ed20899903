import { Menu } from '@base-ui/react/menu';
import { Menubar } from '@base-ui/react/menubar';
import { ChevronRight } from 'lucide-react';
import { useState, useSyncExternalStore } from 'react';
import type { Host } from '../../host/host';
import type { RecentFile } from '../../host/hostFiles';
import { useDocumentStore } from '../../editor/store/DocumentStoreContext';
import { FileDialogs } from '../files/FileDialogs';
import { useFileIntegration } from '../files/useFileIntegration';
import { useCommandDispatcher, useCommandHandler } from './CommandDispatcherContext';
import { buildMenuModel, type MenuModel } from './menuModel';
import './menuBar.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MODEL = buildMenuModel(isMac ? '⌘' : 'Ctrl');

function RecentSubmenu({ recent, onOpen }: { recent: RecentFile[]; onOpen: (id: string) => void }) {
  return (
    <Menu.SubmenuRoot>
      <Menu.SubmenuTrigger className="menu-item" data-testid="menu-open-recent">
        <span>Open Recent</span>
        <ChevronRight size={14} className="menu-item-shortcut" aria-hidden="true" />
      </Menu.SubmenuTrigger>
      <Menu.Portal>
        <Menu.Positioner className="menu-positioner" sideOffset={2} alignOffset={-4}>
          <Menu.Popup className="menu-popup">
            {recent.length === 0 ? (
              <Menu.Item className="menu-item" disabled>
                No Recent Files
              </Menu.Item>
            ) : (
              recent.map((file) => (
                <Menu.Item key={file.id} className="menu-item" title={file.location} onClick={() => onOpen(file.id)}>
                  {file.name}
                </Menu.Item>
              ))
            )}
          </Menu.Popup>
        </Menu.Positioner>
      </Menu.Portal>
    </Menu.SubmenuRoot>
  );
}

function TopMenu({ menu, recent, onOpenRecent, onOpenChange, showRecent }: { menu: MenuModel; recent: RecentFile[]; onOpenRecent: (id: string) => void; onOpenChange: (open: boolean) => void; showRecent: boolean }) {
  const dispatcher = useCommandDispatcher();
  useSyncExternalStore(
    (listener) => dispatcher.subscribe(listener),
    () => dispatcher.getVersion(),
  );
  return (
    <Menu.Root onOpenChange={onOpenChange}>
      <Menu.Trigger className="menu-trigger">{menu.label}</Menu.Trigger>
      <Menu.Portal>
        <Menu.Positioner className="menu-positioner" sideOffset={4}>
          <Menu.Popup className="menu-popup" data-testid={`menu-${menu.label.toLowerCase()}`}>
            {menu.items.map((item, index) => {
              if (item.type === 'separator') return <Menu.Separator key={index} className="menu-separator" />;
              if (item.type === 'recent') return showRecent ? <RecentSubmenu key={index} recent={recent} onOpen={onOpenRecent} /> : null;
              return (
                <Menu.Item
                  key={item.command}
                  className="menu-item"
                  disabled={!dispatcher.isAvailable(item.command)}
                  onClick={() => dispatcher.run(item.command)}
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
 * The in-page menu bar: File / Edit / View / Simulation / Help. In the web edition it is the only
 * menu; on the desktop the native menu sends the same commands to the same dispatcher. It also
 * hosts the file machinery (dialogs, autosave, recovery, drop to open), so the app shell needs
 * only `<AppMenuBar host={host} />` inside its DocumentStoreProvider.
 */
export function AppMenuBar({ host }: { host: Host }) {
  const store = useDocumentStore();
  const dispatcher = useCommandDispatcher();
  const { queue, commands, dragging } = useFileIntegration(host, store, dispatcher);
  const [recent, setRecent] = useState<RecentFile[]>([]);

  // The document's own history; the editor may register richer handlers, which then take over.
  useCommandHandler('edit.undo', () => store.undo(), () => store.canUndo());
  useCommandHandler('edit.redo', () => store.redo(), () => store.canRedo());

  const refreshRecent = (open: boolean) => {
    if (open && host.edition === 'desktop') host.files.listRecent().then(setRecent, () => setRecent([]));
  };

  return (
    <>
      <Menubar className="app-menu-bar" data-testid="app-menu-bar">
        {MODEL.map((menu) => (
          <TopMenu key={menu.label} menu={menu} recent={recent} showRecent={host.edition === 'desktop'} onOpenRecent={(id) => void commands.openRecent(id)} onOpenChange={menu.label === 'File' ? refreshRecent : () => {}} />
        ))}
      </Menubar>
      <FileDialogs queue={queue} />
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          Drop a .faultline file to open it
        </div>
      )}
    </>
  );
}
