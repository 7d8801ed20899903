import { hasAllowedOrigin } from './origin';

/**
 * Browser permissions the renderer is granted, and only to the app's own top frame. Faultline
 * needs no camera, microphone, location, notifications, MIDI, HID, serial, USB or clipboard-read:
 * Cut / Copy / Paste go through the Edit menu's native roles and the page's copy/paste events,
 * which need none. Add a permission here only with a reason next to it.
 */
export const GRANTED_PERMISSIONS: readonly string[] = [
  // navigator.clipboard.writeText (File → Copy Share Code): Chromium asks for this before every
  // write, outside any copy event; denied, the share code never reaches the clipboard.
  'clipboard-sanitized-write',
];

/** Who is asking: the frame's last URL (absent for a check made for no document) and whether it is the top frame. */
export interface PermissionAsker {
  requestingUrl: string | undefined;
  isMainFrame: boolean;
}

export function isPermissionGranted(permission: string, asker: PermissionAsker, allowedOrigins: readonly string[]): boolean {
  if (!GRANTED_PERMISSIONS.includes(permission)) return false;
  return asker.isMainFrame && asker.requestingUrl !== undefined && hasAllowedOrigin(asker.requestingUrl, allowedOrigins);
}
