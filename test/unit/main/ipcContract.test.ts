import { describe, expect, it, vi } from 'vitest';
import { collectAppInfo } from '../../../main/appInfo';
import { sendEvent } from '../../../main/ipc/sendEvent';
import { parseAppInfo } from '../../../shared/ipc/appInfo';
import { BRIDGE_GLOBAL_NAME, BRIDGE_METHODS } from '../../../shared/ipc/bridge';
import { IPC_CHANNELS } from '../../../shared/ipc/channels';
import { isMenuCommand, MENU_COMMANDS, parseMenuCommand, type MenuCommand } from '../../../shared/ipc/menuCommands';
import { eventPayloadValidators, invokeArgsValidators, invokeResultValidators } from '../../../shared/ipc/validators';

const desktopInfo = collectAppInfo({
  name: 'Faultline',
  version: '0.1.0',
  platform: 'linux',
  versions: { electron: '44.11.5', chrome: '140.0.7339.0', node: '22.20.0' },
});

describe('IPC contract', () => {
  it('declares the channels and the bridge surface', () => {
    expect(IPC_CHANNELS).toMatchObject({ getAppInfo: 'app:getInfo', menuCommand: 'menu:command', fileOpen: 'file:open', fileSave: 'file:save', fileSaveAs: 'file:saveAs' });
    expect(new Set(Object.values(IPC_CHANNELS)).size).toBe(Object.values(IPC_CHANNELS).length);
    expect(BRIDGE_GLOBAL_NAME).toBe('faultline');
    expect([...BRIDGE_METHODS]).toEqual(expect.arrayContaining(['getAppInfo', 'onMenuCommand', 'openFile', 'saveFile', 'onFileOpened']));
  });

  it('has a validator for every channel in each direction', () => {
    // Every declared channel, and nothing else, has a validator (the mapped types make a missing one a compile error too).
    const channels = Object.values(IPC_CHANNELS) as string[];
    const covered = [...Object.keys(invokeArgsValidators), ...Object.keys(eventPayloadValidators)].sort();
    expect(covered).toEqual([...channels].sort());
    expect(Object.keys(invokeResultValidators).sort()).toEqual(Object.keys(invokeArgsValidators).sort());
  });

  it('app:getInfo takes no arguments', () => {
    expect(invokeArgsValidators['app:getInfo']([])).toEqual({ ok: true, value: [] });
    expect(invokeArgsValidators['app:getInfo']([{}]).ok).toBe(false);
  });
});

describe('collectAppInfo', () => {
  it('reports the desktop edition and component versions', () => {
    expect(desktopInfo).toEqual({ name: 'Faultline', version: '0.1.0', platform: 'linux', edition: 'desktop', electron: '44.11.5', chrome: '140.0.7339.0', node: '22.20.0' });
  });

  it('reports a missing component as null', () => {
    expect(collectAppInfo({ name: 'F', version: '1', platform: 'linux', versions: {} })).toMatchObject({ electron: null, chrome: null, node: null });
  });
});

describe('parseAppInfo', () => {
  it('accepts desktop and web info', () => {
    expect(parseAppInfo(desktopInfo)).toEqual({ ok: true, value: desktopInfo });
    const web = { ...desktopInfo, edition: 'web', electron: null, node: null };
    expect(parseAppInfo(web)).toEqual({ ok: true, value: web });
  });

  it('keeps only the known fields', () => {
    const parsed = parseAppInfo({ ...desktopInfo, ipcRenderer: {}, extra: 1 });
    expect(parsed.ok && Object.keys(parsed.value).sort()).toEqual(['chrome', 'edition', 'electron', 'name', 'node', 'platform', 'version']);
  });

  it.each([
    ['not an object', 'Faultline', /expected an object/],
    ['an array', [desktopInfo], /expected an object/],
    ['null', null, /expected an object/],
    ['a missing name', { ...desktopInfo, name: undefined }, /^name:/],
    ['an empty version', { ...desktopInfo, version: '' }, /^version:/],
    ['a numeric platform', { ...desktopInfo, platform: 42 }, /^platform:/],
    ['an unknown edition', { ...desktopInfo, edition: 'server' }, /^edition:/],
    ['a non-string electron version', { ...desktopInfo, electron: 44 }, /^electron:/],
    ['an absurdly long field', { ...desktopInfo, chrome: 'x'.repeat(500) }, /^chrome:.*500-character/],
  ])('rejects %s', (_name, value, message) => {
    const parsed = parseAppInfo(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('rejects an object with a foreign prototype', () => {
    expect(parseAppInfo(Object.assign(Object.create({ polluted: true }), desktopInfo)).ok).toBe(false);
  });
});

describe('menu commands', () => {
  it('include every command the brief names', () => {
    const required: MenuCommand[] = ['file.new', 'file.open', 'file.save', 'file.saveAs', 'edit.undo', 'edit.redo', 'view.zoomIn', 'view.zoomOut', 'view.zoomReset', 'view.fit', 'sim.playPause', 'sim.step', 'sim.reset', 'help.lessons', 'help.about'];
    for (const command of required) expect(MENU_COMMANDS).toContain(command);
    expect(new Set(MENU_COMMANDS).size).toBe(MENU_COMMANDS.length);
  });

  it('accept only known command strings', () => {
    expect(isMenuCommand('file.save')).toBe(true);
    for (const value of ['file.delete', 'FILE.SAVE', '', 'file.save ', 42, null, undefined, { command: 'file.save' }, ['file.save']]) {
      expect(isMenuCommand(value), String(value)).toBe(false);
    }
    expect(parseMenuCommand('rm -rf').ok).toBe(false);
  });
});

describe('sendEvent', () => {
  it('sends a valid payload on its channel', () => {
    const target = { send: vi.fn() };
    sendEvent(target, 'menu:command', 'sim.playPause');
    expect(target.send).toHaveBeenCalledWith('menu:command', 'sim.playPause');
  });

  it('refuses to send an invalid payload', () => {
    const target = { send: vi.fn() };
    expect(() => sendEvent(target, 'menu:command', 'bogus' as MenuCommand)).toThrow(/refusing to send menu:command/);
    expect(target.send).not.toHaveBeenCalled();
  });
});
