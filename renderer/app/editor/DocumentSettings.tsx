import { useCallback } from 'react';
import { defaultValue, type FieldDescriptor } from '../../../shared/model/schema/fields';
import { DURATION_FIELD, META_FIELDS, NETWORK_FIELDS, SEED_FIELD } from '../../../shared/model/schema/records';
import type { FaultlineDocument } from '../../../shared/model/types';
import { useDocumentStore } from '../../editor/store/DocumentStoreContext';
import { FieldEditor } from './FieldEditor';
import { StartLessons } from '../lessons/StartLessons';

const TITLE_FIELD = META_FIELDS.find((field) => field.name === 'title')!;
const DELAY_FIELDS = NETWORK_FIELDS.filter((field) => field.name !== 'matrix');

type Section = 'meta' | 'run' | 'network';

/**
 * What the inspector shows with nothing selected: the document's title, run length and seed,
 * and the default network delays. These are always present in memory, so clearing one puts its
 * default back.
 */
export function DocumentSettings({ doc }: { doc: FaultlineDocument }) {
  const store = useDocumentStore();
  const commit = useCallback(
    (section: Section, descriptor: FieldDescriptor) => (path: readonly string[], value: unknown) => {
      // Clearing the title leaves it empty (typing a new one must not start from "Untitled").
      const next = value ?? (section === 'meta' ? '' : defaultValue(descriptor));
      store.update(
        (draft) => {
          if (section === 'meta') draft.meta.title = next as string;
          else if (section === 'run') (draft as unknown as Record<string, unknown>)[path[0]] = next;
          else (draft.network as unknown as Record<string, unknown>)[path[0]] = next;
        },
        { squashKey: `document:${path.join('.')}` },
      );
    },
    [store],
  );
  const run = { seed: doc.seed, durationS: doc.durationS };
  return (
    <div className="document-settings" data-testid="document-settings">
      <FieldEditor descriptor={TITLE_FIELD} path={['title']} records={[doc.meta as unknown as Record<string, unknown>]} onCommit={commit('meta', TITLE_FIELD)} doc={doc} selfIds={[]} />
      <FieldEditor descriptor={DURATION_FIELD} path={['durationS']} records={[run]} onCommit={commit('run', DURATION_FIELD)} doc={doc} selfIds={[]} />
      <FieldEditor descriptor={SEED_FIELD} path={['seed']} records={[run]} onCommit={commit('run', SEED_FIELD)} doc={doc} selfIds={[]} />
      <fieldset className="field-group">
        <legend>Network delays</legend>
        {DELAY_FIELDS.map((field) => (
          <FieldEditor key={field.name} descriptor={field} path={[field.name]} records={[doc.network as unknown as Record<string, unknown>]} onCommit={commit('network', field)} doc={doc} selfIds={[]} />
        ))}
      </fieldset>
      <StartLessons />
    </div>
  );
}
