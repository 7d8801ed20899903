import { GraduationCap } from 'lucide-react';
import { ReadingDialog } from './ReadingDialog';
import { LESSONS, type Lesson } from './lessonTexts';

/** Help → Lessons: the built-in course, one row per lesson; choosing one opens it. */
export function LessonsDialog({ open, onClose, onChoose }: { open: boolean; onClose: () => void; onChoose: (lesson: Lesson) => void }) {
  return (
    <ReadingDialog
      open={open}
      onClose={onClose}
      icon={<GraduationCap aria-hidden="true" size={22} />}
      title="Lessons"
      description="A course through the system-design primer. Each lesson is a sandbox with a failure timeline and narration: press Play, and it pauses where a class should discuss."
      className="lessons-dialog"
      testId="lessons-dialog"
    >
      <ol className="lesson-list">
        {LESSONS.map((lesson) => (
          <li key={lesson.id}>
            <button type="button" className="lesson-row" data-testid={`lesson-${lesson.id}`} onClick={() => onChoose(lesson)}>
              <span className="lesson-number">{lesson.number}</span>
              <span className="lesson-text">
                <span className="lesson-title">{lesson.title.replace(/^\d+\.\s*/, '')}</span>
                <span className="lesson-summary">{lesson.summary}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </ReadingDialog>
  );
}
