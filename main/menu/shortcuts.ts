import type { MenuItemConstructorOptions } from 'electron';

type ShortcutProps = Pick<MenuItemConstructorOptions, 'label' | 'accelerator' | 'registerAccelerator'>;

/**
 * A shortcut the menu shows but does not own. A registered single-key accelerator (Space, F)
 * fires even while the user types in a text field, so a name containing a space could never be
 * typed. The renderer handles these keys itself, where it can tell that a text field has focus;
 * the menu only tells the user the key exists. Linux and Windows can display an accelerator
 * without registering it; macOS cannot (and would register it), so there the hint goes into the
 * label instead.
 */
export function displayOnlyShortcut(label: string, key: string, platform: string): ShortcutProps {
  if (platform === 'darwin') return { label: `${label} (${key})` };
  return { label, accelerator: key, registerAccelerator: false };
}

/**
 * A second accelerator for an item, as a hidden twin (Electron gives an item only one).
 * Hidden items' accelerators keep working on every platform (on macOS because of
 * acceleratorWorksWhenHidden).
 */
export function hiddenAlias(item: MenuItemConstructorOptions, accelerator: string): MenuItemConstructorOptions {
  const { id: _id, ...rest } = item;
  return { ...rest, accelerator, visible: false, acceleratorWorksWhenHidden: true };
}

/** Top-level menu titles get an Alt-key mnemonic on Windows and Linux; macOS has none. */
export function menuTitle(title: string, platform: string): string {
  return platform === 'darwin' ? title : `&${title}`;
}
