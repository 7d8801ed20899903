import type { CustomScheme } from 'electron';

/**
 * The packaged renderer is served from `app://faultline/`, not `file://`: a real origin gives
 * `'self'` in the CSP a meaning, keeps pages from reading arbitrary local files, and lets
 * navigation and IPC checks compare origins.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'faultline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    // standard: parsed like http (host, relative URLs, a real origin); secure: a secure context.
    standard: true,
    secure: true,
    // fetch() of bundled assets (e.g. lessons), and streamed responses.
    supportFetchAPI: true,
    stream: true,
    // V8 may cache compiled bundle code between launches; needs `standard`.
    codeCache: true,
    // Deliberately absent: bypassCSP, corsEnabled, allowServiceWorkers.
  },
};
