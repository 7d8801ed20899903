import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_METHODS, type FaultlineBridge } from '../../../shared/ipc/bridge';

// vi.mock is hoisted above the imports; vi.hoisted makes these fakes exist by then.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer, senderId: 0 }, ...args);
  };
  const contextBridge = { exposeInMainWorld: vi.fn() };
  return { ipcRenderer, contextBridge, emit, listeners };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

await import('../../../main/preload');

const [exposedName, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, FaultlineBridge];
const appInfo = { name: 'Faultline', version: '0.1.0', platform: 'linux', edition: 'desktop', electron: '44.11.5', chrome: '140.0', node: '22.20.0' };

describe('preload', () => {
  beforeEach(() => {
    electron.ipcRenderer.invoke.mockReset();
  });

  it('exposes exactly one global, window.faultline', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(exposedName).toBe('faultline');
  });

  it('exposes only the bridge methods, and never ipcRenderer or its functions', () => {
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_METHODS].sort());
    expect(BRIDGE_METHODS).toEqual(expect.arrayContaining(['getAppInfo', 'onMenuCommand', 'openFile', 'saveFile', 'saveFileAs']));
    const ipcFunctions = new Set<unknown>([electron.ipcRenderer, ...Object.values(electron.ipcRenderer)]);
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(ipcFunctions.has(value)).toBe(false);
    }
  });

  it('getAppInfo asks main on app:getInfo and returns the validated answer', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ...appInfo, extra: 'dropped' });
    await expect(bridge.getAppInfo()).resolves.toEqual(appInfo);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('app:getInfo');
  });

  it('getAppInfo rejects a malformed answer instead of passing it on', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ...appInfo, edition: 'root' });
    await expect(bridge.getAppInfo()).rejects.toThrow(/malformed data \(edition:/);
  });

  it('onMenuCommand hands the page only valid commands, never the Electron event', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const listener = vi.fn();
    const unsubscribe = bridge.onMenuCommand(listener);
    electron.emit('menu:command', 'file.save');
    electron.emit('menu:command', 'format.disk');
    electron.emit('menu:command', { command: 'file.save' });
    expect(listener.mock.calls).toEqual([['file.save']]);
    expect(warn).toHaveBeenCalledTimes(2);
    unsubscribe();
    warn.mockRestore();
  });

  it('onMenuCommand returns an unsubscribe that removes the relay (and is safe to call twice)', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onMenuCommand(listener);
    unsubscribe();
    unsubscribe();
    electron.emit('menu:command', 'file.new');
    expect(listener).not.toHaveBeenCalled();
    expect(electron.listeners.get('menu:command')?.size ?? 0).toBe(0);
  });

  it('onMenuCommand refuses a non-function', () => {
    expect(() => bridge.onMenuCommand('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });

  it('every event subscription refuses a non-function when called, not when main first sends', () => {
    const notAFunction = 'alert(1)' as unknown as () => void;
    expect(() => bridge.onFileOpened(notAFunction)).toThrow(TypeError);
    expect(() => bridge.onSaveBeforeClose(notAFunction)).toThrow(TypeError);
  });

  it('saveFile sends the token and text on file:save and returns the validated answer', async () => {
    const token = 'T'.repeat(32);
    const answer = { status: 'saved', file: { token, name: 'a.faultline', location: '/home/me/a.faultline' }, warning: null };
    electron.ipcRenderer.invoke.mockResolvedValue(answer);
    await expect(bridge.saveFile({ token, text: '{}', overwriteChanged: false })).resolves.toEqual(answer);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('file:save', { token, text: '{}', overwriteChanged: false });
  });

  it('file answers that do not match their schema are refused before the page sees them', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ status: 'opened', file: { token: 'short', name: 'a', location: '/a' }, text: '' });
    await expect(bridge.openFile()).rejects.toThrow(/malformed data \(file\.token:/);
    electron.ipcRenderer.invoke.mockResolvedValue({ status: 'saved', file: { token: 'T'.repeat(32), name: 'a', location: '/a' }, warning: null, extra: 1 });
    await expect(bridge.saveFileAs({ text: '', suggestedName: 'a' })).rejects.toThrow(/malformed data/);
  });

  it('onFileOpened relays only valid open results', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const listener = vi.fn();
    const unsubscribe = bridge.onFileOpened(listener);
    const opened = { status: 'opened', file: { token: 'T'.repeat(32), name: 'a.faultline', location: '/a.faultline' }, text: '{}' };
    electron.emit('file:opened', opened);
    electron.emit('file:opened', { status: 'opened', file: null, text: '{}' });
    expect(listener.mock.calls).toEqual([[opened]]);
    expect(warn).toHaveBeenCalledTimes(1);
    unsubscribe();
    warn.mockRestore();
  });
});
