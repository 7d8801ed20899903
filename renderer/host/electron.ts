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
    setMenuChecks: (checks) => {
      bridge.setMenuChecks(checks).catch((error: unknown) => console.warn('Faultline: could not update the menu\'s check marks', error));
    },
    writeClipboardText: async (text) => {
      await bridge.writeClipboardText(text);
    },
    files: createElectronFiles(bridge),
    connectEngine: () => connectElectronEngine(bridge),
  };
}
