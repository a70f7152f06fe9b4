import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../../components/useLocale';
import { api } from '../api';
import { errorKey, errorReason } from '../errors';
import { useSession } from '../session';
import { AuthFrame } from './AuthFrame';

type Accepted = { userId: string; orgId: string; role: string };

/** `/app/invite#<token>`: the token stays in the fragment, which browsers never send to a server. */
function tokenFromHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

/** Accepting an invitation: a signed-in user joins; anyone else creates their account. */
export function InvitePage() {
  const { t, language } = useLocale('app');
  const { state, refresh } = useSession();
  const [token] = useState(tokenFromHash);
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const [error, setError] = useState<{ message: string; reason: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), name: useId(), password: useId(), hint: useId() };
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [accepted]);

  const signedIn = state.status === 'signed-in' && state.me.session.stage === 'full';

  const accept = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = signedIn ? { token } : { token, email: email.trim(), name: name.trim(), password };
      setAccepted(await api.post<Accepted>('/auth/invitations/accept', body));
      setPassword('');
      if (signedIn) await refresh();
    } catch (err) {
      setError({ message: t(errorKey(err)), reason: errorReason(err, language) });
    } finally {
      setBusy(false);
    }
  };

  let body: ReactNode;
  if (!/^[A-Za-z0-9_-]{20,}$/.test(token)) body = <p className="notice notice-error">{t('invite.badLink')}</p>;
  else if (accepted) {
    body = (
      <div className="notice notice-success" role="status">
        <p>{t('invite.joined', { role: t(`roles.${accepted.role}`) })}</p>
        <p>{signedIn ? <Link to="/app">{t('invite.openApp')}</Link> : <Link to="/app/sign-in">{t('invite.signInNow')}</Link>}</p>
      </div>
    );
  } else if (state.status === 'loading') body = <p role="status">{t('shell.loading')}</p>;
  else if (signedIn) {
    body = (
      <form className="form" onSubmit={accept}>
        <p>{t('invite.asYou', { email: state.me.user.email })}</p>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('invite.join')}
          </button>
        </div>
      </form>
    );
  } else {
    body = (
      <form className="form" onSubmit={accept}>
        <p>{t('invite.createIntro')}</p>
        <div className="field">
          <label htmlFor={ids.name}>{t('fields.name')}</label>
          <input id={ids.name} autoComplete="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.email}>{t('fields.email')}</label>
          <input id={ids.email} type="email" autoComplete="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('fields.newPassword')}</label>
          <input id={ids.password} type="password" autoComplete="new-password" required maxLength={1024} aria-describedby={ids.hint} value={password} onChange={(e) => setPassword(e.target.value)} />
          <p className="hint" id={ids.hint}>
            {t('password.hint')}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('invite.create')}
          </button>
        </div>
        <p className="hint">{t('invite.haveAccount')}</p>
      </form>
    );
  }

  return (
    <AuthFrame>
      <h1 className="page-title" ref={heading} tabIndex={-1}>
        {t('invite.title')}
      </h1>
      {body}
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{error.message}</p>
          {error.reason ? <p>{error.reason}</p> : null}
        </div>
      ) : null}
    </AuthFrame>
  );
}
