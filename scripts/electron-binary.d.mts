// Types for electron-binary.mjs, the one lookup of the Electron binary (npm start, the Electron
// e2e spec and its unit test all use it).
export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };
export interface FindElectronBinaryOptions {
  /** The installed `electron` package folder; found through Node resolution by default. */
  packageDir?: string;
  env?: Record<string, string | undefined>;
}
/** Where the Electron binary is, or why there is none. Never throws, never downloads. */
export function findElectronBinary(options?: FindElectronBinaryOptions): ElectronBinary;
