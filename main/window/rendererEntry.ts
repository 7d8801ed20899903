import { APP_ENTRY_URL, APP_ORIGIN } from '../protocol/appScheme';
import { originOf } from '../security/origin';

export interface RendererEntry {
  /** What the main window loads. */
  url: string;
  /** Origins allowed to navigate to and to call IPC. */
  allowedOrigins: string[];
  /** Set only when running against the Vite dev server. */
  devServerOrigin: string | null;
  /** Why ELECTRON_RENDERER_URL was ignored, if it was. */
  warning: string | null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the renderer comes from. `electron-vite dev` sets ELECTRON_RENDERER_URL to its dev
 * server; that is honoured only in an unpackaged app and only for an http(s) loopback address,
 * so an environment variable can never point a shipped app at a remote page that would get
 * the bridge. Everything else loads the built files from app://faultline/.
 */
export function resolveRendererEntry(env: Record<string, string | undefined>, isPackaged: boolean): RendererEntry {
  const production: RendererEntry = { url: APP_ENTRY_URL, allowedOrigins: [APP_ORIGIN], devServerOrigin: null, warning: null };
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (!devUrl) return production;
  if (isPackaged) return { ...production, warning: 'ELECTRON_RENDERER_URL is ignored in a packaged app' };

  let parsed: URL;
  try {
    parsed = new URL(devUrl);
  } catch {
    return { ...production, warning: `ELECTRON_RENDERER_URL is not a URL: ${devUrl}` };
  }
  const origin = originOf(devUrl);
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !LOOPBACK_HOSTS.has(parsed.hostname) || origin === null) {
    return { ...production, warning: `ELECTRON_RENDERER_URL must be an http(s) loopback address, got ${devUrl}` };
  }
  return { url: devUrl, allowedOrigins: [APP_ORIGIN, origin], devServerOrigin: origin, warning: null };
}
