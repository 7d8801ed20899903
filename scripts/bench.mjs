// `npm run bench`: bundles test/bench/main.ts with esbuild and runs it in a fresh node with
// --expose-gc (for the memory figures), printing its one JSON object on stdout.
// Pass --quick for a fast smoke run (tiny sizes, one repetition).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { benchRenderer } from './bench-renderer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'faultline-bench', 'bench.mjs');
const modelBench = join(root, 'test', 'bench', 'model.bench.ts');

await build({
  absWorkingDir: root,
  entryPoints: ['test/bench/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Keep the benchmarked code exactly as written (no renaming that could change inlining).
  minify: false,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [
    {
      // The model benchmark belongs to the engine; if it is ever missing, say so instead of failing.
      name: 'optional-model-bench',
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /\/model\.bench$/ }, () =>
          existsSync(modelBench) ? { path: modelBench } : { path: 'model-bench-missing', namespace: 'optional' },
        );
        pluginBuild.onLoad({ filter: /.*/, namespace: 'optional' }, () => ({
          contents: "export function benchModel() { return { status: 'test/bench/model.bench.ts not present' }; }",
          loader: 'js',
        }));
      },
    },
  ],
});

const child = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 * 1024 * 1024,
});
if (child.status !== 0) {
  process.stderr.write(`bench: the benchmark process failed (exit ${child.status ?? child.signal})\n`);
  process.exit(child.status ?? 1);
}
// Re-parse so that exactly one JSON object reaches stdout, whatever the entry printed.
const result = JSON.parse(child.stdout.toString('utf8'));
// Renderer fps in Chromium (scripts/bench-renderer.mjs), merged into the same object.
try {
  result.renderer = await benchRenderer({ quick: process.argv.includes('--quick') });
} catch (error) {
  result.renderer = { status: `not measured: ${error instanceof Error ? error.message : String(error)}` };
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
