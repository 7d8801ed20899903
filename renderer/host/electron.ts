import type { FaultlineBridge } from '../../shared/ipc/bridge';
import { createElectronFiles } from './electronFiles';
import { connectElectronEngine } from './electronEngine';
import type { Host } from './host';

/** The desktop host: a thin wrapper over the preload bridge (`window.faultline`). */
export function createElectronHost(bridge: FaultlineBridge): Host {
  return {
    edition: 'desktop',
    label: 'Desktop',
    getAppInfo: () => bridge.getAppInfo(),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    files: createElectronFiles(bridge),
    connectEngine: () => connectElectronEngine(bridge),
  };
}
