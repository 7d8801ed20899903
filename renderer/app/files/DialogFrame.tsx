import { Dialog } from '@base-ui/react/dialog';
import type { ReactNode } from 'react';
import { DialogPopup } from '../DialogPopup';

/**
 * A file dialog: modal, titled, over a backdrop. `onClose` is asked on Escape or a press outside;
 * the dialog is controlled, so it stays open until its owner removes it.
 */
export function Frame({ title, description, onClose, children, testId, wide }: { title: string; description?: string; onClose: () => void; children: ReactNode; testId: string; wide?: boolean }) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Backdrop className="file-dialog-backdrop" />
        <DialogPopup className={wide ? 'file-dialog file-dialog-wide' : 'file-dialog'} data-testid={testId}>
          <Dialog.Title className="file-dialog-title">{title}</Dialog.Title>
          {description && <Dialog.Description className="file-dialog-description">{description}</Dialog.Description>}
          {children}
        </DialogPopup>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
