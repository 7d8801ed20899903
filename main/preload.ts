/**
 * The sandboxed preload: it runs before the page, in an isolated world, and exposes exactly one
 * thing, `window.faultline` (shared/ipc/bridge.ts). Bundled to out/preload/preload.cjs with
 * everything inlined, because a sandboxed preload can require only a few Electron modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL_NAME } from '../shared/ipc/bridge';
import { createFaultlineBridge } from './bridge/createFaultlineBridge';
import { forwardEnginePorts, type EnginePortTarget } from './bridge/forwardEnginePort';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, createFaultlineBridge(ipcRenderer));
// The engine's MessagePort cannot cross contextBridge; it reaches the page by window.postMessage.
forwardEnginePorts(ipcRenderer, () => (globalThis as unknown as { window: EnginePortTarget }).window);
