import { useLocale } from '../components/useLocale';
import { errorKey } from './errors';

/** What came of the last action on a panel: a success message, or the error in words. */
export type Outcome = { ok: true; message: string } | { ok: false; error: unknown; reason?: string | null } | null;

export function Feedback({ outcome }: { outcome: Outcome }) {
  const { t } = useLocale('app');
  if (!outcome) return null;
  if (outcome.ok) {
    return (
      <p className="notice notice-success" role="status">
        {outcome.message}
      </p>
    );
  }
  return (
    <div className="notice notice-error" role="alert">
      <p>{t(errorKey(outcome.error))}</p>
      {outcome.reason ? <p>{outcome.reason}</p> : null}
    </div>
  );
}

/** While loading: a quiet status line; when loading failed: the error. */
export function LoadState({ failed }: { failed: unknown }) {
  const { t } = useLocale('app');
  if (failed) return <Feedback outcome={{ ok: false, error: failed }} />;
  return <p role="status">{t('shell.loading')}</p>;
}
