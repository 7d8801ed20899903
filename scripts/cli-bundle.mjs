// The esbuild options of the headless CLI's bundle, shared by `npm run build:cli` and the test
// that bundles it afresh, so both carry the same version and the same require() shim.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

export function cliBundleOptions(outfile) {
  return {
    absWorkingDir: root,
    entryPoints: ['main/cli/index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { __FAULTLINE_VERSION__: JSON.stringify(packageVersion) },
    // CommonJS dependencies bundled into an ES module need a require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  };
}
