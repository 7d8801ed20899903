import { useSyncExternalStore } from 'react';
import { shownTitle, type DocumentSession } from './documentSession';

/**
 * The document in the title bar: its title, the file it is saved in (when that is named
 * differently) and "•" while there are unsaved changes, as the window title says them. A long
 * title ends in an ellipsis (all of it in the tooltip) rather than widening the window.
 */
export function DocumentHeading({ session }: { session: DocumentSession }) {
  const key = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => JSON.stringify([shownTitle(session.store.getDocument().meta.title), session.getFile()?.name ?? null, session.isDirty()]),
  );
  const [title, file, dirty] = JSON.parse(key) as [string, string | null, boolean];
  const full = `${title}${file && file !== title ? ` — ${file}` : ''}${dirty ? ' (unsaved changes)' : ''}`;
  // The page's one level-one heading: the document is what the page is about (axe:
  // page-has-heading-one); the inspector's headings are level two under it.
  return (
    <h1 className="document-heading" data-testid="document-heading" title={full}>
      <span className="document-title">{title}</span>
      {file && file !== title && <span className="document-file">{file}</span>}
      {dirty && (
        <span className="document-dirty" data-testid="document-dirty" aria-label="unsaved changes" role="img">
          •
        </span>
      )}
    </h1>
  );
}
