import { describeRule, type DistributionField, type FieldDescriptor, type NumberField, type ObjectField, type RefField } from '../../../shared/model/schema/fields';
import { DISTRIBUTION_KINDS, type DistributionSpec, type FaultlineDocument } from '../../../shared/model/types';
import { useEditedText } from '../../editor/store/useEditedText';
import { checkValue, defaultText, parseNumberField, parseNumberText, sharedValue, UNIT_LABEL, valueAt, type SharedValue } from './fieldValues';

export interface FieldEditorProps {
  descriptor: FieldDescriptor;
  path: readonly string[];
  /** The sparse objects (node configs or links) being edited together. */
  records: readonly Record<string, unknown>[];
  /** Commit a valid value to every record; `undefined` removes it (back to the default). */
  onCommit: (path: readonly string[], value: unknown) => void;
  doc: FaultlineDocument;
  /** Ids of the nodes being edited (a ref field must not point at the node itself). */
  selfIds: readonly string[];
}

function FieldRow({ descriptor, path, error, children }: { descriptor: FieldDescriptor; path: readonly string[]; error?: string; children: React.ReactNode }) {
  const unit = descriptor.unit ? UNIT_LABEL[descriptor.unit] : '';
  const wide = descriptor.type === 'distribution';
  return (
    <div className={`field-row${wide ? ' wide' : ''}${error ? ' has-error' : ''}`} data-field-row={path.join('.')}>
      <label title={`${descriptor.description} Allowed: ${describeRule(descriptor)}.`}>
        <span className="field-label">{descriptor.label}</span>
        <span className="field-control">
          {children}
          {unit && <span className="field-unit">{unit}</span>}
        </span>
      </label>
      {error && (
        <div className="field-error" role="alert" data-field-error={path.join('.')}>
          {error}
        </div>
      )}
    </div>
  );
}

/** Text for the input when the records agree; empty (placeholder shows the default or "mixed") otherwise. */
function shownText(shared: SharedValue): string {
  return shared.state === 'same' && (typeof shared.value === 'number' || typeof shared.value === 'string') ? String(shared.value) : '';
}

/**
 * A text input validated on every keystroke (see TextEdit): while the text is valid it is applied
 * at once, so a running simulation previews it; when it turns invalid the document goes back to
 * what it held before the edit and the schema's message shows. Leaving the field makes the edit one
 * undo step; Escape puts back the value from before the edit.
 */
function NumberInput({ descriptor, path, records, onCommit }: FieldEditorProps & { descriptor: NumberField }) {
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const external = shownText(shared);
  const field = useEditedText(external, `field:${path.join('.')}`);
  const error = field.problem ?? undefined;
  return (
    <FieldRow descriptor={descriptor} path={path} error={error}>
      <input
        type="text"
        inputMode="decimal"
        data-field={path.join('.')}
        aria-invalid={error ? true : undefined}
        value={field.value}
        placeholder={shared.state === 'mixed' ? 'mixed' : defaultText(descriptor)}
        onChange={(event) => field.type(event.target.value, (typed) => parseNumberField(descriptor, typed), (value) => onCommit(path, value))}
        {...field.handlers}
      />
    </FieldRow>
  );
}

function EnumSelect({ descriptor, path, records, onCommit }: FieldEditorProps & { descriptor: Extract<FieldDescriptor, { type: 'enum' }> }) {
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const value = shared.state === 'same' ? String(shared.value) : shared.state === 'mixed' ? '__mixed' : '';
  return (
    <FieldRow descriptor={descriptor} path={path}>
      <select
        data-field={path.join('.')}
        value={value}
        onChange={(event) => {
          const raw = event.target.value;
          if (raw === '__mixed') return;
          if (raw === '') return onCommit(path, undefined);
          const option = descriptor.options.find((candidate) => String(candidate) === raw);
          if (option !== undefined) onCommit(path, option);
        }}
      >
        {shared.state === 'mixed' && <option value="__mixed">mixed</option>}
        <option value="">{descriptor.contextDefault ? `auto (${descriptor.contextDefault})` : `default (${String(descriptor.default)})`}</option>
        {descriptor.options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    </FieldRow>
  );
}

function BooleanSelect({ descriptor, path, records, onCommit }: FieldEditorProps & { descriptor: Extract<FieldDescriptor, { type: 'boolean' }> }) {
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const value = shared.state === 'same' ? String(shared.value) : shared.state === 'mixed' ? '__mixed' : '';
  return (
    <FieldRow descriptor={descriptor} path={path}>
      <select data-field={path.join('.')} value={value} onChange={(event) => event.target.value !== '__mixed' && onCommit(path, event.target.value === '' ? undefined : event.target.value === 'true')}>
        {shared.state === 'mixed' && <option value="__mixed">mixed</option>}
        <option value="">default ({descriptor.default ? 'yes' : 'no'})</option>
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    </FieldRow>
  );
}

function StringInput({ descriptor, path, records, onCommit }: FieldEditorProps) {
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  return (
    <FieldRow descriptor={descriptor} path={path}>
      <input type="text" data-field={path.join('.')} value={shownText(shared)} placeholder={shared.state === 'mixed' ? 'mixed' : ''} onChange={(event) => onCommit(path, event.target.value === '' ? undefined : event.target.value)} />
    </FieldRow>
  );
}

function RefSelect({ descriptor, path, records, onCommit, doc, selfIds }: FieldEditorProps & { descriptor: RefField }) {
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const candidates = Object.values(doc.nodes).filter((node) => (!descriptor.nodeKinds || descriptor.nodeKinds.includes(node.kind)) && !selfIds.includes(node.id));
  const value = shared.state === 'same' ? String(shared.value) : '';
  return (
    <FieldRow descriptor={descriptor} path={path}>
      <select data-field={path.join('.')} value={value} onChange={(event) => onCommit(path, event.target.value === '' ? undefined : event.target.value)}>
        <option value="">{shared.state === 'mixed' ? 'mixed' : 'none'}</option>
        {candidates.map((node) => (
          <option key={node.id} value={node.id}>
            {node.name ?? node.id}
          </option>
        ))}
      </select>
    </FieldRow>
  );
}

function asSpec(value: unknown): DistributionSpec | undefined {
  if (typeof value === 'number') return { dist: 'const', mean: value };
  if (typeof value === 'object' && value !== null && 'dist' in value) return value as DistributionSpec;
  return undefined;
}

/** Shape and mean (and sigma for lognormal), committed together as one distribution object. */
function DistributionEditor({ descriptor, path, records, onCommit }: FieldEditorProps & { descriptor: DistributionField }) {
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const current = shared.state === 'same' ? asSpec(shared.value) : undefined;
  const base = current ?? descriptor.default ?? { dist: 'const', mean: 0 };
  const external = current ? String(current.mean) : '';
  const mean = useEditedText(external, `field:${path.join('.')}.mean`);
  const error = mean.problem ?? undefined;
  const commitSpec = (spec: DistributionSpec) => {
    const checked = checkValue(descriptor, spec);
    if (!checked.ok) return mean.setProblem(checked.message);
    mean.setProblem(null);
    onCommit(path, spec);
  };
  /** The mean's text as the distribution to commit (undefined: back to the default). */
  const parseMean = (typed: string): { ok: true; value: DistributionSpec | undefined } | { ok: false; message: string } => {
    const parsed = parseNumberText(typed);
    if (!parsed.ok || parsed.value === undefined) return parsed as { ok: true; value: undefined } | { ok: false; message: string };
    const spec: DistributionSpec = base.dist === 'lognormal' ? { dist: base.dist, mean: parsed.value, sigma: base.sigma ?? 0.5 } : { dist: base.dist, mean: parsed.value };
    const checked = checkValue(descriptor, spec);
    return checked.ok ? { ok: true, value: spec } : checked;
  };
  const placeholder = shared.state === 'mixed' ? 'mixed' : descriptor.default ? String(descriptor.default.mean) : (descriptor.contextDefault ?? '');
  return (
    <FieldRow descriptor={descriptor} path={path} error={error}>
      <select
        className="dist-select"
        data-field={`${path.join('.')}.dist`}
        value={current?.dist ?? ''}
        onChange={(event) => {
          if (event.target.value === '') return onCommit(path, undefined);
          const dist = event.target.value as DistributionSpec['dist'];
          commitSpec(dist === 'lognormal' ? { dist, mean: base.mean, sigma: base.sigma ?? 0.5 } : { dist, mean: base.mean });
        }}
      >
        <option value="">{descriptor.default ? `default (${descriptor.default.dist})` : 'auto'}</option>
        {DISTRIBUTION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kind}
          </option>
        ))}
      </select>
      <input
        type="text"
        inputMode="decimal"
        className="dist-mean"
        aria-label={`${descriptor.label} mean`}
        data-field={`${path.join('.')}.mean`}
        aria-invalid={error ? true : undefined}
        value={mean.value}
        placeholder={placeholder}
        onChange={(event) => mean.type(event.target.value, parseMean, (spec) => onCommit(path, spec))}
        {...mean.handlers}
      />
    </FieldRow>
  );
}

function ObjectEditor(props: FieldEditorProps & { descriptor: ObjectField }) {
  const { descriptor, path, records, onCommit } = props;
  const present = records.map((record) => valueAt(record, path) !== undefined);
  const required = descriptor.fields.find((field) => field.required);
  // An optional feature (lb `ha`) is switched on by choosing its required reference (the peer).
  if (descriptor.whenAbsent === 'off' && required && present.every((value) => !value)) {
    return (
      <fieldset className="field-group" data-field-group={path.join('.')}>
        <legend title={descriptor.description}>{descriptor.label}</legend>
        <FieldEditor {...props} descriptor={required} path={[...path, required.name]} />
      </fieldset>
    );
  }
  return (
    <fieldset className="field-group" data-field-group={path.join('.')}>
      <legend title={descriptor.description}>{descriptor.label}</legend>
      {descriptor.fields.map((field) => (
        <FieldEditor key={field.name} {...props} descriptor={field} path={[...path, field.name]} onCommit={onCommit} />
      ))}
    </fieldset>
  );
}

/** One form control generated from a field descriptor (the same descriptors that build the zod schema). */
export function FieldEditor(props: FieldEditorProps) {
  const { descriptor } = props;
  switch (descriptor.type) {
    case 'number':
      return <NumberInput {...props} descriptor={descriptor} />;
    case 'enum':
      return <EnumSelect {...props} descriptor={descriptor} />;
    case 'boolean':
      return <BooleanSelect {...props} descriptor={descriptor} />;
    case 'string':
      return <StringInput {...props} />;
    case 'distribution':
      return <DistributionEditor {...props} descriptor={descriptor} />;
    case 'object':
      return <ObjectEditor {...props} descriptor={descriptor} />;
    case 'ref':
      return <RefSelect {...props} descriptor={descriptor} />;
    default:
      return null;
  }
}
