/**
 * Browser permissions the renderer is granted. Empty on purpose: Faultline needs no camera,
 * microphone, location, notifications, MIDI, HID, serial, USB or clipboard-read. Copy and paste
 * go through the Edit menu's native roles and the page's copy/paste events, which need none.
 * Add a permission here only with a reason next to it.
 */
export const GRANTED_PERMISSIONS: readonly string[] = [];

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.includes(permission);
}
