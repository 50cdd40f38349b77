/**
 * A native modal <dialog> opened and closed from a prop: showModal() traps focus and Escape closes
 * it for free. A click on the backdrop (it lands on the <dialog> element itself) closes it too,
 * unless `closeOnBackdrop` is false (a question the listener must answer).
 */
import { useEffect, useEffectEvent, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called each time the dialog opens (reset what it showed last time). */
  onOpen?: () => void;
  className: string;
  labelledBy: string;
  describedBy?: string;
  closeOnBackdrop?: boolean;
  children: ReactNode;
}

export function ModalDialog({
  open,
  onClose,
  onOpen,
  className,
  labelledBy,
  describedBy,
  closeOnBackdrop = true,
  children,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opening = useEffectEvent(() => onOpen?.());
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opening();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
      onClick={(event) => {
        if (closeOnBackdrop && event.target === event.currentTarget) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
