import { readFile as fsReadFile, realpath as fsRealpath } from 'node:fs/promises';
import type { Logger } from '../log';
import { contentTypeFor } from './contentTypes';
import { isInsideFolder } from './isInsideFolder';
import { resolveAppPath } from './resolveAppPath';

export interface ServeAppOptions {
  /** The built renderer (out/renderer, inside app.asar when packaged). */
  rootDir: string;
  /** Sent with every response; Chromium enforces it on documents and workers. */
  contentSecurityPolicy: string;
  log: Logger;
  /** Injected in tests; Electron's fs reads inside app.asar transparently. */
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Injected in tests; Electron's fs.promises.realpath also resolves paths inside app.asar. */
  realpath?: (path: string) => Promise<string>;
}

function headers(contentType: string, csp: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    // Never let Chromium guess a type: an image must not turn into a script.
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  });
}

function plainResponse(status: number, message: string, csp: string): Response {
  return new Response(message, { status, headers: headers('text/plain; charset=utf-8', csp) });
}

function isMissingFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/**
 * Answers one `app://` request from the built renderer. Reads whole files: the bundles are a few
 * megabytes at most and a Buffer keeps this testable in plain Node (no net.fetch needed).
 * Never throws: every failure becomes an HTTP status and a log line.
 */
export async function serveAppRequest(request: Request, options: ServeAppOptions): Promise<Response> {
  const { contentSecurityPolicy: csp, log } = options;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    log.warn(`app:// refused ${request.method} ${request.url}`);
    return plainResponse(405, 'Method not allowed', csp);
  }
  const resolved = resolveAppPath(request.url, options.rootDir);
  if (!resolved.ok) {
    log.warn(`app:// refused ${request.url}: ${resolved.reason}`);
    return plainResponse(resolved.status, resolved.status === 404 ? 'Not found' : 'Bad request', csp);
  }
  let body: Uint8Array;
  try {
    // resolveAppPath only checks names: a symlink inside the renderer folder could still lead
    // out of it. Compare real paths, and read the checked real path rather than the name.
    const realpath = options.realpath ?? fsRealpath;
    const [realRoot, realFile] = await Promise.all([realpath(options.rootDir), realpath(resolved.filePath)]);
    if (!isInsideFolder(realRoot, realFile)) {
      log.warn(`app:// refused ${request.url}: its real path ${realFile} is outside the app folder`);
      return plainResponse(404, 'Not found', csp);
    }
    body = await (options.readFile ?? fsReadFile)(realFile);
  } catch (error) {
    if (isMissingFile(error)) {
      log.warn(`app:// has no file for ${request.url}`);
      return plainResponse(404, 'Not found', csp);
    }
    log.error(`app:// could not read ${resolved.filePath}`, error);
    return plainResponse(500, 'Internal error', csp);
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: headers(contentTypeFor(resolved.filePath), csp),
  });
}
