import type { FaultlineBridge } from '../../shared/ipc/bridge';
import { ENGINE_PORT_MESSAGE } from '../../shared/ipc/engineChannels';
import type { EngineConnection } from '../engine/engineConnection';

/**
 * The desktop engine: asks main through the bridge, and takes the MessagePort the preload posts to
 * this window — only from this window itself (the preload), only one port, only with our marker.
 */
export function connectElectronEngine(bridge: FaultlineBridge, page: Window = window): Promise<EngineConnection> {
  return new Promise((resolve) => {
    const receive = (event: MessageEvent) => {
      if (event.source !== page || event.ports.length !== 1) return;
      if (typeof event.data !== 'object' || event.data === null || (event.data as { type?: unknown }).type !== ENGINE_PORT_MESSAGE) return;
      page.removeEventListener('message', receive);
      resolve(portConnection(event.ports[0]));
    };
    page.addEventListener('message', receive);
    bridge.connectEngine();
  });
}

function portConnection(port: MessagePort): EngineConnection {
  const listeners = new Set<(data: unknown) => void>();
  port.onmessage = (event) => {
    for (const listener of listeners) listener(event.data);
  };
  return {
    post: (command) => port.postMessage(command),
    onMessage: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => port.close(),
  };
}
