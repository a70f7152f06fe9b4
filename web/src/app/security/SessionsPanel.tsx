import { useId } from 'react';
import { useLocale } from '../../components/useLocale';
import { api } from '../api';
import { Feedback, LoadState } from '../Feedback';
import { describeDevice, formatWhen } from '../format';
import { useSession } from '../session';
import { useAction } from '../useAction';
import { useLoaded } from '../useLoaded';

interface MySession {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  authMethods: string[];
}

const loadSessions = () => api.get<{ sessions: MySession[] }>('/auth/sessions');

/** "My devices": every place I am signed in, each one revocable, or all the others at once. */
export function SessionsPanel() {
  const { t, locale } = useLocale('app');
  const { signOut } = useSession();
  const titleId = useId();
  const { data, failed, reload } = useLoaded(loadSessions);
  const { busy, outcome, run: act } = useAction(reload);

  const revoke = (s: MySession) =>
    act(async () => {
      await api.delete(`/auth/sessions/${encodeURIComponent(s.id)}`);
      if (s.current) await signOut();
      return t('sessions.revoked');
    });

  const revokeOthers = () =>
    act(async () => {
      const { revoked } = await api.post<{ revoked: number }>('/auth/sessions/revoke-all', { keepCurrent: true });
      return t('sessions.revokedOthers', { count: revoked });
    });

  const device = (s: MySession) => {
    const { browser, system } = describeDevice(s.userAgent);
    if (browser && system) return t('sessions.browserOn', { browser, system });
    return browser ?? system ?? t('sessions.unknownDevice');
  };

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('sessions.title')}</h2>
      {!data ? (
        <LoadState failed={failed} />
      ) : (
        <>
          <ul className="item-list">
            {data.sessions.map((s) => (
              <li key={s.id} className="item">
                <div>
                  <p className="item-title">
                    {device(s)}
                    {s.current ? <span className="tag">{t('sessions.thisDevice')}</span> : null}
                  </p>
                  <p className="muted">
                    {t('sessions.details', { ip: s.ip ?? t('sessions.unknownIp'), seen: formatWhen(s.lastSeenAt, locale), since: formatWhen(s.createdAt, locale) })}
                  </p>
                </div>
                <button type="button" className="button-secondary button-small" disabled={busy} onClick={() => void revoke(s)}>
                  {s.current ? t('sessions.signOutHere') : t('sessions.revoke')}
                </button>
              </li>
            ))}
          </ul>
          {data.sessions.length > 1 ? (
            <div className="actions">
              <button type="button" className="button-secondary" disabled={busy} onClick={() => void revokeOthers()}>
                {t('sessions.revokeOthers')}
              </button>
            </div>
          ) : null}
        </>
      )}
      <Feedback outcome={outcome} />
    </section>
  );
}
