// Where the Electron binary is, or why there is none: plain JS because `npm start` runs it before
// anything is compiled; the Electron e2e spec imports it too (types in electron-binary.d.mts).
// Never requires the `electron` package: its index.js downloads the
// binary when it is missing; this repeats its lookup instead (path.txt names the executable in
// dist/ or in ELECTRON_OVERRIDE_DIST_PATH).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @typedef {{ available: true, path: string } | { available: false, reason: string }} ElectronBinary
 * @param {{ packageDir?: string, env?: Record<string, string | undefined> }} [options]
 * @returns {ElectronBinary}
 */
export function findElectronBinary(options = {}) {
  const env = options.env ?? process.env;
  let packageDir;
  try {
    packageDir = options.packageDir ?? dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed' };
  }
  try {
    const pathFile = join(packageDir, 'path.txt');
    const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH;
    if (overrideDir) {
      const path = join(overrideDir, executable || 'electron');
      return existsSync(path)
        ? { available: true, path }
        : { available: false, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${path}, which does not exist` };
    }
    if (!executable) {
      return {
        available: false,
        reason: `${pathFile} is missing: the Electron binary was never downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, or offline)`,
      };
    }
    const path = join(packageDir, 'dist', executable);
    return existsSync(path)
      ? { available: true, path }
      : { available: false, reason: `${path} does not exist: the Electron binary was never downloaded` };
  } catch (error) {
    return { available: false, reason: `the Electron binary could not be located (${error instanceof Error ? error.message : String(error)})` };
  }
}
