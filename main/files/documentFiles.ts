import { basename, dirname, extname, join } from 'node:path';
import type { ExportRequest, ExportResult, FileRef, OpenResult, SaveAsRequest, SaveRequest, SaveResult } from '../../shared/ipc/files';
import { MAX_FILE_BYTES } from '../../shared/model/limits';
import { decodeUtf8 } from '../../shared/model/jsonText';
import type { Logger } from '../log';
import { FAULTLINE_FILTERS, type FileDialogs, type FileFilter } from './fileDialogs';
import { changedOnDisk, describeFileError, readWithFingerprint, sha256, type FileFingerprint, type FileSystem } from './fileSystem';
import { PathTokens, type TokenOwner } from './pathTokens';
import type { RecentFiles } from './recentFiles';

/** A file a window has open: where it is and what it looked like when we last read or wrote it. */
export interface OpenFileRecord {
  path: string;
  fingerprint: FileFingerprint;
}

const EXPORT_FILTERS: Record<ExportRequest['kind'], FileFilter[]> = {
  png: [{ name: 'PNG image', extensions: ['png'] }],
  json: [{ name: 'Faultline run report', extensions: ['json'] }],
  csv: [{ name: 'CSV table', extensions: ['csv'] }],
};

const STALE_TOKEN = 'This window no longer has access to that file (it was opened in another window or session). Use Save As to choose where to save.';

/**
 * Open, save, save as, revert and export for the windows' documents (DESIGN §8): paths come
 * only from main's dialogs, Open Recent and the OS; saving is atomic, keeps a backup of what
 * it replaces (`<file>.bak`), and refuses, with a conflict, to overwrite a file that changed on
 * disk since it was read — unless the user said to.
 */
/** How often Save As asks again when the name typed without an extension is taken with it. */
const SAVE_AS_ASKS = 3;

export class DocumentFiles {
  readonly tokens = new PathTokens<OpenFileRecord>();

  constructor(
    private readonly deps: {
      fs: FileSystem;
      dialogs: FileDialogs;
      recent: RecentFiles;
      /** Where Save As starts when the window has no file yet. */
      defaultDir: string;
      log: Logger;
    },
  ) {}

  async openWithDialog(owner: TokenOwner): Promise<OpenResult> {
    const path = await this.deps.dialogs.chooseFileToOpen(owner, { filters: FAULTLINE_FILTERS });
    return path === null ? { status: 'canceled' } : this.openPath(owner, path);
  }

  async openRecent(owner: TokenOwner, id: string): Promise<OpenResult> {
    const path = this.deps.recent.resolve(id);
    if (path === undefined) return { status: 'failed', message: 'That recent file is no longer in the list.' };
    return this.openPath(owner, path);
  }

  /** Opens a path main chose (dialog, Open Recent, the OS); never one the page sent. */
  async openPath(owner: TokenOwner, path: string): Promise<OpenResult> {
    const name = basename(path);
    const read = await this.readDocument(path);
    if (!read.ok) {
      if (read.missing) await this.deps.recent.remove(path);
      return { status: 'failed', message: read.message, name };
    }
    const token = this.tokens.issue(owner, { path, fingerprint: read.fingerprint });
    await this.deps.recent.add(path);
    return { status: 'opened', file: { token, name, location: path }, text: read.text };
  }

  async revert(owner: TokenOwner, token: string): Promise<OpenResult> {
    const record = this.tokens.resolve(owner, token);
    if (!record) return { status: 'failed', message: STALE_TOKEN };
    const read = await this.readDocument(record.path);
    if (!read.ok) return { status: 'failed', message: read.message };
    this.tokens.update(owner, token, { path: record.path, fingerprint: read.fingerprint });
    return { status: 'opened', file: this.refFor(token, record.path), text: read.text };
  }

  async save(owner: TokenOwner, request: SaveRequest): Promise<SaveResult> {
    const record = this.tokens.resolve(owner, request.token);
    if (!record) return { status: 'failed', message: STALE_TOKEN };
    if (!request.overwriteChanged && (await changedOnDisk(this.deps.fs, record.path, record.fingerprint))) {
      return {
        status: 'conflict',
        message: `“${basename(record.path)}” was changed or removed by another program since you opened it. Saving would replace those changes.`,
      };
    }
    return this.writeDocument(owner, record.path, request.text, request.token);
  }

  async saveAs(owner: TokenOwner, request: SaveAsRequest, currentToken: string | null = null): Promise<SaveResult> {
    const current = currentToken === null ? undefined : this.tokens.resolve(owner, currentToken);
    const directory = current ? dirname(current.path) : this.deps.defaultDir;
    let defaultPath = join(directory, suggestedFileName(request.suggestedName, 'faultline'));
    for (let asked = 0; asked < SAVE_AS_ASKS; asked++) {
      const chosen = await this.deps.dialogs.chooseSaveLocation(owner, { defaultPath, filters: FAULTLINE_FILTERS });
      if (chosen === null) return { status: 'canceled' };
      // Linux's dialog saves a name typed without an extension as it is (Electron adds none there),
      // and Open and the file association then pass the file by. With `.faultline` added it is a
      // file the dialog never confirmed replacing: if one is there, ask again, with that name.
      if (extname(chosen) !== '') return this.writeDocument(owner, chosen, request.text, null);
      const path = `${chosen}.faultline`;
      if (!(await this.exists(path))) return this.writeDocument(owner, path, request.text, null);
      defaultPath = path;
    }
    return { status: 'failed', message: `“${basename(defaultPath)}” already exists. Choose Save As again and confirm replacing it, or give another name.` };
  }

  private async exists(path: string): Promise<boolean> {
    try {
      await this.deps.fs.stat(path);
      return true;
    } catch {
      return false;
    }
  }

  async exportFile(owner: TokenOwner, request: ExportRequest): Promise<ExportResult> {
    const path = await this.deps.dialogs.chooseSaveLocation(owner, {
      defaultPath: join(this.deps.defaultDir, suggestedFileName(request.suggestedName, request.kind)),
      filters: EXPORT_FILTERS[request.kind],
    });
    if (path === null) return { status: 'canceled' };
    try {
      await this.deps.fs.writeAtomic(path, request.data);
      return { status: 'saved', name: basename(path) };
    } catch (error) {
      this.deps.log.error(`export to ${path} failed`, error);
      return { status: 'failed', message: describeFileError('save', basename(path), error) };
    }
  }

  /** The file behind a token and what it was when the page last opened or saved it (for recovery, which notes where unsaved work belongs). */
  fileOf(owner: TokenOwner, token: string): { path: string; fingerprint: FileFingerprint } | undefined {
    const record = this.tokens.resolve(owner, token);
    return record === undefined ? undefined : { path: record.path, fingerprint: record.fingerprint };
  }

  /**
   * A file main found for the page (e.g. the original of recovered work) gets a token too. With
   * `knownFingerprint` (what the file was when that work was last in step with it), a later save
   * notices if the file changed since, as it would for a file the page had opened itself.
   */
  async adopt(owner: TokenOwner, path: string, knownFingerprint?: FileFingerprint): Promise<FileRef | null> {
    try {
      const { fingerprint } = await readWithFingerprint(this.deps.fs, path);
      return this.refFor(this.tokens.issue(owner, { path, fingerprint: knownFingerprint ?? fingerprint }), path);
    } catch {
      return null;
    }
  }

  forgetOwner(owner: TokenOwner): void {
    this.tokens.revokeOwner(owner);
  }

  private refFor(token: string, path: string): FileRef {
    return { token, name: basename(path), location: path };
  }

  private async readDocument(path: string): Promise<{ ok: true; text: string; fingerprint: FileFingerprint } | { ok: false; message: string; missing: boolean }> {
    const name = basename(path);
    try {
      const info = await this.deps.fs.stat(path);
      if (!info.isFile()) return { ok: false, message: `“${name}” is not a file.`, missing: false };
      if (info.size > MAX_FILE_BYTES) {
        return { ok: false, message: `“${name}” is ${(info.size / 1024 / 1024).toFixed(1)} MB; Faultline opens files up to ${MAX_FILE_BYTES / 1024 / 1024} MB.`, missing: false };
      }
      const { bytes, fingerprint } = await readWithFingerprint(this.deps.fs, path);
      if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, message: `“${name}” grew past ${MAX_FILE_BYTES / 1024 / 1024} MB while it was being read.`, missing: false };
      const text = decodeUtf8(bytes);
      if (text === null) return { ok: false, message: `“${name}” is not UTF-8 text, so it is not a Faultline file.`, missing: false };
      return { ok: true, text, fingerprint };
    } catch (error) {
      return { ok: false, message: describeFileError('open', name, error), missing: (error as { code?: string }).code === 'ENOENT' };
    }
  }

  private async writeDocument(owner: TokenOwner, path: string, text: string, token: string | null): Promise<SaveResult> {
    const name = basename(path);
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.byteLength > MAX_FILE_BYTES) return { status: 'failed', message: `The sandbox is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, the most a Faultline file may hold.` };
    const warning = await this.backUp(path);
    try {
      await this.deps.fs.writeAtomic(path, bytes);
    } catch (error) {
      this.deps.log.error(`saving ${path} failed`, error);
      return { status: 'failed', message: `${describeFileError('save', name, error)} The file on disk is unchanged.` };
    }
    const fingerprint = await this.fingerprintAfterWrite(path, bytes);
    const record = { path, fingerprint };
    const savedToken = token !== null && this.tokens.update(owner, token, record) ? token : this.tokens.issue(owner, record);
    await this.deps.recent.add(path);
    return { status: 'saved', file: this.refFor(savedToken, path), warning };
  }

  /** Copies the file about to be replaced to `<file>.bak`. A failure is reported, not fatal: the new work matters more. */
  private async backUp(path: string): Promise<string | null> {
    try {
      await this.deps.fs.stat(path);
    } catch {
      return null; // nothing to replace
    }
    try {
      await this.deps.fs.copyFile(path, `${path}.bak`);
      return null;
    } catch (error) {
      this.deps.log.warn(`no backup of ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return `Saved, but the previous version could not be kept as “${basename(path)}.bak”.`;
    }
  }

  private async fingerprintAfterWrite(path: string, bytes: Buffer): Promise<FileFingerprint> {
    try {
      const info = await this.deps.fs.stat(path);
      return { size: bytes.byteLength, mtimeMs: info.mtimeMs, sha256: sha256(bytes) };
    } catch {
      // Cannot happen after a successful rename unless someone removed the file at once; the
      // next save will then report the change.
      return { size: -1, mtimeMs: -1, sha256: '' };
    }
  }
}

/** A safe file name from a document title: no folders, no characters the OS forbids, the right extension. */
export function suggestedFileName(title: string, extension: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = basename(title.replace(/[\\/]/g, '-')).replace(/[<>:"|?*\u0000-\u001f]/g, '').trim().replace(/^\.+/, '').slice(0, 120);
  const stem = cleaned.length > 0 ? cleaned : 'Untitled';
  return extname(stem).toLowerCase() === `.${extension}` ? stem : `${stem}.${extension}`;
}
