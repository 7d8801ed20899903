/**
 * `faultline validate FILE` (DESIGN §5): report every problem of a file, exit 0 when it loads,
 * 2 when it does not or cannot be read. Messages only — never a stack trace.
 */
import { open } from 'node:fs/promises';
import { countProblems, loadDocument, MAX_FILE_BYTES } from '../../shared/model';
import { decodeUtf8 } from '../../shared/model/jsonText';
import { lintDocument } from '../../shared/model/lint/lintDocument';
import { countOf } from '../../shared/model/plural';
import { EXIT } from './exitCodes';
import { formatError, formatWarning } from './problemText';

export async function validateCommand(file: string): Promise<number> {
  try {
    const read = await readTextFile(file);
    if (!read.ok) {
      writeErr(`${file}: ${read.message}`);
      return EXIT.invalid;
    }
    const result = loadDocument(read.text);
    for (const warning of result.warnings) writeErr(formatWarning(file, warning));
    if (!result.ok) {
      for (const error of result.errors) writeErr(formatError(file, error));
      // Not errors.length: past the listing limit the last entry stands for the rest.
      const count = countProblems(result.errors);
      writeErr(`${file}: not valid (${countOf(count, 'problem')})`);
      return EXIT.invalid;
    }
    const { document } = result;
    // The editor's design-problems list: valid, but probably not what was meant.
    for (const finding of lintDocument(document)) writeErr(`${file}: note: ${finding.message}`);
    const count = (record: object): number => Object.keys(record).length;
    process.stdout.write(
      `${file}: valid — "${document.meta.title}", ${countOf(count(document.nodes), 'node')}, ${countOf(count(document.links), 'link')}, ` +
        `${countOf(document.scenario.length, 'scenario event')}, ${countOf(document.checks.length, 'check')}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    writeErr(`${file}: internal error while validating: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.internal;
  }
}

function writeErr(line: string): void {
  process.stderr.write(`${line}\n`);
}

type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a file as UTF-8, refusing anything over the size limit before reading it whole. */
async function readTextFile(file: string): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    return { ok: false, message: `cannot open the file (${describeSystemError(error)})` };
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { ok: false, message: 'is a directory, not a .faultline file' };
    if (!stats.isFile()) return { ok: false, message: 'is not a regular file' };
    if (stats.size > MAX_FILE_BYTES) {
      return { ok: false, message: `the file is ${(stats.size / (1024 * 1024)).toFixed(1)} MB; Faultline reads files up to ${MAX_FILE_BYTES / (1024 * 1024)} MB` };
    }
    // Read at most one byte past the limit: the file may have grown since stat().
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length >= buffer.length) return { ok: false, message: 'the file changed while it was being read; try again' };
    }
    const text = decodeUtf8(buffer.subarray(0, length));
    return text === null ? { ok: false, message: 'is not UTF-8 text (a .faultline file is UTF-8 JSON)' } : { ok: true, text };
  } catch (error) {
    return { ok: false, message: `cannot read the file (${describeSystemError(error)})` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
