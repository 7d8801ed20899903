import { useEffect, useMemo, useRef, useState } from 'react';
import type { ViewState } from '../../../shared/model/types';
import type { Host } from '../../host/host';
import { readFileText } from '../../host/web/webFiles';
import { snapshotCanvasPng } from '../../canvas/canvasSnapshot';
import type { AppCommand, CommandDispatcher } from '../menu/commandDispatcher';
import { runNativeMenuCommand } from '../menu/nativeMenuCommands';
import { webShortcutFor } from '../menu/webShortcuts';
import { MODAL_DIALOG_ATTRIBUTE } from '../DialogPopup';
import { startAutosave } from './autosave';
import { DialogQueue } from './dialogQueue';
import { DocumentSession, windowTitle, type SessionStore } from './documentSession';
import { createFileCommands, type FileCommands } from './fileCommands';
import { runToReport } from './runReport';

/** The clipboard: the host's where it has one (desktop), else the page's (a non-secure context has none). */
function clipboardOf(host: Host) {
  return {
    writeText: (text: string) =>
      host.writeClipboardText ? host.writeClipboardText(text) : navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard')),
  };
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * Everything files do in the page, wired once per window: the commands (registered with the
 * dispatcher), native menu commands and the web edition's shortcuts, the title with its "•",
 * the window's dirty state, autosave, the recovery offer, files the OS opens, dropping a file,
 * and saving on the way out.
 */
export function useFileIntegration(host: Host, store: SessionStore, dispatcher: CommandDispatcher, viewToSave?: () => ViewState | undefined) {
  const [queue] = useState(() => new DialogQueue());
  const [session] = useState(() => new DocumentSession(store));
  const [dragging, setDragging] = useState(false);
  const commands: FileCommands = useMemo(
    () =>
      createFileCommands({
        files: host.files,
        session,
        ui: queue,
        clipboard: clipboardOf(host),
        snapshotPng: snapshotCanvasPng,
        runReport: (document, onProgress, signal) => runToReport(document, onProgress, { signal }),
        ...(viewToSave ? { viewToSave } : {}),
      }),
    [host, session, queue, viewToSave],
  );

  useEffect(() => {
    const table: [AppCommand, () => Promise<unknown>][] = [
      ['file.new', commands.newDocument],
      ['file.open', commands.open],
      ['file.save', commands.save],
      ['file.saveAs', commands.saveAs],
      ['file.revert', commands.revert],
      ['file.copyShareCode', commands.copyShareCode],
      ['file.openShareCode', commands.openShareCode],
      ['file.exportPng', commands.exportPng],
      ['file.exportReport', commands.exportReport],
      ['file.exportTimelineCsv', commands.exportTimelineCsv],
    ];
    const removals = table.map(([command, run]) =>
      dispatcher.register(command, {
        run: () => run().then(() => undefined),
        isEnabled: command === 'file.revert' ? () => session.getFile() !== null && host.files.canRevert(session.getFile()!) : undefined,
        describe:
          command === 'file.revert'
            ? () => {
                const file = session.getFile();
                return file === null ? 'Nothing to revert to: this sandbox has not been opened from or saved to a file' : host.files.describeRevert?.(file);
              }
            : undefined,
      }),
    );
    return () => removals.forEach((remove) => remove());
  }, [commands, dispatcher, host, session]);

  // Native menu (desktop) → the same dispatcher as the in-page menu (Select All and Delete go to a focused text field instead).
  useEffect(() => host.onMenuCommand((command) => runNativeMenuCommand(command, dispatcher, document)), [host, dispatcher]);

  // The web edition's file shortcuts (on the desktop the native menu owns them).
  useEffect(() => {
    if (host.edition !== 'web') return;
    const onKey = (event: KeyboardEvent) => {
      const command = webShortcutFor(event);
      if (!command) return;
      event.preventDefault(); // the browser's own Save Page / Open File
      // A dialog is answered first: a shortcut does not open another over it (F1 over the guide).
      // One already closed but still in the page for a frame (Base UI unmounts it after its exit)
      // does not count: Ctrl+I pressed as a chosen lesson opened was lost.
      if (document.querySelector(`[${MODAL_DIALOG_ATTRIBUTE}][data-open]`) !== null) return;
      dispatcher.run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [host, dispatcher]);

  // Title with its dirty marker; the window learns the state for close confirmation.
  useEffect(() => {
    let last = '';
    const update = () => {
      document.title = windowTitle(session);
      const state = { title: session.displayName(), dirty: session.isDirty() };
      const key = JSON.stringify(state);
      if (key === last) return;
      last = key;
      host.files.setDocumentState(state);
    };
    update();
    return session.subscribe(update);
  }, [host, session]);

  useEffect(() => startAutosave(session, host.files, { onProblem: (message) => message && queue.notify(message, 'warning') }), [host, session, queue]);

  // Once per page: offer work a crashed session left, then take files the OS opened meanwhile.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      let entries = await host.files.listRecovery().catch(() => []);
      while (entries.length > 0) {
        const choice = await queue.chooseRecovery(entries);
        if (choice.action === 'later') break;
        if (choice.action === 'discard') await host.files.discardRecovery(choice.id).catch(() => {});
        else {
          await commands.restoreRecovery(choice.id);
          break;
        }
        entries = entries.filter((entry) => entry.id !== choice.id);
      }
      for (const opened of await host.files.takePendingOpens().catch(() => [])) await commands.applyOpened(opened);
    })();
  }, [host, queue, commands]);

  useEffect(() => host.files.onExternalOpen((result) => void commands.applyOpened(result)), [host, commands]);

  useEffect(
    () =>
      host.files.onSaveBeforeClose(() => {
        void commands.save().then(async (saved) => {
          if (saved) await host.files.closeNow();
        });
      }),
    [host, commands],
  );

  // Drop a .faultline file anywhere on the window to open it.
  useEffect(() => {
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const dropped = event.dataTransfer?.files;
      const file = dropped?.[0];
      if (!file) return;
      // One window holds one document: the first file opens, and the rest are named, not lost silently.
      const others = dropped !== undefined && dropped.length > 1 ? Array.from(dropped).slice(1).map((other) => `“${other.name}”`) : [];
      void readFileText(file).then(async (read) => {
        if (read.ok) await commands.openDropped(file.name, read.text);
        else await commands.applyOpened({ status: 'failed', message: read.message, name: file.name });
        if (others.length > 0) queue.notify(`Only “${file.name}” was opened (a window holds one document); ${others.join(', ')} ${others.length === 1 ? 'was' : 'were'} not. Drop ${others.length === 1 ? 'it' : 'them'} one at a time.`, 'warning');
      });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [commands, queue]);

  return { queue, session, commands, dragging };
}
