import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useLocale } from '../../components/useLocale';

interface Props {
  title: string;
  onClose(): void;
  className?: string;
  children: ReactNode;
}

/** A modal dialog: focus stays inside, Escape or the close button ends it, focus returns to where it was. */
export function Dialog({ title, onClose, className, children }: Props) {
  const { t } = useLocale('desk');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      before?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog desk-dialog ${className}` : 'dialog desk-dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="desk-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button-secondary close-button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {children}
    </dialog>
  );
}
