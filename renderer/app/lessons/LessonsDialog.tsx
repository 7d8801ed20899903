import { Dialog } from '@base-ui/react/dialog';
import { GraduationCap, X } from 'lucide-react';
import { LESSONS, type Lesson } from './lessonTexts';
import './lessons.css';

/** Help → Lessons: the built-in course, one row per lesson; choosing one opens it. */
export function LessonsDialog({ open, onClose, onChoose }: { open: boolean; onClose: () => void; onChoose: (lesson: Lesson) => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Backdrop className="file-dialog-backdrop" />
        <Dialog.Popup className="file-dialog lessons-dialog" data-testid="lessons-dialog">
          <div className="lessons-header">
            <GraduationCap aria-hidden="true" size={22} />
            <Dialog.Title className="file-dialog-title">Lessons</Dialog.Title>
            <span className="file-dialog-spacer" />
            <Dialog.Close className="lessons-close" aria-label="Close">
              <X size={18} />
            </Dialog.Close>
          </div>
          <Dialog.Description className="file-dialog-description">
            A course through the system-design primer. Each lesson is a sandbox with a failure timeline and narration: press Play, and it pauses where a class should
            discuss.
          </Dialog.Description>
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
        </Dialog.Popup>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
