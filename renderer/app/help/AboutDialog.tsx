import { Dialog } from '@base-ui/react/dialog';
import { X } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/appInfo';
import '../lessons/lessons.css';
import './help.css';

/** Help → About: what this is, which version, on what. */
export function AboutDialog({ open, getAppInfo, onClose }: { open: boolean; getAppInfo: () => Promise<AppInfo>; onClose: () => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    getAppInfo().then(setInfo, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, [open, getAppInfo]);
  const rows: [string, string][] = info
    ? [
        ['Version', info.version],
        ['Edition', info.edition === 'desktop' ? 'Desktop' : 'Web'],
        ['Platform', info.platform],
        ...(info.electron ? [['Electron', info.electron] as [string, string]] : []),
        ...(info.chrome ? [['Chromium', info.chrome] as [string, string]] : []),
        ...(info.node ? [['Node', info.node] as [string, string]] : []),
      ]
    : [];
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Backdrop className="file-dialog-backdrop" />
        <Dialog.Popup className="file-dialog about-dialog" data-testid="about-dialog">
          <div className="lessons-header">
            <span className="brand-mark" aria-hidden="true" />
            <Dialog.Title className="file-dialog-title">{info?.name ?? 'Faultline'}</Dialog.Title>
            <span className="file-dialog-spacer" />
            <Dialog.Close className="lessons-close" aria-label="Close">
              <X size={18} />
            </Dialog.Close>
          </div>
          <Dialog.Description className="file-dialog-description">
            A sandbox for networks and clusters: build a system, script its failures, and watch every request travel. Deterministic — the same file and seed replay
            identically, in the app and headless.
          </Dialog.Description>
          {problem !== null && <p className="help-problem">The version could not be read: {problem}</p>}
          <dl className="about-facts">
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd data-testid={`about-${label.toLowerCase()}`}>{value}</dd>
              </div>
            ))}
          </dl>
        </Dialog.Popup>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
