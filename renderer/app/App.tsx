import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { loadDocument } from '../../shared/model/load';
import { createEmptyDocument } from '../../shared/model/document';
import type { FaultlineDocument } from '../../shared/model/types';
import defaultSandboxText from '../../shared/examples/classic-web-stack.faultline?raw';
import { SandboxCanvas } from '../canvas/SandboxCanvas';
import type { Host } from '../host/host';
import { StatusBar } from './StatusBar';
import { shownTitle } from './files/documentSession';
import { DocumentStore } from '../editor/store/documentStore';
import { DocumentStoreProvider } from '../editor/store/DocumentStoreContext';
import { Editor } from '../editor/editor';
import { EditorProvider } from '../editor/EditorContext';
import { Palette } from './editor/Palette';
import { Inspector } from './editor/Inspector';
import { LintPanel } from './editor/LintPanel';
import { useCanvasFocusOnNewDocument } from './canvasFocus';
import { CanvasToolbar } from './editor/CanvasToolbar';
import { RenameField } from './editor/RenameField';
import { HintBar } from './editor/HintBar';
import { NOTICE_SLOT_ID } from './files/FileDialogs';
import { CANVAS_ANNOUNCER_ID, CANVAS_KEYS_ID, CanvasAnnouncer } from './editor/CanvasAnnouncer';
import { EditorCommands } from './editor/EditorCommands';
import { ThemeToggle } from './ThemeToggle';
import { useTheme } from './useTheme';
import { useEditorKeyboard } from './useEditorKeyboard';
import { installDebugHandle } from './debugHandle';
import { AppMenuBar } from './menu/AppMenuBar';
import { MOD_KEY } from './menu/modifierKey';
import { useLiveSession } from '../live/useLiveSession';
import { LiveControllerProvider } from '../live/LiveContext';
import { LiveDock } from '../live/LiveDock';
import { DockSash } from './dock/DockSash';
import { useDockLayout } from './dock/useDockLayout';
import { SidePanel } from './dock/SidePanel';
import { useInspectorOnOpen } from './dock/useInspectorOnOpen';
import { LiveCommands } from '../live/LiveCommands';
import { SPEED_COMMANDS, type SpeedCommand } from '../../shared/ipc/menuCommands';
import { NarrationCaption } from '../live/NarrationCaption';
import { RunAnnouncer } from '../live/RunAnnouncer';
import { FaultMenu } from '../live/FaultMenu';
import { PacketLegend } from '../live/PacketLegend';

type Loaded = { document: FaultlineDocument; error: null } | { document: null; error: string };

function loadDefaultSandbox(): Loaded {
  const result = loadDocument(defaultSandboxText);
  if (result.ok) return { document: result.document, error: null };
  return { document: null, error: result.errors.map((problem) => `${problem.path}: ${problem.message}`).join('\n') };
}

export function App({ host }: { host: Host }) {
  const loaded = useMemo(loadDefaultSandbox, []);
  const [store] = useState(() => new DocumentStore(loaded.document ?? createEmptyDocument()));
  const [editor] = useState(() => new Editor(store, { modKey: MOD_KEY }));
  const [theme, setTheme] = useTheme();
  const [dockLayout, setDockLayout] = useDockLayout();
  const [rendererName, setRendererName] = useState<string | null>(null);
  const [canvasError, setCanvasError] = useState<string | null>(null);
  const [version, setVersion] = useState<string>('');
  const document = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getDocument(),
  );
  useEditorKeyboard(editor);
  useCanvasFocusOnNewDocument(store);
  const { session: live, error: engineError } = useLiveSession(host, store);
  const [classroom, setClassroom] = useState(false);
  // The run's speed preset, for the native menu's radio items (LiveCommands follows the engine).
  const [speedShown, setSpeedShown] = useState<SpeedCommand | null>(null);
  // In classroom mode on a window under 1280 px the inspector steps aside (styles.css) unless asked back.
  const [classroomPanel, setClassroomPanel] = useState(false);
  const changeClassroom = (on: boolean) => {
    setClassroom(on);
    setClassroomPanel(false);
    live?.controller.setClassroom(on);
    // Larger card text on the canvas, and the diagram fitted to the canvas the panels now leave it.
    editor.setClassroom(on);
  };
  useEffect(() => installDebugHandle(editor), [editor]);
  const toggleSide = (side: 'paletteShown' | 'inspectorShown') => setDockLayout({ ...dockLayout, [side]: !dockLayout[side] });
  const showInspector = useCallback(() => setDockLayout({ ...dockLayout, inspectorShown: true }), [dockLayout, setDockLayout]);
  useInspectorOnOpen(editor, !dockLayout.inspectorShown, showInspector);
  // Asked back in classroom mode, the inspector comes back whole: folded (View → Inspector) it
  // would come back as its 28 px strip.
  const toggleClassroomPanel = () => {
    if (!classroomPanel && !dockLayout.inspectorShown) showInspector();
    setClassroomPanel(!classroomPanel);
  };
  // The desktop's native menu shows these settings checked; with several windows, the focused one's.
  useEffect(() => {
    const report = () =>
      host.setMenuChecks?.({
        'view.toggleDarkMode': theme === 'dark',
        'view.toggleClassroomMode': classroom,
        'view.togglePanel': dockLayout.panelShown,
        'view.togglePalette': dockLayout.paletteShown,
        'view.toggleInspector': dockLayout.inspectorShown,
        ...Object.fromEntries(SPEED_COMMANDS.map((command) => [command, command === speedShown])),
      });
    report();
    window.addEventListener('focus', report);
    return () => window.removeEventListener('focus', report);
  }, [host, theme, classroom, dockLayout.panelShown, dockLayout.paletteShown, dockLayout.inspectorShown, speedShown]);

  useEffect(() => {
    host.getAppInfo().then((info) => setVersion(info.version), () => setVersion(''));
  }, [host]);

  // The window title and the title bar's heading (with the unsaved-changes "•") are kept by the
  // file machinery in AppMenuBar.
  const title = shownTitle(document.meta.title);

  return (
    <DocumentStoreProvider store={store}>
      <EditorProvider editor={editor}>
        <LiveControllerProvider value={live?.controller ?? null}>
        <div className={classroom ? `app-shell classroom${classroomPanel ? ' classroom-panel' : ''}` : 'app-shell'}>
          <header className="title-bar">
            <span className="brand">
              <span className="brand-mark" aria-hidden="true" />
              Faultline
            </span>
            <AppMenuBar host={host} />
            <span className="title-spacer" />
            <ThemeToggle theme={theme} onChange={setTheme} />
            <span className="version">{version && `v${version}`}</span>
          </header>
          <div
            className={['workspace-grid', dockLayout.panelShown ? '' : 'dock-folded', dockLayout.paletteShown ? '' : 'palette-folded', dockLayout.inspectorShown ? '' : 'inspector-folded'].filter(Boolean).join(' ')}
            // The height the user dragged the dock to (styles.css keeps the canvas some room however tall it is).
            style={dockLayout.heightPx === null ? undefined : ({ '--dock-height': `${dockLayout.heightPx}px` } as CSSProperties)}
          >
            <SidePanel side="palette" name="Palette" shown={dockLayout.paletteShown} shortcut={`${MOD_KEY}+B`} onToggle={() => toggleSide('paletteShown')}>
              <Palette theme={theme} />
            </SidePanel>
            <main className="workspace">
              <SandboxCanvas
                editor={editor}
                theme={theme}
                addon={live?.addon ?? null}
                describedBy={`${CANVAS_KEYS_ID} ${CANVAS_ANNOUNCER_ID}`}
                onRendererReady={setRendererName}
                onError={setCanvasError}
              />
              <CanvasAnnouncer />
              <RunAnnouncer />
              <PacketLegend />
              {/* Messages over the canvas's bottom edge, stacked so none hides another (nor the
                  inspector or the charts): notices, then the canvas hint, then narration. */}
              <div className="canvas-messages">
                <div id={NOTICE_SLOT_ID} className="canvas-notices" />
                <HintBar />
                <NarrationCaption />
              </div>
              <FaultMenu editor={editor} />
              <LiveCommands classroom={classroom} onClassroomChange={changeClassroom} onSpeedShown={setSpeedShown} />
              <CanvasToolbar panel={classroom ? { open: classroomPanel, onToggle: toggleClassroomPanel } : undefined} />
              <RenameField />
              <EditorCommands theme={theme} onThemeChange={setTheme} />
              {loaded.error !== null && (
                <div className="load-error" role="alert">
                  <h2>The default sandbox could not be loaded</h2>
                  <pre>{loaded.error}</pre>
                </div>
              )}
              {engineError && (
                <div className="load-error" role="alert">
                  {engineError}
                </div>
              )}
              {canvasError && (
                <div className="load-error" role="alert">
                  {canvasError}
                </div>
              )}
            </main>
            <SidePanel side="inspector" name="Inspector" shown={dockLayout.inspectorShown} shortcut={`${MOD_KEY}+I`} onToggle={() => toggleSide('inspectorShown')}>
              <Inspector theme={theme} />
            </SidePanel>
            <div className="bottom-dock" data-testid="bottom-dock">
              <LiveDock
                problems={<LintPanel />}
                sash={<DockSash layout={dockLayout} onChange={setDockLayout} />}
                panelShown={dockLayout.panelShown}
                onShowPanel={() => setDockLayout({ ...dockLayout, panelShown: true })}
              />
            </div>
          </div>
          <StatusBar
            hostLabel={host.label}
            rendererName={rendererName}
            documentTitle={title}
            nodeCount={Object.keys(document.nodes).length}
            linkCount={Object.keys(document.links).length}
          />
        </div>
        </LiveControllerProvider>
      </EditorProvider>
    </DocumentStoreProvider>
  );
}
