import { isAbsolute, relative, sep } from 'node:path';

/** True if `path` names something strictly below `folder` (both absolute; the folder itself is not inside). */
export function isInsideFolder(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return !(inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside));
}
