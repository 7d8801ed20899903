/**
 * The Electron main process entry (out/main/index.js). Glue only: every decision it wires up
 * lives in a pure, unit-tested module next to it.
 */
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { PRODUCTION_CSP } from '../shared/ipc/csp';
import { collectAppInfo } from './appInfo';
import { appPaths } from './appPaths';
import { createSenderGate } from './ipc/senderGate';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { createLogger } from './log';
import { installApplicationMenu } from './menu/installMenu';
import { registerAppScheme, serveAppProtocol } from './protocol/registerAppProtocol';
import { applyPermissionPolicy } from './security/denyPermissions';
import { hardenWebContents } from './security/hardenWebContents';
import { createMainWindow } from './window/createMainWindow';
import { resolveRendererEntry } from './window/rendererEntry';
import { createWebContentsRegistry } from './window/webContentsRegistry';

const log = createLogger('main');

function start(): void {
  const paths = appPaths(import.meta.url);
  const entry = resolveRendererEntry(process.env, app.isPackaged);
  if (entry.warning) log.warn(entry.warning);
  const appWindows = createWebContentsRegistry();

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
    return window;
  };

  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return void openMainWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });

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
      installApplicationMenu({ platform: process.platform, isDev: entry.devServerOrigin !== null, appName: app.getName(), log: createLogger('menu') });
      registerIpcHandlers(ipcMain, {
        appInfo: () => collectAppInfo({ name: app.getName(), version: app.getVersion(), platform: process.platform, versions: process.versions }),
        checkSender: createSenderGate({ allowedOrigins: entry.allowedOrigins, isAppWebContents: (contents) => appWindows.has(contents) }),
        log: createLogger('ipc'),
      });
      openMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
      });
    })
    .catch((error: unknown) => {
      log.error('start-up failed', error);
      app.exit(1);
    });
}

// A second launch hands its arguments to the running instance (second-instance) and exits.
if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
