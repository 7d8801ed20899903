/**
 * Reading the `.faultline` file `run` and `validate` are given, with one set of messages for both
 * (they used to say "no such file or folder" and "no such file", "is a folder" and "is a directory").
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { MAX_FILE_BYTES } from '../../shared/model';
import { decodeUtf8 } from '../../shared/model/jsonText';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

const FS_ERROR_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'over the disk quota',
  EFBIG: 'the file would be too large',
  EIO: 'the file does not accept writes (input/output error)',
  EINVAL: 'the file does not accept writes',
  ETXTBSY: 'the file is in use',
};

/** A file system error in words (Node's own messages read like `EIO: i/o error, write`). */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(FS_ERROR_REASONS, code)) return FS_ERROR_REASONS[code];
  return error instanceof Error ? error.message : String(error);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads a file as UTF-8 text, refusing a folder, anything over the size limit (before reading it whole) and text that is not UTF-8. */
export async function readInputFile(file: string): Promise<ReadResult> {
  let handle;
  try {
    // Non-blocking: opening a named pipe for reading otherwise waits for a writer, forever; the
    // stat below then refuses it. A regular file reads as usual.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, message: `cannot open: ${describeFsError(error)}` };
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { ok: false, message: 'is a folder, not a .faultline file' };
    if (!stats.isFile()) return { ok: false, message: 'is not a regular file' };
    if (stats.size > MAX_FILE_BYTES) return { ok: false, message: `the file is ${megabytes(stats.size)}; Faultline reads files up to ${megabytes(MAX_FILE_BYTES)}` };
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
    return { ok: false, message: `cannot read: ${describeFsError(error)}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
