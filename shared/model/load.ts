/**
 * Loading `.faultline` text (DESIGN §4): parse with limits, drop dangerous keys, check format and
 * version, migrate, validate everything. Never throws; every problem comes back with its path.
 */
import { parseJsonText, type JsonTextWarning } from './jsonText';
import { MAX_JSON_VALUES } from './limits';
import { MIGRATIONS, migrateToCurrent, type Migration } from './migrations';
import { preview, ProblemLog } from './problems';
import { isPlainObject, sanitizeJson } from './sanitize';
import type { LoadResult } from './types';
import { buildDocument } from './validateDocument';
import { CURRENT_VERSION, FILE_FORMAT } from './version';

export interface LoadOptions {
  /** The migration registry; tests inject synthetic steps. */
  migrations?: readonly Migration[];
  /** The newest version this app reads; tests pair it with `migrations`. */
  currentVersion?: number;
}

export function loadDocument(text: string, options: LoadOptions = {}): LoadResult {
  try {
    if (typeof text !== 'string') return failure('the file contents must be text');
    // A UTF-8 byte order mark is legal in files but not in JSON.
    const parsed = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (!parsed.ok) {
      const log = new ProblemLog();
      log.error('', parsed.message, parsed.line !== undefined && parsed.column !== undefined ? { line: parsed.line, column: parsed.column } : undefined);
      return { ok: false, ...log.finish() };
    }
    return loadValue(parsed.value, options, Infinity, parsed.warnings);
  } catch (error) {
    return internalFailure(error);
  }
}

/**
 * Validates an already-parsed value (e.g. a document received over IPC) exactly as `loadDocument`
 * validates text. Values that did not come from JSON text are also checked for depth, for loops
 * and for size (at most MAX_JSON_VALUES values) during the copy.
 */
export function loadDocumentValue(value: unknown, options: LoadOptions = {}): LoadResult {
  return loadValue(value, options, MAX_JSON_VALUES);
}

/** @param textWarnings what parsing the text found (e.g. duplicate keys), reported with the rest */
function loadValue(value: unknown, options: LoadOptions, maxValues: number, textWarnings: readonly JsonTextWarning[] = []): LoadResult {
  try {
    const log = new ProblemLog();
    for (const warning of textWarnings) log.warning(warning.path, warning.message);
    const raw = sanitizeJson(value, log, maxValues);
    if (!isPlainObject(raw)) {
      log.error('', `a Faultline file must contain a JSON object (this one contains ${preview(raw)})`);
      return { ok: false, ...log.finish() };
    }

    if (raw.format !== FILE_FORMAT) {
      const message = Object.hasOwn(raw, 'format')
        ? `must be "${FILE_FORMAT}" (got ${preview(raw.format)}); this is not a Faultline file`
        : `is missing; this is not a Faultline file (expected "format": "${FILE_FORMAT}")`;
      return failure(message, 'format');
    }

    const current = options.currentVersion ?? CURRENT_VERSION;
    const version = raw.version;
    if (!Object.hasOwn(raw, 'version')) return failure(`is required (files made by this app say "version": ${current})`, 'version');
    if (typeof version !== 'number' || !Number.isSafeInteger(version)) return failure(`must be a whole number (got ${preview(version)})`, 'version');
    if (version > current) {
      return failure(`made with a newer version of Faultline (file version ${version}, this app reads up to ${current}); update Faultline to open it`, 'version');
    }

    let upgraded = raw;
    if (version < current) {
      const migrated = migrateToCurrent(raw, version, options.migrations ?? MIGRATIONS, current);
      if (!migrated.ok) return failure(migrated.message, 'version');
      upgraded = migrated.value;
    }

    const document = buildDocument(upgraded, current, log);
    const { errors, warnings } = log.finish();
    return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, document, warnings };
  } catch (error) {
    return internalFailure(error);
  }
}

function failure(message: string, path = ''): LoadResult {
  return { ok: false, errors: [{ path, message }], warnings: [] };
}

function internalFailure(error: unknown): LoadResult {
  // A bug of ours must still reach the user as a sentence, not a stack trace.
  const detail = error instanceof Error ? error.message : String(error);
  return failure(`could not read the file because of an internal error (${detail})`);
}
