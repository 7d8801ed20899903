import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMenuModel } from '../../../renderer/app/menu/menuModel';

/**
 * The web edition has no Open Recent (a browser does not tell a page which files it opened, and
 * the web edition keeps no list): what README says about files must not promise one there.
 */
describe('Open Recent is described as it is', () => {
  it('is not in the web edition’s File menu', () => {
    const file = buildMenuModel('Ctrl').find((menu) => menu.label === 'File')!;
    expect(file.items.flatMap((item) => (item.type === 'command' ? [item.label] : []))).not.toContainEqual(expect.stringMatching(/recent/i));
  });

  it('README, which says everything it lists runs in the web edition, names Open Recent as desktop-only', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toMatch(/Everything below runs in the web edition/);
    const files = readme.slice(readme.indexOf('- **Files and sharing**'));
    const bullet = files.slice(0, files.indexOf('\n- **', 1)).replace(/\s+/g, ' ');
    expect(bullet).toContain('Open Recent in the desktop app only');
    expect(bullet).not.toMatch(/New, Open, Open Recent/);
  });
});
