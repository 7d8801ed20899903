import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PRODUCTION_CSP } from '../../../shared/ipc/csp';
import { APP_SCHEME_DEFINITION } from '../../../main/protocol/appScheme';
import { contentTypeFor } from '../../../main/protocol/contentTypes';
import { registerAppScheme, serveAppProtocol } from '../../../main/protocol/registerAppProtocol';
import { resolveAppPath } from '../../../main/protocol/resolveAppPath';
import { serveAppRequest } from '../../../main/protocol/serveAppRequest';
import type { Logger } from '../../../main/log';

const root = join(tmpdir(), 'faultline-root-not-touched');

function quietLog() {
  return {
    info: vi.fn<Logger['info']>(),
    warn: vi.fn<Logger['warn']>(),
    error: vi.fn<Logger['error']>(),
  };
}

describe('resolveAppPath', () => {
  it('maps the root to index.html', () => {
    expect(resolveAppPath('app://faultline/', root)).toEqual({ ok: true, filePath: join(root, 'index.html') });
    expect(resolveAppPath('app://faultline', root)).toEqual({ ok: true, filePath: join(root, 'index.html') });
    expect(resolveAppPath('app://faultline/?lesson=1#top', root)).toEqual({ ok: true, filePath: join(root, 'index.html') });
  });

  it('maps nested files and decodes ordinary escapes', () => {
    expect(resolveAppPath('app://faultline/assets/index-abc.js', root)).toEqual({ ok: true, filePath: join(root, 'assets', 'index-abc.js') });
    expect(resolveAppPath('app://faultline/assets/my%20file.png?v=2', root)).toEqual({ ok: true, filePath: join(root, 'assets', 'my file.png') });
    expect(resolveAppPath('APP://FAULTLINE/index.html', root)).toEqual({ ok: true, filePath: join(root, 'index.html') });
  });

  it.each([
    ['literal ..', 'app://faultline/../../etc/passwd'],
    ['.. in the middle', 'app://faultline/assets/../../secret'],
    ['encoded dots', 'app://faultline/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dots', 'app://faultline/%2E%2e/secret'],
    ['half-encoded dots', 'app://faultline/.%2e/secret'],
    ['single dot', 'app://faultline/./index.html'],
    ['encoded slash', 'app://faultline/..%2f..%2fetc%2fpasswd'],
    ['encoded backslash', 'app://faultline/..%5c..%5cwindows%5cwin.ini'],
    ['raw backslash', 'app://faultline/..\\..\\secret'],
    ['absolute path (double slash)', 'app://faultline//etc/passwd'],
    ['encoded absolute path', 'app://faultline/%2fetc%2fpasswd'],
    ['drive letter', 'app://faultline/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://faultline/C%3a%5cWindows'],
    ['null byte', 'app://faultline/index.html%00.png'],
    ['malformed escape', 'app://faultline/%E0%A4%A'],
  ])('refuses %s', (_name, url) => {
    const result = resolveAppPath(url, root);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(400);
  });

  it('refuses other hosts, other schemes and directories with 404 or 400', () => {
    expect(resolveAppPath('app://evil/index.html', root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppPath('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppPath('app://faultline/assets/', root)).toMatchObject({ ok: false, status: 404 });
  });

  it('treats double-encoded dots as a plain (harmless) file name', () => {
    expect(resolveAppPath('app://faultline/%252e%252e/x', root)).toEqual({ ok: true, filePath: join(root, '%2e%2e', 'x') });
  });
});

describe('contentTypeFor', () => {
  it('gives module scripts, styles, pages, images, fonts and wasm their types', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/index-1.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/STYLE.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/icon.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a/icon.png')).toBe('image/png');
    expect(contentTypeFor('a/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/engine.wasm')).toBe('application/wasm');
    expect(contentTypeFor('a/index.js.map')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('a/lesson.faultline')).toBe('application/x-faultline+json; charset=utf-8');
  });

  it('does not guess unknown types', () => {
    expect(contentTypeFor('a/blob.xyz')).toBe('application/octet-stream');
    expect(contentTypeFor('a/README')).toBe('application/octet-stream');
  });
});

describe('serveAppRequest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'faultline-renderer-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Faultline</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'secret.js'), 'outside the root');
    // Links inside the renderer folder: two lead out of it, one stays inside.
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'renderer', 'assets', 'leak.txt'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'renderer', 'linked'), 'dir');
    symlinkSync(join(dir, 'renderer', 'index.html'), join(dir, 'renderer', 'alias.html'));
    // The root itself reached through a link (e.g. a symlinked install folder) is still the root.
    symlinkSync(join(dir, 'renderer'), join(dir, 'renderer-link'), 'dir');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const serve = (url: string, init?: RequestInit, log = quietLog()) =>
    serveAppRequest(new Request(url, init), { rootDir: join(dir, 'renderer'), contentSecurityPolicy: PRODUCTION_CSP, log });

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const response = await serve('app://faultline/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Faultline</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves a script as JavaScript', async () => {
    const response = await serve('app://faultline/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const response = await serve('app://faultline/assets/app.js', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('never serves a file outside the root: a URL parser collapses the dots first', async () => {
    // new Request (like Chromium) resolves %2e%2e before the handler runs: this asks for /secret.txt.
    const response = await serve('app://faultline/%2e%2e/secret.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the root');
  });

  it('refuses a raw traversal URL that reaches the handler un-normalised, and logs it', async () => {
    const log = quietLog();
    const rawRequest = { method: 'GET', url: 'app://faultline/%2e%2e/secret.txt' } as Request;
    const response = await serveAppRequest(rawRequest, { rootDir: join(dir, 'renderer'), contentSecurityPolicy: PRODUCTION_CSP, log });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('outside the root');
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('dot segment'));
  });

  it('refuses a symlink inside the root whose target is outside it, and logs it', async () => {
    const log = quietLog();
    const response = await serve('app://faultline/assets/leak.txt', undefined, log);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the root');
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('outside the app folder'));
  });

  it('refuses a file reached through a symlinked folder that leads outside the root', async () => {
    const response = await serve('app://faultline/linked/secret.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the root');
  });

  it('still serves a symlink whose target is inside the root, and a root reached through a link', async () => {
    const alias = await serve('app://faultline/alias.html');
    expect(alias.status).toBe(200);
    expect(alias.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await alias.text()).toContain('<title>Faultline</title>');
    const viaLinkedRoot = await serveAppRequest(new Request('app://faultline/assets/app.js'), {
      rootDir: join(dir, 'renderer-link'),
      contentSecurityPolicy: PRODUCTION_CSP,
      log: quietLog(),
    });
    expect(viaLinkedRoot.status).toBe(200);
    expect(await viaLinkedRoot.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files and directories', async () => {
    expect((await serve('app://faultline/nope.js')).status).toBe(404);
    expect((await serve('app://faultline/assets')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serve('app://faultline/', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('turns an unexpected read error into a 500 and a log line, never a throw', async () => {
    const log = quietLog();
    const response = await serveAppRequest(new Request('app://faultline/index.html'), {
      rootDir: join(dir, 'renderer'),
      contentSecurityPolicy: PRODUCTION_CSP,
      log,
      readFile: () => Promise.reject(Object.assign(new Error('disk on fire'), { code: 'EIO' })),
    });
    expect(response.status).toBe(500);
    expect(log.error).toHaveBeenCalled();
  });
});

describe('app scheme registration', () => {
  it('registers app:// as standard and secure, without bypassing the CSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_DEFINITION]);
    expect(APP_SCHEME_DEFINITION.scheme).toBe('app');
    expect(APP_SCHEME_DEFINITION.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, stream: true });
    expect(APP_SCHEME_DEFINITION.privileges?.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_DEFINITION.privileges?.allowServiceWorkers).toBeFalsy();
    expect(APP_SCHEME_DEFINITION.privileges?.corsEnabled).toBeFalsy();
  });

  it('hands app:// requests to the file server', async () => {
    const protocol = { handle: vi.fn() };
    serveAppProtocol(protocol, { rootDir: root, contentSecurityPolicy: PRODUCTION_CSP, log: quietLog() });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0][1] as (request: Request) => Promise<Response>;
    const response = await handler({ method: 'GET', url: 'app://faultline/..%2f..%2fx' } as Request);
    expect(response.status).toBe(400);
  });
});
