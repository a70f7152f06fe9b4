import { type FormEvent, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { api } from '../api';
import { errorKey, errorReason } from '../errors';
import { NewPasswordFields } from './NewPasswordFields';

/** Current password, new password twice, and whether to sign out the other devices. */
export function PasswordChangeForm({ onChanged }: { onChanged: (stage: string) => void }) {
  const { t, language } = useLocale('app');
  const ids = { current: useId(), others: useId() };
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [endOthers, setEndOthers] = useState(true);
  const [error, setError] = useState<{ message: string; reason: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = again.length > 0 && again !== next;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) return;
    setBusy(true);
    setError(null);
    try {
      const done = await api.post<{ stage: string; csrfToken: string }>('/auth/password/change', { currentPassword: current, newPassword: next, endOtherSessions: endOthers });
      setCurrent('');
      setNext('');
      setAgain('');
      onChanged(done.stage);
    } catch (err) {
      setError({ message: t(errorKey(err)), reason: errorReason(err, language) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={ids.current}>{t('password.current')}</label>
        <input id={ids.current} type="password" autoComplete="current-password" required maxLength={1024} value={current} onChange={(e) => setCurrent(e.target.value)} />
      </div>
      <NewPasswordFields password={next} again={again} onPassword={setNext} onAgain={setAgain} mismatch={mismatch} />
      <div className="field field-check">
        <input id={ids.others} type="checkbox" checked={endOthers} onChange={(e) => setEndOthers(e.target.checked)} />
        <label htmlFor={ids.others}>{t('password.endOthers')}</label>
      </div>
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{error.message}</p>
          {error.reason ? <p>{error.reason}</p> : null}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy || mismatch}>
          {t('password.submit')}
        </button>
      </div>
    </form>
  );
}
