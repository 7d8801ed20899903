import { defineConfig } from 'vite';
import { rendererViteConfig } from './renderer.vite.shared';

/** The web edition: the same renderer as a static site, the engine in a Web Worker. */
export default defineConfig(rendererViteConfig({ outDir: 'dist-web', edition: 'web' }));
