/**
 * The Electron main process entry (out/main/index.js). Glue only: every decision it wires up
 * lives in a pure, unit-tested module next to it.
 */
import { app, BrowserWindow, clipboard, ipcMain, MessageChannelMain, protocol, session, shell } from 'electron';
import { IPC_CHANNELS } from '../shared/ipc/channels';
import { PRODUCTION_CSP } from '../shared/ipc/csp';
import { collectAppInfo } from './appInfo';
import { appPaths } from './appPaths';
import { createElectronDialogs } from './files/electronDialogs';
import { createFileServices, type FileServices } from './files/createFileServices';
import { nodeFileSystem } from './files/fileSystem';
import { faultlineFilesIn, filesFromSecondLaunch, launchHandOver } from './files/launchArguments';
import { OsOpenQueue } from './files/osOpenQueue';
import { sendEvent } from './ipc/sendEvent';
import { createSenderGate } from './ipc/senderGate';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { createLogger } from './log';
import { registerEngineHost } from './simHost/registerEngineHost';
import { installApplicationMenu } from './menu/installMenu';
import { registerAppScheme, serveAppProtocol } from './protocol/registerAppProtocol';
import { applyPermissionPolicy } from './security/denyPermissions';
import { hardenWebContents } from './security/hardenWebContents';
import { attachDocumentWindow, restoreWindowBounds, showEditedMarker } from './window/attachDocumentWindow';
import { createMainWindow } from './window/createMainWindow';
import { DocumentWindows } from './window/documentWindows';
import { WindowStateFile } from './window/windowBounds';
import { resolveRendererEntry } from './window/rendererEntry';
import { createWebContentsRegistry } from './window/webContentsRegistry';
import type { MenuChecks } from '../shared/ipc/menuCommands';

const log = createLogger('main');

function start(): void {
  const paths = appPaths(import.meta.url);
  const entry = resolveRendererEntry(process.env, app.isPackaged);
  if (entry.warning) log.warn(entry.warning);
  const appWindows = createWebContentsRegistry();
  // Files, recovery and window state (issue 9); built once the user-data folder is known (ready).
  let resolveServices: (services: FileServices) => void = () => {};
  const services = new Promise<FileServices>((resolve) => (resolveServices = resolve));
  const windowsByOwner = new Map<number, BrowserWindow>();
  const documents = new DocumentWindows((owner, state) => showEditedMarker(windowsByOwner.get(owner) ?? null, state.dirty));
  let windowState: WindowStateFile | null = null;

  // Before ready: sandbox every renderer, whatever its options say, and give app:// its privileges.
  app.enableSandbox();
  registerAppScheme(protocol);

  // Every webContents, including any we did not create on purpose, is locked down before it loads.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      allowedOrigins: entry.allowedOrigins,
      openExternal: (url) => shell.openExternal(url),
      log: createLogger('security'),
    });
  });

  const openMainWindow = (): BrowserWindow => {
    const window = createMainWindow({ preloadPath: paths.preload, entryUrl: entry.url, log });
    appWindows.add(window.webContents);
    const owner = window.webContents.id;
    windowsByOwner.set(owner, window);
    if (windowState) {
      void restoreWindowBounds(window, windowState);
      attachDocumentWindow(window, {
        documents,
        stateFile: windowState,
        clearRecovery: async (id) => (await services).recovery.clear(id),
        onPageCrashed: async (id) => {
          const { recovery, pending } = await services;
          pending.forget(id);
          await recovery.orphan(id);
        },
        quit: heldUpQuit,
        onClosed: (id) => {
          windowsByOwner.delete(id);
          void services.then(({ files, pending }) => {
            files.forgetOwner(id);
            pending.forget(id);
          });
        },
      });
    }
    return window;
  };

  /** A file the OS asked us to open (launch argument, second instance, macOS open-file): to the first window. */
  const openFromOs = async (path: string): Promise<void> => {
    const { files, pending } = await services;
    const window = BrowserWindow.getAllWindows()[0] ?? openMainWindow();
    const result = await files.openPath(window.webContents.id, path);
    pending.deliver(window.webContents.id, result, (opened) => {
      if (!window.isDestroyed()) sendEvent(window.webContents, IPC_CHANNELS.fileOpened, opened);
    });
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  const openAllFromOs = (paths: string[]) => {
    for (const path of paths) openFromOs(path).catch((error: unknown) => log.error(`could not open ${path}`, error));
  };

  /** Files to open, or none: bring the app to the front. Runs only once start-up has its window. */
  const answerOs = (paths: string[]): void => {
    if (paths.length > 0) return openAllFromOs(paths);
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return void openMainWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  // Everything the OS asks waits here until start-up has opened its window (see OsOpenQueue);
  // this launch's own arguments go first.
  const osOpens = new OsOpenQueue();
  osOpens.request(faultlineFilesIn(process.argv, process.cwd()));

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    osOpens.request(filesFromSecondLaunch(argv, workingDirectory, additionalData));
  });

  // macOS delivers double-clicked files as open-file, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    osOpens.request([path]);
  });

  // A quit under way, until a window with unsaved changes holds it up to ask (see guardClose).
  let quitRequested = false;
  app.on('before-quit', () => {
    quitRequested = true;
  });
  const heldUpQuit = {
    takeRequest: () => {
      const requested = quitRequested;
      quitRequested = false;
      return requested;
    },
    resume: () => app.quit(),
  };

  app.on('window-all-closed', () => {
    // macOS keeps the app running with no window until the user quits it.
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      applyPermissionPolicy(session.defaultSession, createLogger('permissions'));
      // In development the page comes from the Vite dev server, which sets no CSP: React Fast
      // Refresh needs its inline preamble script, which this policy would block.
      serveAppProtocol(protocol, { rootDir: paths.rendererRoot, contentSecurityPolicy: PRODUCTION_CSP, log: createLogger('protocol') });
      const filesLog = createLogger('files');
      const userDataDir = app.getPath('userData');
      windowState = new WindowStateFile({ fs: nodeFileSystem, userDataDir, log: filesLog });
      return createFileServices({ userDataDir, documentsDir: app.getPath('documents'), dialogs: createElectronDialogs(), log: filesLog });
    })
    .then((fileServices) => {
      resolveServices(fileServices);
      // The focused page's settings (it reports them when they change and when its window gains focus).
      let menuChecks: MenuChecks = {};
      const rebuildMenu = installApplicationMenu({
        checked: () => menuChecks,
        platform: process.platform,
        isDev: entry.devServerOrigin !== null,
        appName: app.getName(),
        log: createLogger('menu'),
        recent: () => ({
          files: fileServices.recent.list(),
          clear: () => void fileServices.recent.clear(),
          open: (id, window) => {
            const target = window ?? openMainWindow();
            const owner = target.webContents.id;
            fileServices.files
              .openRecent(owner, id)
              .then((result) => fileServices.pending.deliver(owner, result, (opened) => sendEvent(target.webContents, IPC_CHANNELS.fileOpened, opened)))
              .catch((error: unknown) => log.error('could not open a recent file', error));
          },
        }),
      });
      fileServices.recent.onChange(rebuildMenu);
      registerIpcHandlers(ipcMain, {
        appInfo: () => collectAppInfo({ name: app.getName(), version: app.getVersion(), platform: process.platform, versions: process.versions }),
        checkSender: createSenderGate({ allowedOrigins: entry.allowedOrigins, isAppWebContents: (contents) => appWindows.has(contents) }),
        log: createLogger('ipc'),
        setMenuChecks: (checks) => {
          menuChecks = checks;
          rebuildMenu();
        },
        writeClipboardText: (text) => clipboard.writeText(text),
        files: {
          ...fileServices,
          windows: { setDocumentState: (owner, state) => documents.set(owner, state), closeNow: (owner) => documents.closeNow(owner) },
        },
      });
      // The simulation engine (issue 6): a supervised worker_thread per window, relayed over a MessagePort.
      registerEngineHost({
        ipc: ipcMain,
        createChannel: () => new MessageChannelMain(),
        checkSender: createSenderGate({ allowedOrigins: entry.allowedOrigins, isAppWebContents: (contents) => appWindows.has(contents) }),
        workerEntryPath: paths.engineWorker,
        log: createLogger('engine'),
      });
      openMainWindow();
      osOpens.start(answerOs);
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
      });
    })
    .catch((error: unknown) => {
      log.error('start-up failed', error);
      app.exit(1);
    });
}

// A second launch hands its files to the running instance (second-instance) and exits.
if (app.requestSingleInstanceLock(launchHandOver(process.argv, process.cwd()))) {
  start();
} else {
  app.quit();
}
