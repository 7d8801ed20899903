import { LESSONS, type Lesson } from '../../../shared/examples/lessons';

/**
 * The lesson files, bundled as text by Vite (shared/ cannot read files; each host loads them its
 * own way). Keyed by file name, as LESSONS lists them.
 */
const TEXTS = import.meta.glob('../../../shared/examples/lessons/*.faultline', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function lessonText(lesson: Lesson): string {
  const text = TEXTS[`../../../shared/examples/lessons/${lesson.file}`];
  if (text === undefined) throw new Error(`lesson file ${lesson.file} is not bundled`);
  return text;
}

export { LESSONS, type Lesson };
