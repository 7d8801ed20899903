import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { applyPermissionPolicy } from '../../../main/security/denyPermissions';
import { isPermissionGranted } from '../../../main/security/permissions';

const APP_ORIGINS = ['app://faultline'];
const APP_PAGE = { requestingUrl: 'app://faultline/', isMainFrame: true };
const DENIED_PERMISSIONS = ['media', 'geolocation', 'notifications', 'midiSysex', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown'];

function installPolicy() {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  applyPermissionPolicy(session as unknown as Session, { allowedOrigins: APP_ORIGINS, log });
  const request = session.setPermissionRequestHandler.mock.calls[0][0] as (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl: string; isMainFrame: boolean },
  ) => void;
  const check = session.setPermissionCheckHandler.mock.calls[0][0] as (
    contents: unknown,
    permission: string,
    origin: string,
    details: { requestingUrl?: string; isMainFrame: boolean },
  ) => boolean;
  const device = session.setDevicePermissionHandler.mock.calls[0][0] as (details: unknown) => boolean;
  const requested = (permission: string, details: { requestingUrl: string; isMainFrame: boolean }) => {
    const callback = vi.fn();
    request({}, permission, callback, details);
    expect(callback).toHaveBeenCalledTimes(1);
    return callback.mock.calls[0][0] as boolean;
  };
  return { requested, check, device, log };
}

describe('permission policy', () => {
  it('denies every permission but clipboard writing, even to the app itself', () => {
    const { requested, check, device, log } = installPolicy();
    for (const permission of DENIED_PERMISSIONS) {
      expect(isPermissionGranted(permission, APP_PAGE, APP_ORIGINS), permission).toBe(false);
      expect(requested(permission, APP_PAGE), permission).toBe(false);
      expect(check(null, permission, 'app://faultline', APP_PAGE), permission).toBe(false);
    }
    expect(device({ deviceType: 'usb', origin: 'app://faultline' })).toBe(false);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('media'));
  });

  // navigator.clipboard.writeText (File → Copy Share Code) asks for clipboard-sanitized-write;
  // denied, the share code never reached the clipboard on the desktop.
  it("lets the app's own page write to the clipboard, by request and by check", () => {
    const { requested, check } = installPolicy();
    expect(requested('clipboard-sanitized-write', APP_PAGE)).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'app://faultline', APP_PAGE)).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'app://faultline', { requestingUrl: 'app://faultline/index.html?x=1', isMainFrame: true })).toBe(true);
  });

  it('refuses clipboard writing to any other page, to subframes, and when the asker is unknown', () => {
    const { requested, check } = installPolicy();
    for (const details of [
      { requestingUrl: 'https://example.com/', isMainFrame: true },
      { requestingUrl: 'file:///etc/passwd', isMainFrame: true },
      { requestingUrl: 'app://other/', isMainFrame: true },
      { requestingUrl: 'app://faultline/', isMainFrame: false },
    ]) {
      expect(requested('clipboard-sanitized-write', details), JSON.stringify(details)).toBe(false);
      expect(check(null, 'clipboard-sanitized-write', 'app://faultline', details), JSON.stringify(details)).toBe(false);
    }
    expect(check(null, 'clipboard-sanitized-write', 'app://faultline', { isMainFrame: true })).toBe(false);
  });
});
