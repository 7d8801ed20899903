import { Menu } from '@base-ui/react/menu';
import { Menubar } from '@base-ui/react/menubar';
import { Check, Dot } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Host } from '../../host/host';
import type { HostRecentEntry, HostRecentFiles } from '../../host/hostFiles';
import { useDocumentStore } from '../../editor/store/DocumentStoreContext';
import { useEditor } from '../../editor/EditorContext';
import { useClipboardCommands, useClipboardEvents } from '../editor/useClipboardEvents';
import { FileDialogs } from '../files/FileDialogs';
import { useFileIntegration } from '../files/useFileIntegration';
import { DocumentHeading } from '../files/DocumentHeading';
import { useCommandDispatcher, useCommandHandler } from './CommandDispatcherContext';
import { LessonsBrowser } from '../lessons/LessonsBrowser';
import { HelpDialogs } from '../help/HelpDialogs';
import { buildMenuModel, type MenuModel } from './menuModel';
import type { AppCommand } from './commandDispatcher';
import { WEB_NEW_KEYS } from './webShortcuts';
import { MOD_KEY } from './modifierKey';
import './menuBar.css';

const MOD = MOD_KEY;

/** What File → Open Recent needs: the host's list and the file commands that open from it and clear it. */
interface RecentMenu {
  files: HostRecentFiles;
  open(id: string): Promise<void>;
  clear(): Promise<void>;
}

/** The host's recent list as React state (it changes when a file is opened or saved, or in another tab). */
function useRecentEntries(files: HostRecentFiles | undefined): { entries: HostRecentEntry[]; available: boolean } {
  const read = useCallback(() => ({ entries: files?.entries() ?? [], available: files?.isAvailable() ?? false }), [files]);
  const [state, setState] = useState(read);
  useEffect(() => {
    if (!files) return;
    setState(read());
    const unsubscribe = files.subscribe(() => setState(read()));
    void files.refresh();
    return unsubscribe;
  }, [files, read]);
  return state;
}

const report = (action: string) => (error: unknown) => console.error(`Faultline: ${action} failed`, error);

/** File → Open Recent: the files, newest first, then Clear Recent; with none, a disabled placeholder (as on the desktop). */
function OpenRecentSubmenu({ label, recent, entries, onChoose }: { label: string; recent: RecentMenu; entries: HostRecentEntry[]; onChoose: () => void }) {
  return (
    <Menu.SubmenuRoot>
      <Menu.SubmenuTrigger className="menu-item" data-command="file.openRecent">
        <span>{label}</span>
        <span className="menu-item-shortcut" aria-hidden="true">
          ›
        </span>
      </Menu.SubmenuTrigger>
      <Menu.Portal>
        <Menu.Positioner className="menu-positioner" alignOffset={-4} sideOffset={2}>
          <Menu.Popup className="menu-popup" data-testid="menu-open-recent">
            {entries.length === 0 && (
              <Menu.Item className="menu-item" disabled>
                No Recent Files
              </Menu.Item>
            )}
            {entries.map((entry) => (
              <Menu.Item
                key={entry.id}
                className="menu-item"
                onClick={() => {
                  onChoose();
                  // Straight from the click: the browser asks for permission only during one.
                  recent.open(entry.id).catch(report('Open Recent'));
                }}
              >
                <span>{entry.name}</span>
              </Menu.Item>
            ))}
            {entries.length > 0 && (
              <>
                <Menu.Separator className="menu-separator" />
                <Menu.Item
                  className="menu-item"
                  onClick={() => {
                    onChoose();
                    recent.clear().catch(report('Clear Recent'));
                  }}
                >
                  Clear Recent
                </Menu.Item>
              </>
            )}
          </Menu.Popup>
        </Menu.Positioner>
      </Menu.Portal>
    </Menu.SubmenuRoot>
  );
}

function TopMenu({ menu, recent, recentEntries }: { menu: MenuModel; recent: RecentMenu | null; recentEntries: HostRecentEntry[] }) {
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
  const choose = (command: AppCommand) => {
    chose.current = true;
    dispatcher.run(command);
  };
  return (
    <Menu.Root
      onOpenChange={(open) => {
        if (open) chose.current = false;
        // Another tab may have opened or saved files since.
        if (open && recent && menu.items.some((item) => item.type === 'recent')) void recent.files.refresh();
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
              if (item.type === 'recent') {
                if (!recent) return null;
                return <OpenRecentSubmenu key="file.openRecent" label={item.label} recent={recent} entries={recentEntries} onChoose={() => (chose.current = true)} />;
              }
              if (item.type === 'radio') {
                // One of several (the speeds): role menuitemradio with aria-checked, a dot on the current one.
                const current = item.items.find((choice) => dispatcher.isChecked(choice.command) === true)?.command ?? null;
                return (
                  <Menu.RadioGroup key={`radio-${item.label}`} value={current} aria-label={item.label}>
                    {item.items.map((choice) => (
                      <Menu.RadioItem
                        key={choice.command}
                        value={choice.command}
                        className="menu-item"
                        closeOnClick
                        disabled={!dispatcher.isAvailable(choice.command)}
                        onClick={() => choose(choice.command)}
                        data-command={choice.command}
                      >
                        <span>{choice.label}</span>
                        <span className="menu-item-end">
                          <Menu.RadioItemIndicator className="menu-item-check" aria-hidden="true" keepMounted>
                            <Dot size={14} strokeWidth={6} />
                          </Menu.RadioItemIndicator>
                        </span>
                      </Menu.RadioItem>
                    ))}
                  </Menu.RadioGroup>
                );
              }
              if (item.checkbox) {
                // An on/off setting: role menuitemcheckbox with aria-checked, and a check mark when on.
                const checked = dispatcher.isChecked(item.command) ?? false;
                return (
                  <Menu.CheckboxItem
                    key={item.command}
                    className="menu-item"
                    checked={checked}
                    closeOnClick
                    disabled={!dispatcher.isAvailable(item.command)}
                    title={dispatcher.describe(item.command)}
                    onClick={() => choose(item.command)}
                    data-command={item.command}
                    aria-keyshortcuts={item.shortcut?.replace('⌘', 'Meta').replace('Ctrl', 'Control')}
                  >
                    <span>{item.label}</span>
                    <span className="menu-item-end">
                      {item.shortcut && (
                        <span className="menu-item-shortcut" aria-hidden="true">
                          {item.shortcut}
                        </span>
                      )}
                      {/* Kept in place when off, so the shortcut beside it does not move. */}
                      <Menu.CheckboxItemIndicator className="menu-item-check" aria-hidden="true" keepMounted>
                        <Check size={14} />
                      </Menu.CheckboxItemIndicator>
                    </span>
                  </Menu.CheckboxItem>
                );
              }
              return (
                <Menu.Item
                  key={item.command}
                  className="menu-item"
                  disabled={!dispatcher.isAvailable(item.command)}
                  title={dispatcher.describe(item.command)}
                  onClick={() => choose(item.command)}
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
  const editor = useEditor();
  // Save writes the camera where the user left it (the file opens showing what it showed).
  const viewToSave = useCallback(() => editor.viewToSave(), [editor]);
  const { queue, dragging, commands, session } = useFileIntegration(host, store, dispatcher, viewToSave);
  const getAppInfo = useCallback(() => host.getAppInfo(), [host]);
  const notify = useCallback((message: string, tone: 'error' | 'warning', options?: { step?: number; key?: string }) => queue.notify(message, tone, options), [queue]);
  useEffect(() => {
    editor.notify = notify;
  }, [editor, notify]);
  // A notice about an edit ("Undo reverses this") holds while that edit is the one Undo takes
  // back: it goes when the edit is undone, when another edit follows it, or the document is replaced.
  useEffect(() => store.subscribe(() => queue.forgetUndoneEdits((step) => store.lastStepSerial() === step)), [store, queue]);
  useClipboardEvents(editor, notify);
  useClipboardCommands(editor, notify);

  // The document's own history; the editor may register richer handlers, which then take over.
  useCommandHandler('edit.undo', () => store.undo(), () => store.canUndo());
  useCommandHandler('edit.redo', () => store.redo(), () => store.canRedo());

  // Open Recent, where the page keeps its own list (the web edition with file handles); the
  // desktop's is in its native menu.
  const recentFiles = host.edition === 'web' ? host.files.recent : undefined;
  const { entries: recentEntries, available: recentAvailable } = useRecentEntries(recentFiles);
  const recent = useMemo<RecentMenu | null>(() => (recentFiles ? { files: recentFiles, open: commands.openRecent, clear: commands.clearRecent } : null), [recentFiles, commands]);
  const model = useMemo(() => buildMenuModel(MOD, { openRecent: recent !== null && recentAvailable }), [recent, recentAvailable]);

  return (
    <>
      {/* The desktop has the native menu (same commands, same dispatcher); a second bar in the page would only repeat it. */}
      {host.edition === 'web' && (
        <Menubar className="app-menu-bar" data-testid="app-menu-bar">
          {model.map((menu) => (
            <TopMenu key={menu.label} menu={menu} recent={recent} recentEntries={recentEntries} />
          ))}
        </Menubar>
      )}
      <DocumentHeading session={session} />
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
