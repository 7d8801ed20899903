import { useCallback } from 'react';
import { defaultValue, type FieldDescriptor } from '../../../shared/model/schema/fields';
import { DURATION_FIELD, META_FIELDS, NETWORK_FIELDS, SEED_FIELD } from '../../../shared/model/schema/records';
import type { FaultlineDocument } from '../../../shared/model/types';
import { useDocumentStore } from '../../editor/store/DocumentStoreContext';
import { FieldEditor, TextField } from './FieldEditor';
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
      const next = value ?? defaultValue(descriptor);
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
      {/* An empty title is refused, as any invalid value is: the title bar, tab and lesson list would be left with nothing to show. */}
      <TextField
        label={TITLE_FIELD.label}
        title={TITLE_FIELD.description}
        field="title"
        value={doc.meta.title}
        parse={(text) => (text.trim() === '' ? { ok: false, message: 'a title is needed: the title bar, the tab and the lesson list show it' } : { ok: true, value: text.trim() })}
        onCommit={(text) => commit('meta', TITLE_FIELD)(['title'], text)}
      />
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
