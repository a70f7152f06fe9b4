import { useState } from 'react';
import { useLocale } from '../components/useLocale';

export function CancelForm({ working, onCancel }: { working: boolean; onCancel(reason: string | null): void }) {
  const { t } = useLocale();
  const [reason, setReason] = useState('');
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        onCancel(reason.trim() || null);
      }}
    >
      <div className="field">
        <label htmlFor="reason">
          {t('manage.reason')} <span className="muted">{t('details.optional')}</span>
        </label>
        <textarea id="reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="button-danger" disabled={working}>
          {t('manage.confirmCancel')}
        </button>
      </div>
    </form>
  );
}
