import type { AppInfo } from '../../shared/ipc/bridge';
import type { Host } from './host';
import { browserStorage, createWebFiles } from './web/webFiles';

/** The web edition: the renderer as a static site in any modern browser. */
export function createWebHost(version: string): Host {
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
  };
}

function chromeVersion(userAgent: string): string | null {
  const match = /Chrom(?:e|ium)\/([\d.]+)/.exec(userAgent);
  return match ? match[1] : null;
}
