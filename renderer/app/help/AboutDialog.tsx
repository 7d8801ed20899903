import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/appInfo';
import { ReadingDialog } from '../lessons/ReadingDialog';
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
    <ReadingDialog
      open={open}
      onClose={onClose}
      icon={<span className="brand-mark" aria-hidden="true" />}
      title={info?.name ?? 'Faultline'}
      description="A sandbox for networks and clusters: build a system, script its failures, and watch every request travel. Deterministic — the same file and seed replay identically, in the app and headless."
      className="about-dialog"
      testId="about-dialog"
    >
      {problem !== null && <p className="help-problem">The version could not be read: {problem}</p>}
      <dl className="about-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid={`about-${label.toLowerCase()}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </ReadingDialog>
  );
}
