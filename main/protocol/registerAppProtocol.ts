import type { Protocol } from 'electron';
import type { Logger } from '../log';
import { APP_SCHEME, APP_SCHEME_DEFINITION } from './appScheme';
import { serveAppRequest } from './serveAppRequest';

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
}

/** Serves the built renderer on `app://faultline/` (after `app` is ready). */
export function serveAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  options: { rootDir: string; contentSecurityPolicy: string; log: Logger },
): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, options));
}
