import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * main/simHost/engineWorker.ts bundled by esbuild into a temporary folder (as electron-vite
 * bundles it for the app), so tests run the real worker_thread entry without a TypeScript loader.
 */
export async function bundleEngineWorker(): Promise<{ entryPath: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-engine-'));
  const entryPath = join(dir, 'engineWorker.mjs');
  await build({ entryPoints: ['main/simHost/engineWorker.ts'], outfile: entryPath, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  return { entryPath, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
