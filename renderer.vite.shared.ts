import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { buildContentSecurityPolicy } from './shared/ipc/csp.ts';

const packageVersion: string = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;

/**
 * The renderer's Vite settings, shared by the desktop build (electron.vite.config.ts) and the
 * web edition (vite.web.config.ts): one renderer, two hosts.
 */
export function rendererViteConfig(options: { outDir: string; edition: 'desktop' | 'web' }): UserConfig {
  return {
    root: 'renderer',
    base: './',
    plugins: [react(), contentSecurityPolicyMeta()],
    define: {
      __FAULTLINE_EDITION__: JSON.stringify(options.edition),
      __FAULTLINE_VERSION__: JSON.stringify(packageVersion),
    },
    worker: { format: 'es' },
    build: {
      // Relative to the repository (the Vite root is renderer/); an absolute path stays as given.
      outDir: isAbsolute(options.outDir) ? options.outDir : `../${options.outDir}`,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2500,
      sourcemap: true,
      rolldownOptions: {
        onwarn(warning, warn) {
          // hdr-histogram-js's UMD bundle probes for Node's zlib with eval('require("zlib")…') and
          // falls back to pako in a browser (the CSP forbids eval, so the probe just fails there).
          // That warning is about the library, not about anything a newcomer can act on.
          if (warning.code === 'EVAL' && (warning.id ?? '').includes('hdr-histogram-js')) return;
          warn(warning);
        },
      },
    },
  };
}

/** Puts the production CSP into index.html, so the web edition is as locked down as the desktop app. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'faultline:csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      const csp = buildContentSecurityPolicy({ dev: false, delivery: 'meta' });
      return html.replace('<!-- CSP -->', `<meta http-equiv="Content-Security-Policy" content="${csp}" />`);
    },
  };
}
