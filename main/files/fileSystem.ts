import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';

/** What a file looked like when we last read or wrote it; compared to notice changes made by others. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/**
 * The file-system operations the file service uses, injected so tests can make any step fail.
 * `writeAtomic` must leave either the old file or the new one, never a mix and never a temp file.
 */
export interface FileSystem {
  readFile(path: string): Promise<Buffer>;
  stat(path: string): Promise<{ size: number; mtimeMs: number; isFile(): boolean }>;
  writeAtomic(path: string, data: string | Uint8Array): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeFileSystem: FileSystem = {
  readFile: (path) => readFile(path),
  stat: (path) => stat(path),
  // write-file-atomic: temp file beside the target, write, fsync, rename; the temp file is
  // removed if any step fails.
  writeAtomic: (path, data) => writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), { fsync: true }),
  copyFile: (from, to) => copyFile(from, to),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  readdir: (path) => readdir(path),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
};

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file and what it looked like, in one go. */
export async function readWithFingerprint(fs: FileSystem, path: string): Promise<{ bytes: Buffer; fingerprint: FileFingerprint }> {
  const info = await fs.stat(path);
  const bytes = await fs.readFile(path);
  return { bytes, fingerprint: { size: bytes.byteLength, mtimeMs: info.mtimeMs, sha256: sha256(bytes) } };
}

/**
 * Whether the file at `path` still is what `known` describes. Size and mtime are the fast
 * answer; when only the mtime moved (a `touch`, a sync tool) the contents decide, so an
 * unchanged file is never reported as a conflict. A missing file counts as changed.
 */
export async function changedOnDisk(fs: FileSystem, path: string, known: FileFingerprint): Promise<boolean> {
  let info: { size: number; mtimeMs: number };
  try {
    info = await fs.stat(path);
  } catch {
    return true;
  }
  if (info.size !== known.size) return true;
  if (info.mtimeMs === known.mtimeMs) return false;
  try {
    return sha256(await fs.readFile(path)) !== known.sha256;
  } catch {
    return true;
  }
}

/** A Node error's code (`ENOENT`), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** A sentence for a failed file operation, without a stack trace. */
/**
 * Longest message main sends with a file result: the IPC schemas cap message text at 1000
 * characters, and a message over it would be refused whole (Node's error messages carry the full
 * path, which can be long).
 */
const MAX_MESSAGE_CHARS = 900;

/** `text` cut to `max` characters, with an ellipsis where it was cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function describeFileError(action: string, name: string, error: unknown): string {
  return clip(fileErrorText(action, clip(name, 200), error), MAX_MESSAGE_CHARS);
}

function fileErrorText(action: string, name: string, error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return `Could not ${action} “${name}”: the file or its folder no longer exists.`;
    case 'EACCES':
    case 'EPERM':
      return `Could not ${action} “${name}”: permission denied.`;
    case 'ENOSPC':
      return `Could not ${action} “${name}”: the disk is full.`;
    case 'EROFS':
      return `Could not ${action} “${name}”: the disk is read-only.`;
    case 'EISDIR':
      return `Could not ${action} “${name}”: it is a folder, not a file.`;
    default:
      return `Could not ${action} “${name}”${error instanceof Error ? `: ${error.message}` : '.'}`;
  }
}
