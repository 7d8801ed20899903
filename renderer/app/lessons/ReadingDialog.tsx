import { Dialog } from '@base-ui/react/dialog';
import { DialogPopup } from '../DialogPopup';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import './lessons.css';

/**
 * A dialog to read and close (lessons, the guide, About): an icon and title with a close button,
 * a description, then the content. Escape, the backdrop and the button all close it.
 */
export function ReadingDialog({
  open,
  onClose,
  icon,
  title,
  description,
  className,
  testId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  icon: ReactNode;
  title: string;
  description: string;
  className: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Backdrop className="file-dialog-backdrop" />
        <DialogPopup className={`file-dialog ${className}`} data-testid={testId}>
          <div className="lessons-header">
            {icon}
            <Dialog.Title className="file-dialog-title">{title}</Dialog.Title>
            <span className="file-dialog-spacer" />
            <Dialog.Close className="lessons-close" aria-label="Close">
              <X size={18} />
            </Dialog.Close>
          </div>
          <Dialog.Description className="file-dialog-description">{description}</Dialog.Description>
          {children}
        </DialogPopup>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
