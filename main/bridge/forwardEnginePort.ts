import { ENGINE_CHANNELS, ENGINE_PORT_MESSAGE } from '../../shared/ipc/engineChannels';

/** The part of ipcRenderer this needs. */
export interface EnginePortSource {
  on(channel: string, listener: (event: { ports?: readonly unknown[] }) => void): unknown;
}

/** The part of window this needs. */
export interface EnginePortTarget {
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void;
  location: { origin: string };
}

/**
 * The standard Electron port hand-off, preload side: a port cannot cross contextBridge, so the
 * preload posts it to the page's own window (same origin only). Anything on the channel that is
 * not exactly one port is dropped — only main can send on it.
 */
export function forwardEnginePorts(ipc: EnginePortSource, target: () => EnginePortTarget, warn: (message: string) => void = (m) => console.warn(m)): void {
  ipc.on(ENGINE_CHANNELS.port, (event) => {
    const ports = event.ports ?? [];
    if (ports.length !== 1) return warn(`Faultline: ignored an ${ENGINE_CHANNELS.port} message with ${ports.length} ports`);
    const page = target();
    const origin = page.location.origin;
    page.postMessage({ type: ENGINE_PORT_MESSAGE }, origin && origin !== 'null' ? origin : '*', [ports[0]]);
  });
}
