import { X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { asPatchField, DEGRADE_FIELDS } from '../../shared/model/schema/records';
import { NODE_KIND_INFO } from '../../shared/model/schema/nodeKinds';
import type { FaultlineDocument, ScenarioEvent } from '../../shared/model/types';
import { FieldEditor } from '../app/editor/FieldEditor';
import { useDocumentStore } from '../editor/store/DocumentStoreContext';
import { configBeforeSet, linkBeforeDegrade } from './eventBaseline';
import { setScenarioParam } from './scenarioEdits';

/**
 * The parameters of a `degrade` event (the link's new latency, jitter and loss) or a `set` event
 * (the config fields it changes on its node, from now on), edited with the inspector's own fields
 * and rules. A `set` lists the fields it changes; "Change another setting" adds one. A field
 * emptied leaves the patch, and shows the value the target has then ("now 1000"), which the event
 * leaves as it is.
 */
export function ScenarioEventParams({ doc, index, event }: { doc: FaultlineDocument; index: number; event: ScenarioEvent }) {
  const store = useDocumentStore();
  // Fields chosen for a `set` (they show, empty, until typed into), and those it held when the
  // editor opened: a group emptied leaves the patch, but not the form under the cursor.
  const [chosen, setChosen] = useState<string[]>(() => Object.keys(event.params ?? {}));
  const params = (event.params ?? {}) as Record<string, unknown>;
  // A setting just chosen takes the keyboard: it is what the teacher is about to type.
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focusNext === null) return;
    setFocusNext(null);
    fieldsetRef.current?.querySelector<HTMLElement>(`[data-param="${focusNext}"] :is(input, select, textarea)`)?.focus();
  }, [focusNext]);
  const commit = (path: readonly string[], value: unknown) => store.update((draft) => setScenarioParam(draft, index, path, value), { squashKey: `scenario-${index}-params-${path.join('.')}` });

  if (event.action === 'degrade') {
    const linkBefore = linkBeforeDegrade(doc, index);
    return (
      <fieldset className="live-event-params field-group" data-testid="event-params">
        <legend>New link values (empty: unchanged)</legend>
        {DEGRADE_FIELDS.map((field) => (
          <FieldEditor key={field.name} descriptor={field} path={[field.name]} records={[params]} onCommit={commit} doc={doc} selfIds={[]} baseline={linkBefore} />
        ))}
      </fieldset>
    );
  }
  if (event.action !== 'set' || event.target === undefined || !Object.hasOwn(doc.nodes, event.target)) return null;
  const node = doc.nodes[event.target];
  const fields = NODE_KIND_INFO[node.kind].fields;
  const shown = fields.filter((field) => Object.hasOwn(params, field.name) || chosen.includes(field.name));
  const others = fields.filter((field) => !shown.includes(field));
  const configBefore = configBeforeSet(doc, index);
  return (
    <fieldset ref={fieldsetRef} className="live-event-params field-group" data-testid="event-params">
      <legend>Settings it changes, from then on</legend>
      {shown.length === 0 && <p className="live-event-params-empty">None yet: a set event with no settings changes nothing.</p>}
      {shown.map((field) => (
        <div key={field.name} className="live-event-param" data-param={field.name}>
          <FieldEditor descriptor={asPatchField(field)} path={[field.name]} records={[params]} onCommit={commit} doc={doc} selfIds={[node.id]} baseline={configBefore} />
          <button
            type="button"
            className="icon-button live-tool"
            aria-label={`Stop changing ${field.label}`}
            title={`Stop changing ${field.label}`}
            onClick={() => {
              setChosen(chosen.filter((name) => name !== field.name));
              if (Object.hasOwn(params, field.name)) commit([field.name], undefined);
            }}
          >
            <X size={14} />
          </button>
        </div>
      ))}
      {others.length > 0 && (
        <label className="live-event-param-add">
          Change another setting
          <select
            value=""
            data-testid="event-param-add"
            onChange={(e) => {
              if (e.target.value === '') return;
              setChosen([...chosen, e.target.value]);
              setFocusNext(e.target.value);
            }}
          >
            <option value="">Choose…</option>
            {others.map((field) => (
              <option key={field.name} value={field.name}>
                {field.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
