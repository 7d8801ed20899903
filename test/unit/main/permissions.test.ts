import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { applyPermissionPolicy } from '../../../main/security/denyPermissions';
import { GRANTED_PERMISSIONS, isPermissionGranted } from '../../../main/security/permissions';

const SOME_PERMISSIONS = ['media', 'geolocation', 'notifications', 'midiSysex', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown'];

describe('permission policy', () => {
  it('grants nothing', () => {
    expect(GRANTED_PERMISSIONS).toEqual([]);
    for (const permission of SOME_PERMISSIONS) expect(isPermissionGranted(permission), permission).toBe(false);
  });

  it('answers every request and check with a denial', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    applyPermissionPolicy(session as unknown as Session, log);

    const request = session.setPermissionRequestHandler.mock.calls[0][0];
    const check = session.setPermissionCheckHandler.mock.calls[0][0];
    const device = session.setDevicePermissionHandler.mock.calls[0][0];
    for (const permission of SOME_PERMISSIONS) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(check(null, permission, 'app://faultline', {})).toBe(false);
    }
    expect(device({ deviceType: 'usb', origin: 'app://faultline' })).toBe(false);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('media'));
  });
});
