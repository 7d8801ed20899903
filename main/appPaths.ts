import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPaths {
  /** The sandboxed preload, bundled as CommonJS (a sandboxed preload cannot load ES modules). */
  preload: string;
  /** The built renderer that the `app://` protocol serves. */
  rendererRoot: string;
  /** The simulation engine's worker_thread entry, built next to the main bundle. */
  engineWorker: string;
}

/**
 * Where electron-vite puts the other bundles, relative to the main bundle
 * (`out/main/index.js` → `out/preload/preload.cjs`, `out/renderer/`). Inside a packaged app the
 * same layout lives in app.asar.
 */
export function appPaths(mainModuleUrl: string): AppPaths {
  const mainDir = dirname(fileURLToPath(mainModuleUrl));
  return {
    preload: join(mainDir, '..', 'preload', 'preload.cjs'),
    rendererRoot: join(mainDir, '..', 'renderer'),
    engineWorker: join(mainDir, 'engineWorker.js'),
  };
}
