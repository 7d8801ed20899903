import { defineConfig } from 'vite';
import { rendererViteConfig } from './renderer.vite.shared.ts';

/**
 * The web edition: the same renderer as a static site, the engine in a Web Worker.
 * FAULTLINE_WEB_OUT_DIR lets parallel end-to-end runs build and serve separate copies.
 */
export default defineConfig(rendererViteConfig({ outDir: process.env.FAULTLINE_WEB_OUT_DIR ?? 'dist-web', edition: 'web' }));
