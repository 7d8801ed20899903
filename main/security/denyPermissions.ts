import type { Session } from 'electron';
import type { Logger } from '../log';
import { isPermissionGranted } from './permissions';

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * Answers every permission prompt and check for the session with the policy in permissions.ts
 * (deny all but the few it lists, and those only to the app's own top frame). Both handlers are
 * needed: requests cover prompts, checks cover the APIs that only ask "is it granted?" (e.g.
 * navigator.permissions, the async clipboard).
 */
export function applyPermissionPolicy(session: PermissionSession, options: { allowedOrigins: readonly string[]; log: Logger }): void {
  const { allowedOrigins, log } = options;
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, { requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, allowedOrigins);
    if (!granted) log.warn(`denied permission request: ${permission} from ${details.requestingUrl}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_webContents, permission, _requestingOrigin, details) =>
    isPermissionGranted(permission, { requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, allowedOrigins),
  );
  // WebHID/WebUSB/Web Serial device access.
  session.setDevicePermissionHandler(() => false);
}
