import { join } from 'node:path';
import { APP_HOST, APP_SCHEME } from './appScheme';
import { isInsideFolder } from './isInsideFolder';

export type AppPathResolution =
  | { ok: true; filePath: string }
  | { ok: false; status: 400 | 404; reason: string };

const APP_URL_PATTERN = new RegExp(`^${APP_SCHEME}://([^/?#]*)([^?#]*)`, 'i');

function refuse(status: 400 | 404, reason: string): AppPathResolution {
  return { ok: false, status, reason };
}

/**
 * Why a decoded path segment must not reach the file system, or null if it is a plain name.
 * Chromium already collapses `..` in standard-scheme URLs before the handler sees them; this is
 * the second line, and it refuses rather than normalises so that a traversal attempt is logged
 * instead of quietly served from somewhere else.
 */
function unsafeSegmentReason(segment: string): string | null {
  if (segment === '') return 'empty path segment';
  if (segment === '.' || segment === '..') return 'dot segment';
  if (segment.includes('\0')) return 'null byte';
  if (segment.includes('/') || segment.includes('\\')) return 'encoded path separator';
  // A drive letter (C:) or an NTFS alternate data stream (file:stream) on Windows.
  if (segment.includes(':')) return 'colon';
  return null;
}

/**
 * Maps `app://faultline/<path>` to a file under `rootDir`. `/` is index.html; the query and
 * fragment are ignored; anything that could name a file outside `rootDir` is refused.
 */
export function resolveAppPath(requestUrl: string, rootDir: string): AppPathResolution {
  const match = APP_URL_PATTERN.exec(requestUrl);
  if (!match) return refuse(400, 'not an app:// URL');
  const [, host, rawPath] = match;
  if (host.toLowerCase() !== APP_HOST) return refuse(404, `unknown host ${JSON.stringify(host)}`);
  if (rawPath === '' || rawPath === '/') return { ok: true, filePath: join(rootDir, 'index.html') };
  if (rawPath.endsWith('/')) return refuse(404, 'directories are not served');

  const segments: string[] = [];
  for (const rawSegment of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    const reason = unsafeSegmentReason(segment);
    if (reason) return refuse(400, `${reason} in path`);
    segments.push(segment);
  }

  const filePath = join(rootDir, ...segments);
  if (!isInsideFolder(rootDir, filePath)) return refuse(400, 'path escapes the app folder');
  return { ok: true, filePath };
}
