import type { Session } from 'electron';
import type { Logger } from '../log';
import { isPermissionGranted } from './permissions';

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * Answers every permission prompt and check for the session with the policy in permissions.ts
 * (deny everything). Both handlers are needed: requests cover prompts, checks cover the APIs
 * that only ask "is it granted?" (e.g. navigator.permissions, clipboard).
 */
export function applyPermissionPolicy(session: PermissionSession, log: Logger): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    const granted = isPermissionGranted(permission);
    if (!granted) log.warn(`denied permission request: ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_webContents, permission) => isPermissionGranted(permission));
  // WebHID/WebUSB/Web Serial device access.
  session.setDevicePermissionHandler(() => false);
}
