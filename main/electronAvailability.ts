import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * Plain Node, no electron import: used by the Electron end-to-end spec (and mirrored in
 * scripts/electron-binary.mjs for `npm start`, which runs before anything is compiled; a unit
 * test runs both against the same cases so they cannot drift).
 *
 * Requiring the `electron` package itself is exactly what must not happen here: its index.js
 * starts a download when the binary is missing. So this repeats its lookup instead:
 * path.txt names the executable inside dist/ (or inside ELECTRON_OVERRIDE_DIST_PATH).
 */

export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };

export interface FindElectronBinaryOptions {
  /** The installed `electron` package folder; found through Node resolution by default. */
  packageDir?: string;
  env?: Record<string, string | undefined>;
}

function defaultPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/** Where the Electron binary is, or why there is none. Never throws, never downloads. */
export function findElectronBinary(options: FindElectronBinaryOptions = {}): ElectronBinary {
  const env = options.env ?? process.env;
  let packageDir: string;
  try {
    packageDir = options.packageDir ?? defaultPackageDir();
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
