import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMenuModel } from '../../../renderer/app/menu/menuModel';

const fileItems = (options?: { openRecent?: boolean }) =>
  buildMenuModel('Ctrl', options)
    .find((menu) => menu.label === 'File')!
    .items.flatMap((item) => (item.type === 'separator' ? [] : [item.label]));

/**
 * The web edition has Open Recent only where the browser can keep file handles (the File System
 * Access API and IndexedDB, renderer/host/web/recentFiles.ts); what README and Help say must match.
 */
describe('Open Recent is described as it is', () => {
  it('is in the web edition’s File menu, after Open…, only where the page keeps a list', () => {
    expect(fileItems()).not.toContainEqual(expect.stringMatching(/recent/i));
    const withRecent = fileItems({ openRecent: true });
    expect(withRecent.slice(0, 3)).toEqual(['New', 'Open…', 'Open Recent']);
  });

  it('README names Open Recent among the file commands and says where the web edition has none', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toMatch(/Everything below runs in the web edition/);
    const files = readme.slice(readme.indexOf('- **Files and sharing**'));
    const bullet = files.slice(0, files.indexOf('\n- **', 1)).replace(/\s+/g, ' ');
    expect(bullet).toContain('New, Open, Open Recent, Save');
    expect(bullet).toContain('only where the browser has the File System Access API and IndexedDB');
    expect(bullet).toContain('In other browsers (Firefox, Safari) the File menu has no Open Recent');
    expect(bullet).not.toMatch(/desktop app only/);
  });

  it('Help says the same', () => {
    const guide = readFileSync(new URL('../../../renderer/app/help/GuideDialog.tsx', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(guide).toContain('In the web edition it is there only in browsers with the File System Access API');
    expect(guide).toContain('so there the File menu has no Open Recent');
    expect(guide).not.toMatch(/Open Recent is in the desktop app only/);
  });
});
