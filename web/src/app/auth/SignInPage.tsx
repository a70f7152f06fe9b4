import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLocale } from '../../components/useLocale';
import { api, setCsrfToken } from '../api';
import { errorKey } from '../errors';
import { PLACE_OF_STAGE, type SessionStage, type SignedIn, useSession } from '../session';
import { AuthFrame } from './AuthFrame';
import { safeNext } from './next-page';
import { CodeInput } from './CodeInput';
import { passkeyAssertion, passkeyCancelled } from './webauthn';

type MfaPending = { mfaRequired: true; methods: string[]; csrfToken: string };
type LoginAnswer = SignedIn | MfaPending;

/** Second factors in the order offered; the server lists what this user has. */
const METHOD_ORDER = ['webauthn', 'totp', 'email', 'sms', 'recovery_code'] as const;
type Method = (typeof METHOD_ORDER)[number];


/** Sign-in: password (or a passkey alone), then the second factor the user picks. */
export function SignInPage() {
  const { t } = useLocale('app');
  const { state, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [methods, setMethods] = useState<Method[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [methods]);

  // Where a signed-in session goes: the page that asked for sign-in, or its stage's place.
  const destination = (stage: SessionStage) => (stage === 'full' ? (safeNext(params.get('next')) ?? '/app') : PLACE_OF_STAGE[stage]);
  if (state.status === 'signed-in') return <Navigate to={destination(state.me.session.stage)} replace />;

  const signedIn = async (answer: SignedIn) => {
    setCsrfToken(answer.csrfToken);
    const session = await refresh();
    navigate(destination(session.status === 'signed-in' ? session.me.session.stage : answer.stage), { replace: true });
  };

  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(passkeyCancelled(e) ? t('mfa.passkeyCancelled') : t(errorKey(e)));
    } finally {
      setBusy(false);
    }
  };

  const answered = async (answer: LoginAnswer) => {
    if (answer.mfaRequired) {
      setMethods(METHOD_ORDER.filter((m) => answer.methods.includes(m)));
      return;
    }
    await signedIn(answer);
  };

  const withPasskeyOnly = () =>
    attempt(async () => {
      const { options } = await api.post<{ options: Record<string, unknown>; csrfToken: string }>('/auth/passkey/options');
      const assertion = await passkeyAssertion(options);
      await signedIn(await api.post<SignedIn>('/auth/passkey/login', { assertion }));
    });

  return (
    <AuthFrame>
      <h1 className="page-title" ref={heading} tabIndex={-1}>
        {methods ? t('signIn.secondStepTitle') : t('signIn.title')}
      </h1>
      {methods ? (
        <SecondFactor methods={methods} busy={busy} attempt={attempt} onSignedIn={signedIn} onRestart={() => setMethods(null)} />
      ) : (
        <PasswordStep busy={busy} onSubmit={(email, password) => attempt(async () => answered(await api.post<LoginAnswer>('/auth/login', { email, password })))} onPasskey={withPasskeyOnly} />
      )}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
    </AuthFrame>
  );
}

function PasswordStep({ busy, onSubmit, onPasskey }: { busy: boolean; onSubmit: (email: string, password: string) => void; onPasskey: () => void }) {
  const { t } = useLocale('app');
  const emailId = useId();
  const passwordId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(email.trim(), password);
  };
  return (
    <>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={emailId}>{t('fields.email')}</label>
          <input id={emailId} type="email" autoComplete="username webauthn" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>{t('fields.password')}</label>
          <input id={passwordId} type="password" autoComplete="current-password" required maxLength={1024} value={password} onChange={(e) => setPassword(e.target.value)} />
          <p className="hint">
            <Link to="/app/forgot-password">{t('forgot.link')}</Link>
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('signIn.submit')}
          </button>
        </div>
      </form>
      <p className="divider">{t('signIn.or')}</p>
      <div className="actions">
        <button type="button" className="button-secondary" disabled={busy} onClick={onPasskey}>
          {t('signIn.withPasskey')}
        </button>
      </div>
    </>
  );
}

interface SecondFactorProps {
  methods: Method[];
  busy: boolean;
  attempt: (action: () => Promise<void>) => Promise<void>;
  onSignedIn: (answer: SignedIn) => Promise<void>;
  onRestart: () => void;
}

function SecondFactor({ methods, busy, attempt, onSignedIn, onRestart }: SecondFactorProps) {
  const { t } = useLocale('app');
  const [method, setMethod] = useState<Method>(methods.find((m) => m !== 'recovery_code') ?? methods[0] ?? 'totp');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<string | null>(null);

  const pick = (m: Method) => {
    setMethod(m);
    setCode('');
    setSent(null);
  };

  const verify = (e: FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      const clean = method === 'recovery_code' ? code.trim() : code.replace(/\s/g, '');
      await onSignedIn(await api.post<SignedIn>('/auth/mfa/verify', { method, code: clean }));
    });
  };

  const usePasskey = () =>
    attempt(async () => {
      const options = await api.post<Record<string, unknown>>('/auth/mfa/webauthn/options');
      const assertion = await passkeyAssertion(options);
      await onSignedIn(await api.post<SignedIn>('/auth/mfa/verify', { method: 'webauthn', assertion }));
    });

  const send = (channel: 'email' | 'sms') =>
    attempt(async () => {
      const answer = await api.post<{ sent: boolean; warning: string | null }>('/auth/mfa/send', { method: channel });
      setSent(answer.warning ? t('mfa.sentSmsWarning') : t(channel === 'email' ? 'mfa.sentEmail' : 'mfa.sentSms'));
    });

  return (
    <div className="stack">
      {methods.length > 1 ? (
        <fieldset className="choice-row">
          <legend>{t('mfa.choose')}</legend>
          {methods.map((m) => (
            <label key={m}>
              <input type="radio" name="mfa-method" value={m} checked={method === m} onChange={() => pick(m)} />
              {t(`mfa.method.${m}`)}
            </label>
          ))}
        </fieldset>
      ) : null}

      {method === 'webauthn' ? (
        <div className="form stack">
          <p>{t('mfa.passkeyIntro')}</p>
          <div className="actions">
            <button type="button" className="button-primary" disabled={busy} onClick={() => void usePasskey()}>
              {t('mfa.usePasskey')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={verify}>
          <p>{t(`mfa.prompt.${method}`)}</p>
          {method === 'email' || method === 'sms' ? (
            <div className="actions">
              <button type="button" className="button-secondary" disabled={busy} onClick={() => void send(method)}>
                {sent ? t('mfa.resend') : t('mfa.send')}
              </button>
            </div>
          ) : null}
          {sent ? <p role="status">{sent}</p> : null}
          <CodeInput
            key={method}
            label={method === 'recovery_code' ? t('mfa.recoveryLabel') : method === 'totp' ? t('fields.totpCode') : t('mfa.codeLabel')}
            value={code}
            onChange={setCode}
            numeric={method !== 'recovery_code'}
            autoFocus
          />
          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {t('mfa.verify')}
            </button>
          </div>
        </form>
      )}
      <button type="button" className="link-button" onClick={onRestart}>
        {t('mfa.startOver')}
      </button>
    </div>
  );
}
