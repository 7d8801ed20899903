import { describeRule, type DistributionField, type FieldDescriptor, type NumberField, type ObjectField, type RefField } from '../../../shared/model/schema/fields';
import { DISTRIBUTION_KINDS, type DistributionSpec, type FaultlineDocument } from '../../../shared/model/types';
import { DEFAULT_LOGNORMAL_SIGMA, DISTRIBUTION_FIELDS } from '../../../shared/model/schema/common';
import { useEditedText } from '../../editor/store/useEditedText';
import type { TextParse } from '../../editor/store/textEdit';
import { useId, useRef } from 'react';
import { checkValue, currentText, defaultText, defaultTitle, distributionWarning, hintText, parseNumberField, parseNumberText, sharedValue, UNIT_LABEL, valueAt, type FieldOutOfEffect, type SharedValue } from './fieldValues';

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
  /**
   * The complete values the records change from, when they are a patch (a scenario `set` or
   * `degrade`): an empty field leaves its value as it is there, so it shows that value ("now
   * 1000"), not the kind's default. Absent for the inspector, where empty means the default.
   */
  baseline?: Readonly<Record<string, unknown>>;
  /**
   * Commit a value worked out per record (several nodes selected): `valueFor` gets each record's
   * current value at `path`. A distribution's new mean keeps each node's own shape, and a new
   * shape each node's own mean, where one value for all would overwrite them.
   */
  onCommitEach?: (path: readonly string[], valueFor: (current: unknown) => unknown) => void;
  /**
   * Whether the field at `path` does nothing on the records, given their other fields (the
   * inspector's nodes: see fieldOutOfEffect). Absent (links, scenario patches): every field acts.
   */
  outOfEffect?: (path: readonly string[]) => FieldOutOfEffect | undefined;
}

/** What an empty field means: the default (the inspector) or, in a patch, the value it leaves as it is. */
interface EmptyMeaning {
  /** The placeholder of an empty text box. */
  placeholder: string;
  /** The tooltip of an empty text box. */
  title: string;
  /** The empty choice of a menu (default, auto or unchanged). */
  option: string;
  /** The line under the field, when the default needs explaining. */
  hint: string | undefined;
}

function emptyMeaning(descriptor: FieldDescriptor, path: readonly string[], baseline: FieldEditorProps['baseline']): EmptyMeaning {
  if (baseline !== undefined) {
    const now = currentText(descriptor, valueAt(baseline as Record<string, unknown>, path));
    return { placeholder: `now ${now}`, title: `Now ${now}; empty leaves it so`, option: `unchanged (${now})`, hint: undefined };
  }
  const option = descriptor.type === 'boolean' ? `default (${descriptor.default ? 'yes' : 'no'})` : descriptor.contextDefault ? 'auto' : `default (${String('default' in descriptor ? descriptor.default : '')})`;
  return { placeholder: defaultText(descriptor), title: defaultTitle(descriptor), option, hint: hintText(descriptor) };
}

/** Ids tying a field's control to its label, its hint line, its out-of-effect note, its warning and its error message. */
export interface FieldIds {
  control: string;
  hint: string;
  note: string;
  warning: string;
  error: string;
}

export function useFieldIds(): FieldIds {
  const base = useId();
  return { control: `${base}-control`, hint: `${base}-hint`, note: `${base}-note`, warning: `${base}-warning`, error: `${base}-error` };
}

/** The lines under a control, when shown. */
interface RowLines {
  hint?: string;
  note?: string;
  warning?: string;
  error?: string;
}

/** The control's ARIA: described by the lines under it (when shown), invalid while refused. */
export function describedBy(ids: FieldIds, { hint, note, warning, error }: RowLines) {
  const by = [hint ? ids.hint : '', note ? ids.note : '', warning ? ids.warning : '', error ? ids.error : ''].filter(Boolean).join(' ');
  return { id: ids.control, 'aria-describedby': by || undefined, 'aria-invalid': error ? true : undefined } as const;
}

/**
 * One labelled row. The label names only its control (by `htmlFor`, not by wrapping it, which
 * would put every option of a select into the label); a default too long for the control is a
 * hint line under it, and so are why the field does nothing (`outOfEffect`, its control then
 * disabled when it does nothing on every record) and a value accepted that may not do what it
 * seems to (`warning`); an error is linked to the control by aria-describedby.
 */
export function FieldRow({ label, title, unit, wide, ids, hint, outOfEffect, warning, error, errorKey, rowKey, children }: { label: string; title?: string; unit?: string; wide?: boolean; ids: FieldIds; hint?: string; outOfEffect?: FieldOutOfEffect; warning?: string; error?: string; errorKey: string; rowKey?: string; children: React.ReactNode }) {
  return (
    <div className={`field-row${wide ? ' wide' : ''}${error ? ' has-error' : ''}${outOfEffect?.disabled ? ' out-of-effect' : ''}`} data-field-row={rowKey}>
      <div className="field-line">
        <label className="field-label" htmlFor={ids.control} title={title}>
          {label}
        </label>
        <span className="field-control">
          {children}
          {unit && <span className="field-unit">{unit}</span>}
        </span>
      </div>
      {hint && (
        <div className="field-hint" id={ids.hint}>
          {hint}
        </div>
      )}
      {outOfEffect && (
        <div className="field-hint field-note" id={ids.note} data-field-note={rowKey}>
          {outOfEffect.note}
        </div>
      )}
      {warning && (
        <div className="field-hint field-warning" id={ids.warning} data-field-warning={rowKey}>
          {warning}
        </div>
      )}
      {error && (
        <div className="field-error" role="alert" id={ids.error} data-field-error={errorKey}>
          {error}
        </div>
      )}
    </div>
  );
}

/** A descriptor's row: its label, the rule as a tooltip, its unit, and its context default as a hint. */
function DescriptorRow({ descriptor, path, ids, hint, outOfEffect, warning, error, children }: { descriptor: FieldDescriptor; path: readonly string[]; ids: FieldIds; hint: string | undefined; outOfEffect?: FieldOutOfEffect; warning?: string; error?: string; children: React.ReactNode }) {
  return (
    <FieldRow
      label={descriptor.label}
      title={`${descriptor.description} Allowed: ${describeRule(descriptor)}.`}
      unit={descriptor.unit ? UNIT_LABEL[descriptor.unit] : ''}
      wide={descriptor.type === 'distribution'}
      ids={ids}
      hint={hint}
      outOfEffect={outOfEffect}
      warning={warning}
      error={error}
      errorKey={path.join('.')}
      rowKey={path.join('.')}
    >
      {children}
    </FieldRow>
  );
}

/** Text for the input when the records agree; empty (placeholder shows the default or "mixed") otherwise. */
function shownText(shared: SharedValue): string {
  return shared.state === 'same' && (typeof shared.value === 'number' || typeof shared.value === 'string') ? String(shared.value) : '';
}

/**
 * A free-text field (a title, a name) edited as the number fields are (see useEditedText): each
 * valid keystroke is applied at once, text that `parse` refuses leaves the document as it was and
 * says why, Escape puts back the value from before the edit, and the whole edit is one undo step.
 * The text is shown as typed until the field is left (the document holds it trimmed).
 */
export function TextField({
  label,
  title,
  field,
  value,
  placeholder,
  hint,
  parse,
  onCommit,
}: {
  label: string;
  title?: string;
  field: string;
  value: string;
  placeholder?: string;
  hint?: string;
  parse: (text: string) => TextParse<string | undefined>;
  onCommit: (value: string | undefined) => void;
}) {
  const ids = useFieldIds();
  const edit = useEditedText(value, `field:${field}`);
  const error = edit.problem ?? undefined;
  return (
    <FieldRow label={label} title={title} ids={ids} hint={hint} error={error} errorKey={field} rowKey={field}>
      <input
        type="text"
        data-field={field}
        {...describedBy(ids, { hint, error })}
        value={edit.value}
        placeholder={placeholder}
        // A long name scrolls inside the field; the tooltip has all of it.
        title={edit.value.length > 24 ? edit.value : undefined}
        onChange={(event) => edit.type(event.target.value, parse, onCommit)}
        {...edit.handlers}
      />
    </FieldRow>
  );
}

/**
 * A text input validated on every keystroke (see TextEdit): while the text is valid it is applied
 * at once, so a running simulation previews it; when it turns invalid the document goes back to
 * what it held before the edit and the schema's message shows. Leaving the field makes the edit one
 * undo step; Escape puts back the value from before the edit.
 */
function NumberInput({ descriptor, path, records, onCommit, baseline, outOfEffect }: FieldEditorProps & { descriptor: NumberField }) {
  const ids = useFieldIds();
  const idle = outOfEffect?.(path);
  const empty = emptyMeaning(descriptor, path, baseline);
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const external = shownText(shared);
  const field = useEditedText(external, `field:${path.join('.')}`);
  const error = field.problem ?? undefined;
  const placeholder = shared.state === 'mixed' ? 'mixed' : empty.placeholder;
  return (
    <DescriptorRow descriptor={descriptor} path={path} ids={ids} hint={empty.hint} outOfEffect={idle} error={error}>
      <input
        type="text"
        inputMode="decimal"
        data-field={path.join('.')}
        {...describedBy(ids, { hint: empty.hint, note: idle?.note, error })}
        disabled={idle?.disabled}
        value={field.value}
        placeholder={placeholder}
        title={idle?.disabled ? idle.note : shared.state === 'mixed' ? placeholder : empty.title}
        onChange={(event) => field.type(event.target.value, (typed) => parseNumberField(descriptor, typed), (value) => onCommit(path, value))}
        {...field.handlers}
      />
    </DescriptorRow>
  );
}

function EnumSelect({ descriptor, path, records, onCommit, baseline, outOfEffect }: FieldEditorProps & { descriptor: Extract<FieldDescriptor, { type: 'enum' }> }) {
  const ids = useFieldIds();
  const idle = outOfEffect?.(path);
  const empty = emptyMeaning(descriptor, path, baseline);
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const value = shared.state === 'same' ? String(shared.value) : shared.state === 'mixed' ? '__mixed' : '';
  return (
    <DescriptorRow descriptor={descriptor} path={path} ids={ids} hint={empty.hint} outOfEffect={idle}>
      <select
        data-field={path.join('.')}
        {...describedBy(ids, { hint: empty.hint, note: idle?.note })}
        disabled={idle?.disabled}
        title={idle?.disabled ? idle.note : undefined}
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
        {/* A context default is told in full in the hint line under the field. */}
        <option value="">{empty.option}</option>
        {descriptor.options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    </DescriptorRow>
  );
}

function BooleanSelect({ descriptor, path, records, onCommit, baseline, outOfEffect }: FieldEditorProps & { descriptor: Extract<FieldDescriptor, { type: 'boolean' }> }) {
  const ids = useFieldIds();
  const idle = outOfEffect?.(path);
  const empty = emptyMeaning(descriptor, path, baseline);
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const value = shared.state === 'same' ? String(shared.value) : shared.state === 'mixed' ? '__mixed' : '';
  return (
    <DescriptorRow descriptor={descriptor} path={path} ids={ids} hint={empty.hint} outOfEffect={idle}>
      <select data-field={path.join('.')} {...describedBy(ids, { hint: empty.hint, note: idle?.note })} disabled={idle?.disabled} title={idle?.disabled ? idle.note : undefined} value={value} onChange={(event) => event.target.value !== '__mixed' && onCommit(path, event.target.value === '' ? undefined : event.target.value === 'true')}>
        {shared.state === 'mixed' && <option value="__mixed">mixed</option>}
        <option value="">{empty.option}</option>
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    </DescriptorRow>
  );
}

/** A string config field: empty text takes it back to its default. */
function StringInput({ descriptor, path, records, onCommit, baseline }: FieldEditorProps) {
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const empty = emptyMeaning(descriptor, path, baseline);
  return (
    <TextField
      label={descriptor.label}
      title={descriptor.description}
      field={path.join('.')}
      value={shownText(shared)}
      placeholder={shared.state === 'mixed' ? 'mixed' : baseline === undefined ? '' : empty.placeholder}
      hint={empty.hint}
      parse={(text) => {
        const trimmed = text.trim();
        if (trimmed === '') return { ok: true, value: undefined };
        const checked = checkValue(descriptor, trimmed);
        return checked.ok ? { ok: true, value: trimmed } : checked;
      }}
      onCommit={(value) => onCommit(path, value)}
    />
  );
}

function RefSelect({ descriptor, path, records, onCommit, doc, selfIds, baseline }: FieldEditorProps & { descriptor: RefField }) {
  const ids = useFieldIds();
  const empty = emptyMeaning(descriptor, path, baseline);
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const candidates = Object.values(doc.nodes).filter((node) => (!descriptor.nodeKinds || descriptor.nodeKinds.includes(node.kind)) && !selfIds.includes(node.id));
  const value = shared.state === 'same' ? String(shared.value) : '';
  return (
    <DescriptorRow descriptor={descriptor} path={path} ids={ids} hint={empty.hint}>
      <select data-field={path.join('.')} {...describedBy(ids, { hint: empty.hint })} value={value} onChange={(event) => onCommit(path, event.target.value === '' ? undefined : event.target.value)}>
        <option value="">{shared.state === 'mixed' ? 'mixed' : baseline === undefined ? 'none' : refOption(doc, valueAt(baseline as Record<string, unknown>, path))}</option>
        {candidates.map((node) => (
          <option key={node.id} value={node.id}>
            {node.name ?? node.id}
          </option>
        ))}
      </select>
    </DescriptorRow>
  );
}

/** The empty choice of a reference in a patch: the node it keeps pointing at, by name. */
function refOption(doc: FaultlineDocument, before: unknown): string {
  if (typeof before !== 'string') return 'unchanged (none)';
  return `unchanged (${Object.hasOwn(doc.nodes, before) ? (doc.nodes[before].name ?? before) : before})`;
}

function asSpec(value: unknown): DistributionSpec | undefined {
  if (typeof value === 'number') return { dist: 'const', mean: value };
  if (typeof value === 'object' && value !== null && 'dist' in value) return value as DistributionSpec;
  return undefined;
}

/** The rule of a lognormal's sigma (a number ≥ 0), from the schema that reads files. */
const SIGMA_FIELD = DISTRIBUTION_FIELDS.find((field) => field.name === 'sigma')!;

/** A distribution's shape as chosen in the menu, keeping the mean and (for a lognormal) a sigma the file gave. */
function withShape(dist: DistributionSpec['dist'], base: DistributionSpec): DistributionSpec {
  return dist === 'lognormal' && base.sigma !== undefined ? { dist, mean: base.mean, sigma: base.sigma } : { dist, mean: base.mean };
}

/**
 * Shape and mean (and, under them, sigma for a lognormal), committed together as one
 * distribution object. A lognormal without sigma uses DEFAULT_LOGNORMAL_SIGMA, as a file does:
 * the Sigma box says so rather than writing it into the document unseen.
 */
function DistributionEditor({ descriptor, path, records, onCommit, onCommitEach, baseline }: FieldEditorProps & { descriptor: DistributionField }) {
  const ids = useFieldIds();
  const sigmaIds = useFieldIds();
  const shared = sharedValue(records.map((record) => valueAt(record, path)));
  const current = shared.state === 'same' ? asSpec(shared.value) : undefined;
  // Nodes selected together whose distributions differ: the menu says whether their shapes agree
  // ("mixed" when not), and an edit of the shape or the mean keeps what differs per node.
  const sharedShape = sharedValue(records.map((record) => asSpec(valueAt(record, path))?.dist));
  const perNode = shared.state === 'mixed' && onCommitEach !== undefined;
  const fallback: DistributionSpec = descriptor.default ?? { dist: 'const', mean: 0 };
  const ownSpec = (value: unknown): DistributionSpec => asSpec(value) ?? fallback;
  /** Each node's own distribution with `change` applied; refused whole (nothing changes) if any is invalid. */
  const commitEach = (change: (own: DistributionSpec) => DistributionSpec): void => {
    for (const record of records) {
      const checked = checkValue(descriptor, change(ownSpec(valueAt(record, path))));
      if (!checked.ok) return mean.setProblem(checked.message);
    }
    mean.setProblem(null);
    onCommitEach!(path, (value) => change(ownSpec(value)));
  };
  // In a patch, a shape chosen alone keeps the mean the node has then.
  const before = baseline === undefined ? undefined : asSpec(valueAt(baseline as Record<string, unknown>, path));
  const base = current ?? before ?? fallback;
  const external = current ? String(current.mean) : '';
  const mean = useEditedText(external, `field:${path.join('.')}.mean`);
  const sigma = useEditedText(current?.sigma === undefined ? '' : String(current.sigma), `field:${path.join('.')}.sigma`);
  const error = mean.problem ?? undefined;
  const sigmaError = sigma.problem ?? undefined;
  // Retyping the mean (select all, then type) empties the box on the way, which puts the field
  // back to its default for a moment: the shape and sigma from before are kept for the number
  // typed next, or "7" over a lognormal would become the default shape's 7.
  const clearedRef = useRef<DistributionSpec | null>(null);
  const empty = emptyMeaning(descriptor, path, baseline);
  const hint = empty.hint;
  const commitSpec = (spec: DistributionSpec) => {
    const checked = checkValue(descriptor, spec);
    if (!checked.ok) return mean.setProblem(checked.message);
    mean.setProblem(null);
    onCommit(path, spec);
  };
  /** The mean's text as the distribution to commit (undefined: back to the default). */
  const parseMean = (typed: string): { ok: true; value: DistributionSpec | undefined } | { ok: false; message: string } => {
    const parsed = parseNumberText(typed);
    if (parsed.ok && parsed.value === undefined && current) clearedRef.current = current;
    if (!parsed.ok || parsed.value === undefined) return parsed as { ok: true; value: undefined } | { ok: false; message: string };
    const shape = current ?? clearedRef.current ?? base;
    const spec = withShape(shape.dist, { ...shape, mean: parsed.value });
    const checked = checkValue(descriptor, spec);
    return checked.ok ? { ok: true, value: spec } : checked;
  };
  /** The sigma's text as the lognormal to commit (empty: no sigma, so the default one). */
  const parseSigma = (typed: string): { ok: true; value: DistributionSpec } | { ok: false; message: string } => {
    const parsed = parseNumberText(typed);
    if (!parsed.ok) return parsed;
    if (parsed.value === undefined) return { ok: true, value: { dist: 'lognormal', mean: base.mean } };
    const checked = checkValue(SIGMA_FIELD, parsed.value);
    if (!checked.ok) return { ok: false, message: `sigma ${checked.message}` };
    return { ok: true, value: { dist: 'lognormal', mean: base.mean, sigma: parsed.value } };
  };
  // A context default ("0.05 ms at layer 4, 0.5 ms at layer 7") is the hint line's; the field says "auto".
  const placeholder = shared.state === 'mixed' ? 'mixed' : before !== undefined ? `now ${before.mean}` : descriptor.default ? String(descriptor.default.mean) : descriptor.contextDefault ? 'auto' : '';
  // Accepted (DESIGN §3 asks only for a number ≥ 0), but a shape with a mean of 0 is no shape.
  const warning = distributionWarning(current);
  const meanAria = describedBy(ids, { hint, warning, error });
  const sigmaPath = `${path.join('.')}.sigma`;
  return (
    <>
      <DescriptorRow descriptor={descriptor} path={path} ids={ids} hint={hint} warning={warning} error={error}>
        <select
          className="dist-select"
          data-field={`${path.join('.')}.dist`}
          id={ids.control}
          aria-describedby={describedBy(ids, { hint, warning })['aria-describedby']}
          value={sharedShape.state === 'mixed' ? '__mixed' : sharedShape.state === 'same' ? String(sharedShape.value) : ''}
          onChange={(event) => {
            const chosen = event.target.value;
            if (chosen === '__mixed') return;
            if (chosen === '') return onCommit(path, undefined);
            if (perNode) return commitEach((own) => withShape(chosen as DistributionSpec['dist'], own));
            commitSpec(withShape(chosen as DistributionSpec['dist'], base));
          }}
        >
          {sharedShape.state === 'mixed' && <option value="__mixed">mixed</option>}
          <option value="">{before !== undefined ? `unchanged (${before.dist})` : descriptor.default ? `default (${descriptor.default.dist})` : 'auto'}</option>
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
          aria-describedby={meanAria['aria-describedby']}
          aria-invalid={meanAria['aria-invalid']}
          value={mean.value}
          placeholder={placeholder}
          // As a number field's tooltip says it ("1000 (default)"), not a bare "5".
          title={before !== undefined ? `Now ${currentText(descriptor, before)}; empty leaves it so` : descriptor.contextDefault ? `auto: ${descriptor.contextDefault}` : shared.state !== 'mixed' && descriptor.default ? `${descriptor.default.mean} (default)` : placeholder}
          onChange={(event) =>
            mean.type(event.target.value, parseMean, (spec) => {
              if (spec !== undefined && perNode) commitEach((own) => withShape(own.dist, { ...own, mean: spec.mean }));
              else onCommit(path, spec);
            })
          }
          {...mean.handlers}
          onFocus={() => {
            clearedRef.current = null;
            mean.handlers.onFocus();
          }}
        />
      </DescriptorRow>
      {current?.dist === 'lognormal' && (
        <FieldRow label={`${descriptor.label} sigma`} title={`${SIGMA_FIELD.description} Allowed: ${describeRule(SIGMA_FIELD)}. Empty: ${DEFAULT_LOGNORMAL_SIGMA}.`} ids={sigmaIds} error={sigmaError} errorKey={sigmaPath} rowKey={sigmaPath}>
          <input
            type="text"
            inputMode="decimal"
            className="dist-sigma"
            data-field={sigmaPath}
            {...describedBy(sigmaIds, { error: sigmaError })}
            value={sigma.value}
            placeholder={`${DEFAULT_LOGNORMAL_SIGMA} (default)`}
            title={`${DEFAULT_LOGNORMAL_SIGMA} (default)`}
            onChange={(event) => sigma.type(event.target.value, parseSigma, (spec) => onCommit(path, spec))}
            {...sigma.handlers}
          />
        </FieldRow>
      )}
    </>
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
