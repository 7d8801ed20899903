import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererViteConfig } from './renderer.vite.shared.ts';

const desktopRenderer = rendererViteConfig({ outDir: resolve('out/renderer'), edition: 'desktop' });

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // The engine's worker_thread entry is its own bundle (main/simHost/engineWorker.ts).
        input: { index: resolve('main/index.ts'), engineWorker: resolve('main/simHost/engineWorker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or node_modules: one CommonJS file, deps inlined.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve('main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // electron-vite resolves a relative renderer outDir from the working directory, not from the
  // renderer root as Vite does: an absolute path lands the page in out/renderer, where main
  // serves it from and electron-builder packages it (a relative one put it outside the repository).
  renderer: {
    ...desktopRenderer,
    build: {
      ...desktopRenderer.build,
      rolldownOptions: { ...desktopRenderer.build?.rolldownOptions, input: resolve('renderer/index.html') },
    },
  },
});
