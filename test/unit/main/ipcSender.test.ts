import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { handleInvoke, type InvokeRegistrar } from '../../../main/ipc/handleInvoke';
import { registerIpcHandlers } from '../../../main/ipc/registerIpcHandlers';
import { createSenderGate } from '../../../main/ipc/senderGate';
import { validateSender, type SenderVerdict } from '../../../main/ipc/validateSender';
import { createWebContentsRegistry } from '../../../main/window/webContentsRegistry';
import type { AppInfo } from '../../../shared/ipc/appInfo';

const origins = ['app://faultline'];
const appFrame = { url: 'app://faultline/', isMainFrame: true, isAppWindow: true };

describe('validateSender', () => {
  it('trusts the top frame of an app window on the app origin', () => {
    expect(validateSender(appFrame, origins)).toEqual({ trusted: true });
    expect(validateSender({ ...appFrame, url: 'app://faultline/index.html?x#y' }, origins)).toEqual({ trusted: true });
  });

  it('trusts the dev server only when it is listed', () => {
    const dev = { ...appFrame, url: 'http://localhost:5173/' };
    expect(validateSender(dev, origins).trusted).toBe(false);
    expect(validateSender(dev, [...origins, 'http://localhost:5173']).trusted).toBe(true);
  });

  it('refuses a missing frame', () => {
    expect(validateSender(null, origins)).toMatchObject({ trusted: false, reason: expect.stringMatching(/no longer exists/) });
    expect(validateSender(undefined, origins).trusted).toBe(false);
  });

  it('refuses a subframe, even on the app origin', () => {
    expect(validateSender({ ...appFrame, isMainFrame: false }, origins)).toMatchObject({ trusted: false, reason: expect.stringMatching(/subframe/) });
  });

  it('refuses a webContents that is not one of our windows', () => {
    expect(validateSender({ ...appFrame, isAppWindow: false }, origins)).toMatchObject({ trusted: false, reason: expect.stringMatching(/not a Faultline window/) });
  });

  it.each(['https://example.com/', 'app://evil/', 'file:///home/me/x.html', 'about:blank', 'data:text/html,x', 'http://localhost:5173/'])('refuses the origin of %s', (url) => {
    expect(validateSender({ ...appFrame, url }, origins)).toMatchObject({ trusted: false, reason: expect.stringMatching(/origin/) });
  });
});

type FakeFrame = { url: string; parent: unknown };

function fakeEvent(frame: FakeFrame | null, senderId = 1): IpcMainInvokeEvent {
  return { senderFrame: frame, sender: { id: senderId } } as unknown as IpcMainInvokeEvent;
}

describe('createSenderGate', () => {
  const gate = createSenderGate({ allowedOrigins: origins, isAppWebContents: (contents) => contents.id === 1 });

  it('reads url, frame depth and window ownership off the event', () => {
    expect(gate(fakeEvent({ url: 'app://faultline/', parent: null }))).toEqual({ trusted: true });
    expect(gate(fakeEvent({ url: 'app://faultline/', parent: {} })).trusted).toBe(false);
    expect(gate(fakeEvent({ url: 'app://faultline/', parent: null }, 2)).trusted).toBe(false);
    expect(gate(fakeEvent(null)).trusted).toBe(false);
  });

  it('treats a disposed frame (whose getters throw) as untrusted', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(gate(fakeEvent(disposed))).toMatchObject({ trusted: false, reason: expect.stringMatching(/inspected/) });
  });
});

describe('webContentsRegistry', () => {
  it('knows the contents it was given until they are destroyed', () => {
    const registry = createWebContentsRegistry();
    let onDestroyed = () => {};
    registry.add({ id: 7, once: (_event, listener) => (onDestroyed = listener) });
    expect(registry.has({ id: 7 })).toBe(true);
    expect(registry.has({ id: 8 })).toBe(false);
    onDestroyed();
    expect(registry.has({ id: 7 })).toBe(false);
  });
});

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipc: InvokeRegistrar = { handle: (channel, listener) => void handlers.set(channel, listener) };
  return { ipc, invoke: (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) => handlers.get(channel)!(event, ...args), handlers };
}

const appInfo: AppInfo = { name: 'Faultline', version: '0.1.0', platform: 'linux', edition: 'desktop', electron: '44.0.0', chrome: '140.0', node: '22.0.0' };
const trusted = (): SenderVerdict => ({ trusted: true });
const untrusted = (): SenderVerdict => ({ trusted: false, reason: 'the sender is a subframe' });
const quietLog = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });
const anyEvent = fakeEvent({ url: 'app://faultline/', parent: null });

describe('handleInvoke', () => {
  it('runs the handler for a trusted sender with valid arguments', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const handler = vi.fn(() => appInfo);
    handleInvoke(ipc, 'app:getInfo', handler, { checkSender: trusted, log: quietLog() });
    await expect(invoke('app:getInfo', anyEvent)).resolves.toEqual(appInfo);
    expect(handler).toHaveBeenCalledWith([], anyEvent);
  });

  it('rejects an untrusted sender with a clear error, logs it, and never runs the handler', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const handler = vi.fn(() => appInfo);
    const log = quietLog();
    handleInvoke(ipc, 'app:getInfo', handler, { checkSender: untrusted, log });
    await expect(invoke('app:getInfo', anyEvent)).rejects.toThrow('app:getInfo refused: the sender is a subframe');
    expect(handler).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('subframe'));
  });

  it('rejects invalid arguments before the handler runs', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const handler = vi.fn(() => appInfo);
    handleInvoke(ipc, 'app:getInfo', handler, { checkSender: trusted, log: quietLog() });
    await expect(invoke('app:getInfo', anyEvent, '/etc/passwd')).rejects.toThrow(/invalid arguments: expected no arguments, got 1/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a handler failure into a rejection without leaking its message, and logs the cause', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const log = quietLog();
    handleInvoke(
      ipc,
      'app:getInfo',
      () => {
        throw new Error('ENOENT /home/alice/secret');
      },
      { checkSender: trusted, log },
    );
    const failure = invoke('app:getInfo', anyEvent);
    await expect(failure).rejects.toThrow(/failed inside Faultline/);
    await expect(failure).rejects.not.toThrow(/alice/);
    expect(log.error).toHaveBeenCalledWith('app:getInfo failed', expect.any(Error));
  });
});

describe('registerIpcHandlers', () => {
  it('answers app:getInfo, behind the sender gate', async () => {
    const { ipc, invoke, handlers } = fakeIpcMain();
    const gate = createSenderGate({ allowedOrigins: origins, isAppWebContents: (contents) => contents.id === 1 });
    registerIpcHandlers(ipc, { appInfo: () => appInfo, checkSender: gate, log: quietLog() });
    expect([...handlers.keys()]).toEqual(['app:getInfo', 'menu:setChecks', 'clipboard:writeText']);
    await expect(invoke('app:getInfo', anyEvent)).resolves.toEqual(appInfo);
    await expect(invoke('app:getInfo', fakeEvent({ url: 'https://example.com/', parent: null }))).rejects.toThrow(/refused/);
  });

  it('hands menu:setChecks (which settings are on, which speed is current) to the native menu, and refuses anything else', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const gate = createSenderGate({ allowedOrigins: origins, isAppWebContents: (contents) => contents.id === 1 });
    const setMenuChecks = vi.fn();
    registerIpcHandlers(ipc, { appInfo: () => appInfo, checkSender: gate, log: quietLog(), setMenuChecks });
    await expect(invoke('menu:setChecks', anyEvent, { 'view.toggleDarkMode': true, 'view.toggleClassroomMode': false, 'sim.speedTenTimes': true })).resolves.toBeNull();
    expect(setMenuChecks).toHaveBeenCalledWith({ 'view.toggleDarkMode': true, 'view.toggleClassroomMode': false, 'sim.speedTenTimes': true });
    // Faster / Slower are commands, not states; a speed is true or false.
    for (const bad of [{ 'view.toggleDarkMode': 'yes' }, { 'file.save': true }, { 'sim.speedUp': true }, { 'sim.speedFastest': 1 }, null, 'dark']) await expect(invoke('menu:setChecks', anyEvent, bad)).rejects.toThrow();
    await expect(invoke('menu:setChecks', fakeEvent({ url: 'https://example.com/', parent: null }), {})).rejects.toThrow(/refused/);
    expect(setMenuChecks).toHaveBeenCalledTimes(1);
  });

  it('puts a share code on the clipboard through clipboard:writeText (the session grants the page no clipboard permission), and refuses anything else', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const gate = createSenderGate({ allowedOrigins: origins, isAppWebContents: (contents) => contents.id === 1 });
    const writeClipboardText = vi.fn();
    registerIpcHandlers(ipc, { appInfo: () => appInfo, checkSender: gate, log: quietLog(), writeClipboardText });
    await expect(invoke('clipboard:writeText', anyEvent, 'eJzLSM3JyQcABiwCFQ')).resolves.toBeNull();
    expect(writeClipboardText).toHaveBeenCalledWith('eJzLSM3JyQcABiwCFQ');
    for (const bad of [42, null, { text: 'x' }, 'x'.repeat(4 * 1024 * 1024 + 1)]) await expect(invoke('clipboard:writeText', anyEvent, bad)).rejects.toThrow();
    await expect(invoke('clipboard:writeText', fakeEvent({ url: 'https://example.com/', parent: null }), 'x')).rejects.toThrow(/refused/);
    expect(writeClipboardText).toHaveBeenCalledTimes(1);
  });
});
