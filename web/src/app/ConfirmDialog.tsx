import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useLocale } from '../components/useLocale';

/** "Are you sure?" as a modal dialog: focus stays inside, Escape cancels. */
export function ConfirmDialog({ title, children, confirmLabel, danger = false, onAnswer }: { title: string; children: ReactNode; confirmLabel: string; danger?: boolean; onAnswer: (yes: boolean) => void }) {
  const { t } = useLocale('app');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={() => onAnswer(false)}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <button type="button" className={danger ? 'button-danger' : 'button-primary'} onClick={() => onAnswer(true)}>
          {confirmLabel}
        </button>
        <button type="button" className="button-secondary" onClick={() => onAnswer(false)} autoFocus>
          {t('actions.cancel')}
        </button>
      </div>
    </dialog>
  );
}
