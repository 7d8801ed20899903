/**
 * The accelerator key as menus and tooltips write it: "⌘" on Apple platforms, "Ctrl" elsewhere
 * (the editor takes either; see keyboardShortcuts.ts). One source, so the toolbar's tooltips say
 * what the menu beside them says.
 */
export function modifierKeyLabel(platform: string): '⌘' | 'Ctrl' {
  return /Mac|iPhone|iPad/.test(platform) ? '⌘' : 'Ctrl';
}

export const MOD_KEY = modifierKeyLabel(typeof navigator !== 'undefined' ? navigator.platform : '');
