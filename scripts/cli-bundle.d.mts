// Types for cli-bundle.mjs (the CLI bundle's esbuild options, shared by build:cli and its test).
import type { BuildOptions } from 'esbuild';
export function cliBundleOptions(outfile: string): BuildOptions;
