/**
 * The Content Security Policy of the renderer, built in one place for both deliveries: the
 * `app://` protocol handler sends it as a response header (desktop), and the Vite build writes it
 * into index.html as a `<meta http-equiv>` (web edition, and a second lock on the desktop).
 */
export interface ContentSecurityPolicyOptions {
  /** Development build served by the Vite dev server. */
  dev: boolean;
  /** The dev server, e.g. `http://localhost:5173`; allowed for scripts and its HMR websocket. */
  devServerOrigin?: string;
  /**
   * `meta` leaves out `frame-ancestors`: browsers ignore it in a `<meta>` element and Chromium
   * logs a console error for it. Defaults to `header`.
   */
  delivery?: 'header' | 'meta';
}

type Directives = Array<[name: string, sources: string[]]>;

// Origins only: scheme, host, optional port. Anything else (a path, a quote, a space, a
// semicolon) could smuggle in a source expression such as 'unsafe-eval' or a new directive.
const ORIGIN_PATTERN = /^(https?):\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

function devServerSources(origin: string): { script: string; connect: string[] } {
  const match = ORIGIN_PATTERN.exec(origin);
  if (!match) throw new Error(`devServerOrigin must be an http(s) origin such as http://localhost:5173, got ${JSON.stringify(origin)}`);
  const websocket = `${match[1] === 'https' ? 'wss' : 'ws'}://${match[2]}${match[3] ?? ''}`;
  return { script: origin, connect: [origin, websocket] };
}

export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions): string {
  const dev = options.dev && options.devServerOrigin ? devServerSources(options.devServerOrigin) : null;
  const directives: Directives = [
    ['default-src', ["'self'"]],
    // No 'unsafe-eval': the renderer imports 'pixi.js/unsafe-eval', which replaces Pixi's
    // generated shader/uniform code with precompiled functions.
    ['script-src', ["'self'", ...(dev ? [dev.script] : [])]],
    // React and Pixi's DOM overlays set inline styles; styles cannot run code.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // Exported PNGs and Pixi textures are data: and blob: URLs.
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...(dev ? dev.connect : [])]],
    // The simulation's Web Worker (web edition) and Pixi's helper workers made from blob: URLs.
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  if ((options.delivery ?? 'header') === 'header') directives.push(['frame-ancestors', ["'none'"]]);
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The packaged app's policy, as a response header. */
export const PRODUCTION_CSP = buildContentSecurityPolicy({ dev: false });

/** The same policy for `<meta http-equiv="Content-Security-Policy">` in the built index.html. */
export const PRODUCTION_CSP_META = buildContentSecurityPolicy({ dev: false, delivery: 'meta' });
