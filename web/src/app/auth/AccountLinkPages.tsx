import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../../components/useLocale';
import { allTimeZones } from '../../lib/time';
import { api } from '../api';
import { errorKey, errorReason } from '../errors';
import { AuthFrame } from './AuthFrame';
import { looksLikeToken, useLinkToken } from './link-token';
import { NewPasswordFields } from './NewPasswordFields';

type Failure = { message: string; reason: string | null } | null;

/** One submit at a time, and the refusal in the user's language (a weak password's reasons too). */
function useSubmit() {
  const { t, language } = useLocale('app');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError({ message: t(errorKey(err)), reason: errorReason(err, language) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** The page frame: a focused heading (moved to again when the page's step changes), the body, the refusal. */
function LinkPage({ title, step, error, children }: { title: string; step: string; error: Failure; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step]);
  return (
    <AuthFrame>
      <h1 className="page-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{error.message}</p>
          {error.reason ? <p>{error.reason}</p> : null}
        </div>
      ) : null}
    </AuthFrame>
  );
}

function BadLink({ text }: { text: string }) {
  return <p className="notice notice-error">{text}</p>;
}

function SignInNow({ text }: { text: string }) {
  const { t } = useLocale('app');
  return (
    <div className="notice notice-success" role="status">
      <p>{text}</p>
      <p>
        <Link to="/app/sign-in">{t('invite.signInNow')}</Link>
      </p>
    </div>
  );
}

const LOCALES = ['en', 'zh-CN'] as const;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** `/setup#<token>` (printed by `npm start` on a fresh install): the organization and its first owner. */
export function FirstRunPage() {
  const { t, language } = useLocale('app');
  const token = useLinkToken();
  const { busy, error, run } = useSubmit();
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const ids = { org: useId(), orgName: useId(), slug: useId(), slugHint: useId(), zone: useId(), locale: useId(), you: useId(), name: useId(), email: useId() };
  const zones = useMemo(allTimeZones, []);
  const [orgName, setOrgName] = useState('');
  const [slug, setSlug] = useState('');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [locale, setLocale] = useState<string>(language.startsWith('zh') ? 'zh-CN' : 'en');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== again);
    if (password !== again) return;
    void run(async () => {
      const org = { name: orgName.trim(), slug: slug.trim(), timeZone, locale };
      await api.post('/auth/setup', { token, email: email.trim(), name: name.trim(), password, org });
      setPassword('');
      setAgain('');
      setDone(true);
    });
  };

  let body: ReactNode;
  if (done) body = <SignInNow text={t('firstRun.done')} />;
  else if (!looksLikeToken(token)) body = <BadLink text={t('firstRun.badLink')} />;
  else {
    body = (
      <form className="form" onSubmit={submit}>
        <p>{t('firstRun.intro')}</p>
        <fieldset className="plain" aria-labelledby={ids.org}>
          <h2 id={ids.org}>{t('firstRun.orgTitle')}</h2>
          <div className="field">
            <label htmlFor={ids.orgName}>{t('orgSettings.name')}</label>
            <input id={ids.orgName} required maxLength={200} autoComplete="organization" value={orgName} onChange={(e) => setOrgName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.slug}>{t('firstRun.slug')}</label>
            <input
              id={ids.slug}
              required
              pattern="[a-z0-9][a-z0-9\-]{1,62}"
              maxLength={63}
              spellCheck={false}
              autoCapitalize="none"
              aria-describedby={ids.slugHint}
              value={slug}
              onChange={(e) => setSlug(e.target.value.toLowerCase())}
            />
            <p className="hint" id={ids.slugHint}>
              {t('firstRun.slugHint', { example: `${window.location.origin}/book/${slug || 'my-shop'}` })}
            </p>
          </div>
          <div className="field">
            <label htmlFor={ids.zone}>{t('orgSettings.timeZone')}</label>
            <select id={ids.zone} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {(zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.locale}>{t('orgSettings.language')}</label>
            <select id={ids.locale} value={locale} onChange={(e) => setLocale(e.target.value)}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`translation:languages.${l}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <fieldset className="plain" aria-labelledby={ids.you}>
          <h2 id={ids.you}>{t('firstRun.ownerTitle')}</h2>
          <div className="field">
            <label htmlFor={ids.name}>{t('fields.name')}</label>
            <input id={ids.name} autoComplete="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.email}>{t('fields.email')}</label>
            <input id={ids.email} type="email" autoComplete="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <NewPasswordFields password={password} again={again} onPassword={setPassword} onAgain={setAgain} />
        </fieldset>
        {mismatch ? (
          <p className="notice notice-error" role="alert">
            {t('password.mismatch')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('firstRun.submit')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <LinkPage title={t('firstRun.title')} step={done ? 'done' : 'form'} error={error}>
      {body}
    </LinkPage>
  );
}

/** `/app/forgot-password`: the same neutral answer whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useLocale('app');
  const { busy, error, run } = useSubmit();
  const [sent, setSent] = useState(false);
  const [email, setEmail] = useState('');
  const emailId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.post('/auth/password/forgot', { email: email.trim() });
      setSent(true);
    });
  };
  return (
    <LinkPage title={t('forgot.title')} step={sent ? 'sent' : 'form'} error={error}>
      {sent ? (
        <div className="notice notice-success" role="status">
          <p>{t('forgot.sent')}</p>
          <p>
            <Link to="/app/sign-in">{t('forgot.back')}</Link>
          </p>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <p>{t('forgot.intro')}</p>
          <div className="field">
            <label htmlFor={emailId}>{t('fields.email')}</label>
            <input id={emailId} type="email" autoComplete="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {t('forgot.submit')}
            </button>
            <Link to="/app/sign-in">{t('forgot.back')}</Link>
          </div>
        </form>
      )}
    </LinkPage>
  );
}

/** `/reset-password#<token>` from the reset email: a new password; every session ends, second factors stay. */
export function ResetPasswordPage() {
  const { t } = useLocale('app');
  const token = useLinkToken();
  const { busy, error, run } = useSubmit();
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== again);
    if (password !== again) return;
    void run(async () => {
      await api.post('/auth/password/reset', { token, password });
      setPassword('');
      setAgain('');
      setDone(true);
    });
  };
  let body: ReactNode;
  if (done) body = <SignInNow text={t('reset.done')} />;
  else if (!looksLikeToken(token)) body = <BadLink text={t('reset.badLink')} />;
  else {
    body = (
      <form className="form" onSubmit={submit}>
        <p>{t('reset.intro')}</p>
        <NewPasswordFields password={password} again={again} onPassword={setPassword} onAgain={setAgain} />
        {mismatch ? (
          <p className="notice notice-error" role="alert">
            {t('password.mismatch')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('reset.submit')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <LinkPage title={t('reset.title')} step={done ? 'done' : 'form'} error={error}>
      {body}
    </LinkPage>
  );
}

/** `/not-me#<token>` from a security notice: says what will happen, then secures the account on confirmation. */
export function NotMePage() {
  const { t } = useLocale('app');
  const token = useLinkToken();
  const { busy, error, run } = useSubmit();
  const [done, setDone] = useState(false);
  const confirm = () =>
    void run(async () => {
      await api.post('/auth/not-me', { token });
      setDone(true);
    });
  let body: ReactNode;
  if (done) {
    body = (
      <div className="notice notice-success" role="status">
        <p>{t('notMe.done')}</p>
      </div>
    );
  } else if (!looksLikeToken(token)) body = <BadLink text={t('notMe.badLink')} />;
  else {
    body = (
      <>
        <p>{t('notMe.intro')}</p>
        <ul>
          <li>{t('notMe.sessions')}</li>
          <li>{t('notMe.password')}</li>
          <li>{t('notMe.admins')}</li>
        </ul>
        <div className="actions">
          <button type="button" className="button-primary" disabled={busy} onClick={confirm}>
            {t('notMe.confirm')}
          </button>
        </div>
      </>
    );
  }
  return (
    <LinkPage title={t('notMe.title')} step={done ? 'done' : 'form'} error={error}>
      {body}
    </LinkPage>
  );
}
