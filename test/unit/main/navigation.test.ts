import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { hardenWebContents } from '../../../main/security/hardenWebContents';
import { externalUrlToOpen, isAllowedNavigation } from '../../../main/security/navigation';
import { originOf } from '../../../main/security/origin';

const production = ['app://faultline'];
const development = ['app://faultline', 'http://localhost:5173'];

describe('originOf', () => {
  it('computes the origin of the custom scheme, which Node would call "null"', () => {
    expect(new URL('app://faultline/x').origin).toBe('null');
    expect(originOf('app://faultline/index.html')).toBe('app://faultline');
    expect(originOf('APP://Faultline/')).toBe('app://faultline');
  });

  it('keeps ports and drops credentials and paths', () => {
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('https://user:pw@example.com:443/a')).toBe('https://example.com');
  });

  it('gives no origin to host-less and unparsable URLs', () => {
    for (const url of ['file:///etc/passwd', 'about:blank', 'data:text/html,hi', 'javascript:alert(1)', 'not a url', '']) {
      expect(originOf(url), url).toBeNull();
    }
  });
});

describe('isAllowedNavigation', () => {
  it('allows the app itself', () => {
    expect(isAllowedNavigation('app://faultline/', production)).toBe(true);
    expect(isAllowedNavigation('app://faultline/index.html#lesson', production)).toBe(true);
  });

  it('allows the dev server only in development', () => {
    expect(isAllowedNavigation('http://localhost:5173/', development)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/', production)).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://localhost:5174/',
    'http://localhost/',
    'app://evil/',
    'app://faultline.evil.com/',
    'file:///etc/passwd',
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'garbage',
  ])('blocks %s', (url) => {
    expect(isAllowedNavigation(url, development)).toBe(false);
  });
});

describe('externalUrlToOpen', () => {
  it('passes https links to the browser', () => {
    expect(externalUrlToOpen('https://github.com/donnemartin/system-design-primer')).toBe('https://github.com/donnemartin/system-design-primer');
  });

  it.each(['http://example.com/', 'file:///etc/passwd', 'smb://server/share', 'ms-settings:privacy', 'javascript:alert(1)', 'app://faultline/', 'https://user:pw@example.com/', 'not a url'])(
    'opens nothing for %s',
    (url) => {
      expect(externalUrlToOpen(url)).toBeNull();
    },
  );
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
        listeners.set(event, listener);
        return contents;
      }),
      setWindowOpenHandler: vi.fn((handler: typeof windowOpenHandler) => {
        windowOpenHandler = handler;
      }),
    };
    const fire = (event: string, url?: string) => {
      const electronEvent = { url, preventDefault: vi.fn() };
      listeners.get(event)!(electronEvent);
      return electronEvent.preventDefault;
    };
    return { contents: contents as unknown as WebContents, fire, openWindow: (url: string) => windowOpenHandler!({ url }) };
  }

  function setUp() {
    const fake = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    hardenWebContents(fake.contents, { allowedOrigins: production, openExternal, log });
    return { ...fake, openExternal, log };
  }

  it('prevents navigation away from the app and lets in-app navigation through', () => {
    const { fire, log } = setUp();
    expect(fire('will-navigate', 'https://example.com/')).toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('https://example.com/'));
    expect(fire('will-navigate', 'app://faultline/index.html')).not.toHaveBeenCalled();
  });

  it('prevents redirects away from the app', () => {
    const { fire } = setUp();
    expect(fire('will-redirect', 'https://example.com/')).toHaveBeenCalled();
    expect(fire('will-redirect', 'app://faultline/')).not.toHaveBeenCalled();
  });

  it('prevents every <webview>', () => {
    const { fire } = setUp();
    expect(fire('will-attach-webview')).toHaveBeenCalled();
  });

  it('denies every new window, sending only https links to the browser', () => {
    const { openWindow, openExternal } = setUp();
    expect(openWindow('https://example.com/docs')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/docs');
    openExternal.mockClear();
    for (const url of ['http://example.com/', 'app://faultline/', 'file:///etc/passwd', 'about:blank']) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('logs, and does not throw, when the browser cannot be opened', async () => {
    const { openWindow, openExternal, log } = setUp();
    openExternal.mockImplementationOnce(() => Promise.reject(new Error('no browser')));
    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(log.error).toHaveBeenCalled());
  });
});
