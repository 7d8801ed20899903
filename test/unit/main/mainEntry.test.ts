import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * main/index.ts is glue that cannot run without Electron; with `electron` mocked we can still
 * check what it wires up, and in which order relative to `ready`.
 */
const electron = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  let resolveReady = () => {};
  const state = { lock: true, ready: Promise.resolve(), userData: '' };
  const app = {
    getPath: vi.fn((name: string) => (name === 'userData' ? state.userData : `${state.userData}/${name}`)),
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    getName: () => 'Faultline',
    getVersion: () => '0.1.0',
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      appListeners.set(event, listener);
      return app;
    }),
    whenReady: vi.fn(() => state.ready),
  };
  class BrowserWindow {
    static instances: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.instances;
    static getFocusedWindow = () => null;
    static nextLoad: () => Promise<void> = () => Promise.resolve();
    webContents = { id: BrowserWindow.instances.length + 100, once: vi.fn(), on: vi.fn(), send: vi.fn(), reload: vi.fn() };
    once = vi.fn();
    on = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    isMinimized = () => false;
    getMinimumSize = () => [960, 600];
    getNormalBounds = () => ({ x: 10, y: 20, width: 1200, height: 800 });
    isMaximized = () => false;
    setBounds = vi.fn();
    isDestroyed = () => false;
    loadURL = vi.fn(() => BrowserWindow.nextLoad());
    constructor(public options: Record<string, unknown>) {
      BrowserWindow.instances.push(this);
    }
  }
  const ipcMain = { handle: vi.fn(), on: vi.fn() };
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() } };
  const shell = { openExternal: vi.fn(() => Promise.resolve()) };
  const Menu = { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn() };
  const deferReady = () => {
    state.ready = new Promise<void>((resolve) => (resolveReady = resolve));
    return () => resolveReady();
  };
  const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() };
  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
  const webContents = { fromId: vi.fn(() => null) };
  return { app, appListeners, state, BrowserWindow, ipcMain, protocol, session, shell, Menu, dialog, screen, webContents, deferReady };
});

vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: electron.BrowserWindow,
  ipcMain: electron.ipcMain,
  protocol: electron.protocol,
  session: electron.session,
  shell: electron.shell,
  Menu: electron.Menu,
  dialog: electron.dialog,
  screen: electron.screen,
  webContents: electron.webContents,
  MessageChannelMain: class {
    port1 = { postMessage: vi.fn(), on: vi.fn(), start: vi.fn(), close: vi.fn() };
    port2 = {};
  },
}));

async function loadMain() {
  vi.resetModules();
  await import('../../../main/index');
}

describe('main/index.ts', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    electron.appListeners.clear();
    electron.BrowserWindow.instances = [];
    electron.BrowserWindow.nextLoad = () => Promise.resolve();
    electron.state.lock = true;
    electron.state.ready = Promise.resolve();
    electron.state.userData = mkdtempSync(join(tmpdir(), 'faultline-main-'));
    delete process.env.ELECTRON_RENDERER_URL;
  });

  // Start-up continues asynchronously after ready (the file services read the user-data folder);
  // let it finish so that no window from one test appears in the next.
  afterEach(async () => {
    if (electron.state.lock) await vi.waitFor(() => expect(electron.BrowserWindow.instances.length).toBeGreaterThan(0));
    rmSync(electron.state.userData, { recursive: true, force: true });
  });

  it('quits at once when another instance holds the lock, touching nothing else', async () => {
    electron.state.lock = false;
    await loadMain();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('enables the sandbox and registers app:// before ready, and nothing else', async () => {
    const makeReady = electron.deferReady();
    await loadMain();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    makeReady();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
  });

  it('on ready denies permissions, serves app://, installs the menu and IPC, and opens a secure window', async () => {
    await loadMain();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const { defaultSession } = electron.session;
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('app:getInfo', expect.any(Function));

    const [window] = electron.BrowserWindow.instances;
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: expect.stringMatching(/preload[/\\]preload\.cjs$/) });
    expect(window.loadURL).toHaveBeenCalledWith('app://faultline/');
  });

  it('shows the window on ready-to-show, and also when the page fails to load', async () => {
    await loadMain();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const [window] = electron.BrowserWindow.instances;
    expect(window.show).not.toHaveBeenCalled();
    const [event, listener] = window.once.mock.calls[0] as [string, () => void];
    expect(event).toBe('ready-to-show');
    listener();
    expect(window.show).toHaveBeenCalled();

    vi.spyOn(console, 'error').mockImplementation(() => {});
    electron.BrowserWindow.nextLoad = () => Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    await loadMain();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(2));
    await vi.waitFor(() => expect(electron.BrowserWindow.instances[1].show).toHaveBeenCalled());
  });

  it('answers app:getInfo for its own window and refuses any other webContents', async () => {
    await loadMain();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const handler = electron.ipcMain.handle.mock.calls[0][1] as (event: unknown) => Promise<unknown>;
    const frame = { url: 'app://faultline/', parent: null };
    const ours = { senderFrame: frame, sender: electron.BrowserWindow.instances[0].webContents };
    await expect(handler(ours)).resolves.toMatchObject({ name: 'Faultline', version: '0.1.0', edition: 'desktop', platform: process.platform });
    await expect(handler({ senderFrame: frame, sender: { id: 9999 } })).rejects.toThrow(/not a Faultline window/);
  });

  it('offers an engine port only to its own windows', async () => {
    await loadMain();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const [, connect] = electron.ipcMain.on.mock.calls.find(([channel]) => channel === 'engine:connect')!;
    const stranger = { id: 9999, postMessage: vi.fn(), once: vi.fn() };
    (connect as (event: unknown) => void)({ senderFrame: { url: 'app://faultline/', parent: null }, sender: stranger });
    expect(stranger.postMessage).not.toHaveBeenCalled();
  });

  it('hardens every webContents that gets created', async () => {
    await loadMain();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    electron.appListeners.get('web-contents-created')!({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on.mock.calls.map(([event]) => event)).toEqual(expect.arrayContaining(['will-navigate', 'will-attach-webview']));
  });

  it('quits when the last window closes (except on macOS)', async () => {
    await loadMain();
    electron.appListeners.get('window-all-closed')!();
    if (process.platform === 'darwin') expect(electron.app.quit).not.toHaveBeenCalled();
    else expect(electron.app.quit).toHaveBeenCalled();
  });

  it('loads the dev server when electron-vite provides one', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    await loadMain();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    expect(electron.BrowserWindow.instances[0].loadURL).toHaveBeenCalledWith('http://localhost:5173');
    delete process.env.ELECTRON_RENDERER_URL;
  });

  // Start-up continues asynchronously after ready (the file services read the user-data folder);
  // let it finish so that no window from one test appears in the next.
  afterEach(async () => {
    if (electron.state.lock) await vi.waitFor(() => expect(electron.BrowserWindow.instances.length).toBeGreaterThan(0));
    rmSync(electron.state.userData, { recursive: true, force: true });
  });

  it('registers the file channels and remembers window bounds per user', async () => {
    await loadMain();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const channels = electron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels).toEqual(expect.arrayContaining(['file:open', 'file:save', 'file:saveAs', 'file:revert', 'recovery:list', 'window:setDocumentState']));
    const [window] = electron.BrowserWindow.instances;
    expect(window.on.mock.calls.map(([event]) => event)).toEqual(expect.arrayContaining(['close', 'closed']));
  });

  it('sends a .faultline file from a second launch to the running window (once its page is ready)', async () => {
    await loadMain();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const file = join(electron.state.userData, 'lesson.faultline');
    writeFileSync(file, '{"format":"faultline"}');
    const takePending = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'file:takePending')![1] as (event: unknown) => Promise<unknown>;
    const [window] = electron.BrowserWindow.instances;
    await expect(takePending({ senderFrame: { url: 'app://faultline/', parent: null }, sender: window.webContents })).resolves.toEqual([]);
    electron.appListeners.get('second-instance')!({}, ['faultline', '--flag', 'lesson.faultline'], electron.state.userData);
    await vi.waitFor(() =>
      expect(window.webContents.send).toHaveBeenCalledWith('file:opened', { status: 'opened', text: '{"format":"faultline"}', file: expect.objectContaining({ name: 'lesson.faultline', location: file }) }),
    );
    expect(window.focus).toHaveBeenCalled();
  });

  it('a second launch hands over the files it resolved itself, and the running window opens them whatever argv Electron relays', async () => {
    await loadMain();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledWith({ faultlineFiles: expect.any(Array) });
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const file = join(electron.state.userData, 'handed-over.faultline');
    writeFileSync(file, '{"format":"faultline"}');
    const takePending = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'file:takePending')![1] as (event: unknown) => Promise<unknown>;
    const [window] = electron.BrowserWindow.instances;
    await takePending({ senderFrame: { url: 'app://faultline/', parent: null }, sender: window.webContents });
    // Electron's docs: argv may be reordered and extended (and is empty for another user's launch).
    electron.appListeners.get('second-instance')!({}, ['faultline', '--original-process-start-time=1'], '/', { faultlineFiles: [file] });
    await vi.waitFor(() =>
      expect(window.webContents.send).toHaveBeenCalledWith('file:opened', expect.objectContaining({ status: 'opened', file: expect.objectContaining({ name: 'handed-over.faultline', location: file }) })),
    );
  });

  it('a second launch during start-up (before ready) opens no window of its own: one window, as start-up opens', async () => {
    const makeReady = electron.deferReady();
    await loadMain();
    electron.appListeners.get('second-instance')!({}, ['faultline'], electron.state.userData);
    electron.appListeners.get('second-instance')!({}, ['faultline', '--flag'], electron.state.userData);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    makeReady();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    // Start-up is finished once the menu is installed; give any stray window time to appear.
    await vi.waitFor(() => expect(electron.Menu.setApplicationMenu).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(electron.BrowserWindow.instances).toHaveLength(1);
  });

  it('a second launch with a file during start-up opens that file in the one window start-up opens', async () => {
    const makeReady = electron.deferReady();
    await loadMain();
    const file = join(electron.state.userData, 'early.faultline');
    writeFileSync(file, '{"format":"faultline"}');
    electron.appListeners.get('second-instance')!({}, ['faultline', 'early.faultline'], electron.state.userData);
    electron.appListeners.get('second-instance')!({}, ['faultline'], electron.state.userData);
    makeReady();
    await vi.waitFor(() => expect(electron.ipcMain.handle.mock.calls.some(([channel]) => channel === 'file:takePending')).toBe(true));
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    const takePending = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'file:takePending')![1] as (event: unknown) => Promise<unknown>;
    const [window] = electron.BrowserWindow.instances;
    const ours = { senderFrame: { url: 'app://faultline/', parent: null }, sender: window.webContents };
    await vi.waitFor(async () => {
      const taken = (await takePending(ours)) as unknown[];
      const sent = window.webContents.send.mock.calls.filter(([channel]) => channel === 'file:opened').map(([, payload]) => payload);
      expect([...taken, ...sent]).toEqual([expect.objectContaining({ status: 'opened', file: expect.objectContaining({ name: 'early.faultline', location: file }) })]);
    });
    expect(electron.BrowserWindow.instances).toHaveLength(1);
  });

  it('opens a file macOS hands over with open-file, even one sent before ready', async () => {
    const makeReady = electron.deferReady();
    await loadMain();
    const file = join(electron.state.userData, 'double-clicked.faultline');
    writeFileSync(file, '{"format":"faultline","version":1}');
    const preventDefault = vi.fn();
    electron.appListeners.get('open-file')!({ preventDefault }, file);
    expect(preventDefault).toHaveBeenCalled(); // tells macOS the app handles it
    makeReady();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const takePending = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'file:takePending')![1] as (event: unknown) => Promise<unknown>;
    const ours = { senderFrame: { url: 'app://faultline/', parent: null }, sender: electron.BrowserWindow.instances[0].webContents };
    // The page was not ready: the file waits until the page asks (or, if it asked first, arrives as an event).
    await vi.waitFor(async () => {
      const taken = (await takePending(ours)) as unknown[];
      const sent = electron.BrowserWindow.instances[0].webContents.send.mock.calls.filter(([channel]) => channel === 'file:opened').map(([, payload]) => payload);
      expect([...taken, ...sent]).toEqual([expect.objectContaining({ status: 'opened', file: expect.objectContaining({ name: 'double-clicked.faultline' }) })]);
    });
  });

  it('after a page crash, sets the autosaved work aside, lets the window close, and reloads the page', async () => {
    await loadMain();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const [window] = electron.BrowserWindow.instances;
    const ours = { senderFrame: { url: 'app://faultline/', parent: null }, sender: window.webContents };
    const handler = (channel: string) => electron.ipcMain.handle.mock.calls.find(([name]) => name === channel)![1] as (event: unknown, ...args: unknown[]) => Promise<unknown>;
    await handler('recovery:store')(ours, { text: '{"work":1}', title: 'Unsaved', fileToken: null });
    await handler('window:setDocumentState')(ours, { title: 'Unsaved', dirty: true });

    const gone = window.webContents.on.mock.calls.find(([event]) => event === 'render-process-gone')![1] as (event: unknown, details: { reason: string }) => void;
    gone({}, { reason: 'crashed' });
    await vi.waitFor(() => expect(window.webContents.reload).toHaveBeenCalled());
    await expect(handler('recovery:list')(ours)).resolves.toEqual([expect.objectContaining({ title: 'Unsaved', problem: null })]);
    // Closing no longer waits for a page that cannot save.
    const close = window.on.mock.calls.filter(([event]) => event === 'close').map(([, listener]) => listener as (event: { preventDefault(): void }) => void);
    const event = { preventDefault: vi.fn() };
    for (const listener of close) listener(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    // …and the window's place is remembered for next time.
    await vi.waitFor(() =>
      expect(JSON.parse(readFileSync(join(electron.state.userData, 'window-state.json'), 'utf8'))).toEqual({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: false }),
    );
  });

  it("Quit held up by a window's unsaved changes quits once they are dealt with (macOS stays open with no window otherwise)", async () => {
    await loadMain();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const [window] = electron.BrowserWindow.instances;
    const ours = { senderFrame: { url: 'app://faultline/', parent: null }, sender: window.webContents };
    const handler = (channel: string) => electron.ipcMain.handle.mock.calls.find(([name]) => name === channel)![1] as (event: unknown, ...args: unknown[]) => Promise<unknown>;
    await handler('window:setDocumentState')(ours, { title: 'Lesson', dirty: true });
    electron.dialog.showMessageBox.mockResolvedValue({ response: 1 }); // Don't Save
    const closeListeners = window.on.mock.calls.filter(([event]) => event === 'close').map(([, listener]) => listener as (event: { preventDefault(): void }) => void);
    let destroyed = false;
    Object.assign(window, {
      isDestroyed: () => destroyed,
      // As Electron's: close() lets the window go; it is gone, and 'closed' emitted, a moment later.
      close: () => {
        const event = { prevented: false, preventDefault: () => (event.prevented = true) };
        for (const listener of closeListeners) listener(event);
        if (event.prevented) return;
        setTimeout(() => {
          destroyed = true;
          for (const [name, listener] of window.once.mock.calls as unknown as Array<[string, () => void]>) if (name === 'closed') listener();
        }, 0);
      },
    });

    electron.appListeners.get('before-quit')!({});
    (window as unknown as { close(): void }).close(); // what app.quit does; the guard holds it up to ask
    expect(destroyed).toBe(false);
    await vi.waitFor(() => expect(destroyed).toBe(true));
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
  });
});
