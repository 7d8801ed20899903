import { loadDocument } from './load';

/**
 * Why recovered work cannot be opened (its first problem, with its path, and how many more), or
 * null when it loads. Asked before the work is handed to a window: work that cannot be opened
 * (made by a newer Faultline, say) must stay where it is, offered again, rather than become the
 * window's own and be overwritten by its next autosave.
 */
export function recoveredWorkProblem(text: string): string | null {
  const loaded = loadDocument(text);
  if (loaded.ok) return null;
  const [first] = loaded.errors;
  const more = loaded.errors.length - 1;
  const where = first.path === '' ? '' : `${first.path}: `;
  return `it could not be opened (${where}${first.message}${more > 0 ? `, and ${more} more problem${more === 1 ? '' : 's'}` : ''}). It is kept as it was, and offered again the next time Faultline starts.`;
}
