import { useState } from 'react';
import { useCommandHandler } from '../menu/CommandDispatcherContext';
import { LessonsDialog } from './LessonsDialog';
import { lessonText, type Lesson } from './lessonTexts';

/**
 * Help → Lessons: shows the course and opens the chosen lesson through the file machinery, so
 * unsaved work is asked about first and the lesson arrives as an unsaved document.
 */
export function LessonsBrowser({ openBuiltin }: { openBuiltin: (name: string, text: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  useCommandHandler('help.lessons', () => setOpen(true));
  const choose = (lesson: Lesson) => {
    setOpen(false);
    void openBuiltin(lesson.title, lessonText(lesson));
  };
  return <LessonsDialog open={open} onClose={() => setOpen(false)} onChoose={choose} />;
}
