import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, PRODUCTION_CSP, PRODUCTION_CSP_META } from '../../../shared/ipc/csp';

/** The policy as directive → sources, so assertions do not depend on order or spacing. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  it('is exactly the production policy', () => {
    expect(Object.fromEntries(directives(PRODUCTION_CSP))).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'worker-src': ["'self'", 'blob:'],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('never allows eval, inline scripts or remote scripts', () => {
    for (const policy of [PRODUCTION_CSP, PRODUCTION_CSP_META, buildContentSecurityPolicy({ dev: true, devServerOrigin: 'http://localhost:5173' })]) {
      expect(policy).not.toContain('unsafe-eval');
      expect(directives(policy).get('script-src')).not.toContain("'unsafe-inline'");
      expect(policy).not.toMatch(/\*/);
    }
  });

  it('leaves frame-ancestors out of the <meta> variant (ignored there, and Chromium logs an error)', () => {
    const meta = directives(PRODUCTION_CSP_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    const header = directives(PRODUCTION_CSP);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  it('in development adds only the dev server origin to scripts and its websocket to connections', () => {
    const dev = directives(buildContentSecurityPolicy({ dev: true, devServerOrigin: 'http://localhost:5173' }));
    const prod = directives(PRODUCTION_CSP);
    expect(dev.get('script-src')).toEqual(["'self'", 'http://localhost:5173']);
    expect(dev.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    for (const [name, sources] of prod) {
      if (name !== 'script-src' && name !== 'connect-src') expect(dev.get(name), name).toEqual(sources);
    }
  });

  it('uses wss for an https dev server', () => {
    const dev = directives(buildContentSecurityPolicy({ dev: true, devServerOrigin: 'https://127.0.0.1:5443' }));
    expect(dev.get('connect-src')).toContain('wss://127.0.0.1:5443');
  });

  it('ignores the dev origin outside development', () => {
    expect(buildContentSecurityPolicy({ dev: false, devServerOrigin: 'http://localhost:5173' })).toBe(PRODUCTION_CSP);
  });

  it('refuses a dev origin that could inject a source or a directive', () => {
    for (const origin of ["http://localhost:5173 'unsafe-eval'", 'http://localhost:5173; script-src *', 'http://localhost:5173/path', 'javascript:alert(1)', '*']) {
      expect(() => buildContentSecurityPolicy({ dev: true, devServerOrigin: origin }), origin).toThrow(/devServerOrigin/);
    }
  });
});
