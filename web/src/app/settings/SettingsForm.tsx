import type { FormEvent, ReactNode } from 'react';
import { useLocale } from '../../components/useLocale';
import { LoadState } from '../Feedback';

/**
 * A settings panel's form: the load state until its data is there, then its fields (given the
 * data), locked while saving or for those who may only read, who see `readOnly` instead of save.
 */
export function SettingsForm<T>(p: {
  data: T | null;
  failed: unknown;
  editable: boolean;
  busy: boolean;
  readOnly: string;
  onSubmit: (e: FormEvent) => void;
  children: (data: T) => ReactNode;
}) {
  const { t } = useLocale('app');
  if (!p.data) return <LoadState failed={p.failed} />;
  return (
    <form onSubmit={p.onSubmit}>
      <fieldset className="plain" disabled={!p.editable || p.busy}>
        {p.children(p.data)}
        {p.editable ? (
          <div className="actions">
            <button type="submit" className="button-primary">
              {t('actions.save')}
            </button>
          </div>
        ) : (
          <p className="muted">{p.readOnly}</p>
        )}
      </fieldset>
    </form>
  );
}
