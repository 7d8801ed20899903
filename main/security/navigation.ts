import { hasAllowedOrigin } from './origin';

/**
 * A page may navigate only within the app itself (app://faultline, or the Vite dev server in
 * development). Anything else would load foreign content into a window that holds the bridge.
 */
export function isAllowedNavigation(url: string, allowedOrigins: readonly string[]): boolean {
  return hasAllowedOrigin(url, allowedOrigins);
}

/**
 * What to do with a `window.open` or a `target="_blank"` link: no new Electron window, ever.
 * An https link (documentation, a lesson's reference) goes to the user's browser instead;
 * http, file, custom schemes and anything with embedded credentials go nowhere, because
 * `shell.openExternal` hands the URL to whatever the OS has registered for it.
 */
export function externalUrlToOpen(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}
