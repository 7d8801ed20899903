// Bundles the headless CLI (main/cli/) for plain Node. Fast enough to run on every `npm install`.
import { build } from 'esbuild';
import { cliBundleOptions } from './cli-bundle.mjs';

await build({ ...cliBundleOptions('out/cli/faultline.mjs'), sourcemap: true, logLevel: 'warning' });
