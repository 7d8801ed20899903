// Bundles the headless CLI (main/cli/) for plain Node. Fast enough to run on every `npm install`.
import { build } from 'esbuild';

await build({
  entryPoints: ['main/cli/index.ts'],
  outfile: 'out/cli/faultline.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // CommonJS dependencies bundled into an ES module need a require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
