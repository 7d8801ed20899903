/**
 * The file channels' payloads (issue 9), as zod schemas: main checks every argument the page
 * sends with them, the preload checks every answer main gives. Paths never travel from the
 * page to main: main hands out opaque tokens for the files its dialogs chose, and the page
 * passes those back. A path may travel the other way, for display only (`location`).
 */
import { z } from 'zod';
import { MAX_FILE_BYTES } from '../model/limits';
import { invalid, valid, type Validation } from './validation';

/** Longest text any channel carries: a file at the loader's limit (UTF-16 length ≤ UTF-8 bytes). */
const documentText = z.string().max(MAX_FILE_BYTES);
const shortText = z.string().max(1000);
/** Tokens and ids are what main mints: 32 base64url characters. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** A file main opened or saved for this window. */
export const fileRefSchema = z.strictObject({
  token: tokenSchema,
  /** The file name, for the title bar. */
  name: shortText,
  /** Where it is, for tooltips and Open Recent (never sent back). */
  location: z.string().max(4096),
});
export type FileRef = z.infer<typeof fileRefSchema>;

export const openResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('canceled') }),
  z.strictObject({ status: z.literal('opened'), file: fileRefSchema, text: documentText }),
  /** `name`: the file's, when main got as far as choosing one (the page's report names it). */
  z.strictObject({ status: z.literal('failed'), message: shortText, name: shortText.optional() }),
]);
export type OpenResult = z.infer<typeof openResultSchema>;

export const saveResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('canceled') }),
  z.strictObject({ status: z.literal('saved'), file: fileRefSchema, warning: shortText.nullable() }),
  /** The file changed on disk since it was opened or last saved; nothing was written. */
  z.strictObject({ status: z.literal('conflict'), message: shortText }),
  z.strictObject({ status: z.literal('failed'), message: shortText }),
]);
export type SaveResult = z.infer<typeof saveResultSchema>;

export const saveRequestSchema = z.strictObject({
  token: tokenSchema,
  text: documentText,
  /** The user chose to overwrite a file that changed on disk. */
  overwriteChanged: z.boolean(),
});
export type SaveRequest = z.infer<typeof saveRequestSchema>;

export const saveAsRequestSchema = z.strictObject({
  text: documentText,
  /** A file name (no directories) the dialog proposes. */
  suggestedName: shortText,
});
export type SaveAsRequest = z.infer<typeof saveAsRequestSchema>;

export const EXPORT_KINDS = ['png', 'json', 'csv'] as const;
export const exportRequestSchema = z.strictObject({
  kind: z.enum(EXPORT_KINDS),
  suggestedName: shortText,
  /** PNG bytes, or the JSON / CSV text. */
  data: z.union([z.string().max(MAX_FILE_BYTES * 4), z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES * 4, 'too large')]),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('canceled') }),
  z.strictObject({ status: z.literal('saved'), name: shortText }),
  z.strictObject({ status: z.literal('failed'), message: shortText }),
]);
export type ExportResult = z.infer<typeof exportResultSchema>;


/** Unsaved work a previous session left behind (it crashed or was killed). */
export const recoveryEntrySchema = z.strictObject({
  id: tokenSchema,
  title: shortText,
  /** Milliseconds since the epoch of the last autosave. */
  savedAt: z.number().finite(),
  fileName: shortText.nullable(),
  /** Set when the recovery data is damaged: the entry can only be discarded. */
  problem: shortText.nullable(),
});
export type RecoveryEntry = z.infer<typeof recoveryEntrySchema>;
/** Most recovery entries offered at once (the newest; the rest wait for the next offer). */
export const MAX_RECOVERY_ENTRIES = 100;
export const recoveryEntriesSchema = z.array(recoveryEntrySchema).max(MAX_RECOVERY_ENTRIES);

export const storeRecoveryRequestSchema = z.strictObject({ text: documentText, title: shortText, fileToken: tokenSchema.nullable() });
export type StoreRecoveryRequest = z.infer<typeof storeRecoveryRequestSchema>;

export const restoreResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('restored'), text: documentText, file: fileRefSchema.nullable() }),
  z.strictObject({ status: z.literal('failed'), message: shortText }),
]);
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/** What main needs to know about the page's document: the title bar, macOS's edited dot, close confirmation. */
export const documentStateSchema = z.strictObject({ title: shortText, dirty: z.boolean() });
export type DocumentState = z.infer<typeof documentStateSchema>;

/** A zod schema as a boundary validator (never throws; the error names the path and the problem). */
export function validatorFor<T>(schema: z.ZodType<T>): (value: unknown) => Validation<T> {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return valid(parsed.data);
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return invalid(`${where}${issue?.message ?? 'invalid value'}`);
  };
}

/** An argument tuple validator from one schema per position. */
export function argsValidator<T extends unknown[]>(...schemas: { [K in keyof T]: z.ZodType<T[K]> }): (args: readonly unknown[]) => Validation<T> {
  return (args) => {
    if (args.length !== schemas.length) return invalid(`expected ${schemas.length} argument(s), got ${args.length}`);
    const out: unknown[] = [];
    for (let index = 0; index < schemas.length; index++) {
      const checked = validatorFor(schemas[index] as z.ZodType<unknown>)(args[index]);
      if (!checked.ok) return invalid(`argument ${index + 1}: ${checked.error}`);
      out.push(checked.value);
    }
    return valid(out as T);
  };
}
