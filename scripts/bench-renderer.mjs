// Renderer frames per second in Chromium (DESIGN §10: 60 fps with 10k animated packets): the live
// view's canvas layer with 1k / 10k / 50k packets, each as a ratio to a bare Pixi ParticleContainer
// with the same count in the same run (target ≥ 0.7). Bundles renderer/live/bench/rendererBench.ts
// with esbuild into a throwaway page and drives it with Playwright's Chromium (Debian's, where
// installed). `npm run bench` merges the result as `renderer`; run alone it prints its own JSON.
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'faultline-bench-renderer');
export const RENDERER_TARGET_RATIO = 0.7;

/** Same flags as the e2e config: SwiftShader WebGL on machines without a GPU. */
const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--no-first-run'];

export async function benchRenderer({ quick = false } = {}) {
  mkdirSync(outDir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: { bench: 'renderer/live/bench/rendererBench.ts', canvas: 'renderer/canvas/bench/canvasEditBench.ts' },
    outdir: outDir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    minify: false,
    logLevel: 'warning',
  });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>renderer bench</title><body style="margin:0"><script src="bench.js"></script><script src="canvas.js"></script></body>');
  const { chromium } = await import('@playwright/test');
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(join(outDir, 'index.html')).href);
    await page.waitForFunction(() => typeof globalThis.faultlineRendererBench === "function");
    const counts = quick ? [1000] : [1000, 10_000, 50_000];
    const result = await page.evaluate(([c, ms, rounds]) => globalThis.faultlineRendererBench(c, ms, rounds), [counts, quick ? 300 : 500, quick ? 1 : 9]);
    if (errors.length > 0) throw new Error(`renderer bench page failed: ${errors.join('; ')}`);
    const byCount = {};
    for (const row of result.rows) byCount[`${row.packets / 1000}k`] = { liveFps: row.liveFps, bareParticleContainerFps: row.bareFps, ratio: row.ratio, meetsTarget: row.ratio >= RENDERER_TARGET_RATIO };
    // Editing a large design (no DESIGN target): a node drag's frames per second by design size,
    // against the same drag with everything selected (every card and link rebuilt each frame).
    const sizes = quick ? [10, 200] : [10, 200, 1000];
    const editRows = await page.evaluate(([s, ms, rounds]) => globalThis.faultlineCanvasEditBench(s, ms, rounds), [sizes, quick ? 300 : 600, quick ? 1 : 3]);
    if (errors.length > 0) throw new Error(`canvas bench page failed: ${errors.join('; ')}`);
    const canvasEditing = { note: 'node drag, frames/s drawn to completion (SwiftShader, no antialiasing); ratio = drag with one node selected / drag with everything selected; farZoomFps = zooming in and out round the fit (far labels re-placed each frame)' };
    for (const row of editRows) canvasEditing[`${row.nodes}nodes`] = { dragFps: row.dragFps, everythingRebuiltFps: row.everythingRebuiltFps, ratio: Math.round((row.dragFps / row.everythingRebuiltFps) * 100) / 100, farZoomFps: row.farZoomFps };
    return { renderer: result.renderer, targetRatio: RENDERER_TARGET_RATIO, packets: byCount, canvasEditing };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchRenderer({ quick: process.argv.includes('--quick') });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
