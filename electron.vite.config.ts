import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererViteConfig } from './renderer.vite.shared';

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
  renderer: {
    ...rendererViteConfig({ outDir: 'out/renderer', edition: 'desktop' }),
    build: {
      ...rendererViteConfig({ outDir: 'out/renderer', edition: 'desktop' }).build,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
