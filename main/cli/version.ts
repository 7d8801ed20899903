/** Set by the CLI bundle's esbuild `define` (scripts/cli-bundle.mjs) to package.json's version. */
declare const __FAULTLINE_VERSION__: string | undefined;

/** The version `faultline --version` prints; "unknown" only when run from unbundled sources. */
export const CLI_VERSION: string = typeof __FAULTLINE_VERSION__ === 'string' ? __FAULTLINE_VERSION__ : 'unknown';
