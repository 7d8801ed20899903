import type { AppInfo } from '../../shared/ipc/bridge';
import type { Host } from './host';
import { installEngineDebugHandle } from '../engine/engineDebugHandle';
import { connectWebEngine } from './webEngine';
import { browserStorage, createWebFiles } from './web/webFiles';

/** The web edition: the renderer as a static site in any modern browser. */
export function createWebHost(version: string): Host {
  // End-to-end tests drive the real engine before any UI does (renderer/engine/engineDebugHandle.ts).
  if (new URLSearchParams(window.location.search).get('engine-debug') === '1') installEngineDebugHandle(window, connectWebEngine({ allowDebugCommands: true }));
  return {
    edition: 'web',
    label: 'Web edition',
    async getAppInfo(): Promise<AppInfo> {
      return {
        name: 'Faultline',
        version,
        platform: navigator.platform || 'web',
        edition: 'web',
        electron: null,
        chrome: chromeVersion(navigator.userAgent),
        node: null,
      };
    },
    onMenuCommand() {
      return () => {};
    },
    files: createWebFiles({ window, storage: browserStorage(window) }),
    connectEngine: async () => connectWebEngine(),
  };
}

function chromeVersion(userAgent: string): string | null {
  const match = /Chrom(?:e|ium)\/([\d.]+)/.exec(userAgent);
  return match ? match[1] : null;
}
