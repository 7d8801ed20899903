import { useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/appInfo';
import { useCommandHandler } from '../menu/CommandDispatcherContext';
import { AboutDialog } from './AboutDialog';
import { GuideDialog } from './GuideDialog';

/** Help → Documentation and Help → About (in-page and native menu alike). */
export function HelpDialogs({ mod, newKeys, getAppInfo }: { mod: string; newKeys: string; getAppInfo: () => Promise<AppInfo> }) {
  const [open, setOpen] = useState<'guide' | 'about' | null>(null);
  useCommandHandler('help.documentation', () => setOpen('guide'));
  useCommandHandler('help.about', () => setOpen('about'));
  const close = () => setOpen(null);
  return (
    <>
      <GuideDialog open={open === 'guide'} mod={mod} newKeys={newKeys} onClose={close} />
      <AboutDialog open={open === 'about'} getAppInfo={getAppInfo} onClose={close} />
    </>
  );
}
