// A native <dialog> opened with showModal(): the rest of the page is inert and
// focus moves into the dialog (to its first control) and back when it closes.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface ModalDialogProps {
  role?: 'dialog' | 'alertdialog';
  titleId: string;
  descriptionId?: string;
  /** Escape was pressed. Without a handler, Escape does nothing. */
  onEscape?: () => void;
  children: ComponentChildren;
}

export function ModalDialog({ role = 'dialog', titleId, descriptionId, onEscape, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const onCancel = (event: Event) => {
    event.preventDefault();
    onEscape?.();
  };
  return (
    <dialog
      ref={ref}
      class="modal"
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={onCancel}
    >
      {children}
    </dialog>
  );
}
