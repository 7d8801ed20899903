/**
 * The origin of a URL as Chromium sees it: `scheme://host[:port]`, lower-cased. Computed by hand
 * because Node's URL reports the origin of every non-special scheme (such as `app:`) as "null".
 * URLs without a host (file:, data:, about:blank, blob: in this sense) have no origin that
 * could ever be trusted, so they give null.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** Whether a URL belongs to one of the allowed origins (each written `scheme://host[:port]`). */
export function hasAllowedOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.some((allowed) => allowed.toLowerCase() === origin);
}
