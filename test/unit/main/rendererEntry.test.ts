import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../main/appPaths';
import { resolveRendererEntry } from '../../../main/window/rendererEntry';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

describe('resolveRendererEntry', () => {
  it('loads the built renderer from app:// by default', () => {
    expect(resolveRendererEntry({}, false)).toEqual({ url: 'app://faultline/', allowedOrigins: ['app://faultline'], devServerOrigin: null, warning: null });
  });

  it('uses the electron-vite dev server in an unpackaged app and trusts its origin', () => {
    const entry = resolveRendererEntry({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false);
    expect(entry.url).toBe('http://localhost:5173');
    expect(entry.allowedOrigins).toEqual(['app://faultline', 'http://localhost:5173']);
    expect(entry.devServerOrigin).toBe('http://localhost:5173');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    const entry = resolveRendererEntry({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true);
    expect(entry.url).toBe('app://faultline/');
    expect(entry.allowedOrigins).toEqual(['app://faultline']);
    expect(entry.warning).toMatch(/packaged/);
  });

  it.each(['https://evil.example.com/', 'file:///tmp/index.html', 'http://192.168.1.5:5173', 'nonsense'])('refuses a dev URL that is not loopback http(s): %s', (url) => {
    const entry = resolveRendererEntry({ ELECTRON_RENDERER_URL: url }, false);
    expect(entry.url).toBe('app://faultline/');
    expect(entry.allowedOrigins).toEqual(['app://faultline']);
    expect(entry.warning).toBeTruthy();
  });
});

describe('appPaths', () => {
  it('finds the preload and renderer next to the main bundle', () => {
    const out = join('/opt', 'Faultline', 'resources', 'app.asar', 'out');
    const paths = appPaths(pathToFileURL(join(out, 'main', 'index.js')).href);
    expect(paths.preload).toBe(join(out, 'preload', 'preload.cjs'));
    expect(paths.rendererRoot).toBe(join(out, 'renderer'));
  });
});

describe('the desktop build layout', () => {
  it('puts the renderer where main serves it from (electron-vite resolves a relative outDir from the working directory)', async () => {
    const { default: config } = (await import('../../../electron.vite.config')) as { default: { renderer: { build: { outDir: string } }; main: { build: { outDir: string } } } };
    const root = join(__dirname, '..', '..', '..');
    const mainDir = join(root, config.main.build.outDir);
    // Where main (out/main/index.js) looks for the page, and where the build writes it: the same folder.
    expect(appPaths(pathToFileURL(join(mainDir, 'index.js')).href).rendererRoot).toBe(config.renderer.build.outDir);
  });
});
