import { type FormEvent, type ReactNode, createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocale } from '../components/useLocale';
import { ApiError, api } from './api';
import { errorKey } from './errors';
import { useSession } from './session';

type Resolve = (confirmed: boolean) => void;

interface StepUpValue {
  /**
   * Runs a sensitive action; when the API answers 401 reauth_required, asks the user to
   * confirm it is them (password or authenticator code) and runs it once more.
   * Rejects with the ApiError when the user cancels or the action fails.
   */
  withStepUp: <T>(action: () => Promise<T>) => Promise<T>;
}

const StepUpContext = createContext<StepUpValue | null>(null);

export function StepUpProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Resolve | null>(null);

  const confirm = useCallback(() => new Promise<boolean>((resolve) => setPending(() => resolve)), []);

  const withStepUp = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T> => {
      try {
        return await action();
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'reauth_required')) throw e;
        if (!(await confirm())) throw e;
        return action();
      }
    },
    [confirm],
  );

  const value = useMemo(() => ({ withStepUp }), [withStepUp]);
  const close = (confirmed: boolean) => {
    pending?.(confirmed);
    setPending(null);
  };

  return (
    <StepUpContext.Provider value={value}>
      {children}
      {pending ? <StepUpDialog onDone={close} /> : null}
    </StepUpContext.Provider>
  );
}

export function useStepUp(): StepUpValue {
  const value = useContext(StepUpContext);
  if (!value) throw new Error('useStepUp outside StepUpProvider');
  return value;
}

/** "Confirm it's you": a modal dialog (focus kept inside, Escape cancels). */
function StepUpDialog({ onDone }: { onDone: (confirmed: boolean) => void }) {
  const { t } = useLocale('app');
  const { me } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const hasTotp = me?.mfa.methods.includes('totp') ?? false;
  const [method, setMethod] = useState<'password' | 'totp'>(hasTotp ? 'totp' : 'password');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/reauth', method === 'password' ? { method, password: secret } : { method, code: secret.replace(/\s/g, '') });
      onDone(true);
    } catch (err) {
      setError(t(errorKey(err)));
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={() => onDone(false)}>
      <form onSubmit={submit} className="stack">
        <h2 id={titleId}>{t('stepUp.title')}</h2>
        <p>{t('stepUp.intro')}</p>
        {hasTotp ? (
          <fieldset className="choice-row">
            <legend>{t('stepUp.how')}</legend>
            <label>
              <input type="radio" name="step-up-method" checked={method === 'totp'} onChange={() => { setMethod('totp'); setSecret(''); }} />
              {t('stepUp.useTotp')}
            </label>
            <label>
              <input type="radio" name="step-up-method" checked={method === 'password'} onChange={() => { setMethod('password'); setSecret(''); }} />
              {t('stepUp.usePassword')}
            </label>
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor={inputId}>{method === 'password' ? t('fields.password') : t('fields.totpCode')}</label>
          {method === 'password' ? (
            <input id={inputId} type="password" autoComplete="current-password" required value={secret} onChange={(e) => setSecret(e.target.value)} autoFocus />
          ) : (
            <input id={inputId} inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,8}" required value={secret} onChange={(e) => setSecret(e.target.value)} autoFocus />
          )}
        </div>
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('stepUp.confirm')}
          </button>
          <button type="button" className="button-secondary" onClick={() => onDone(false)}>
            {t('actions.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
