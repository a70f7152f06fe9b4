import { useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { api } from '../api';
import { type EnrolmentDone, FactorEnrolment } from '../auth/FactorEnrolment';
import { RecoveryCodes } from '../auth/RecoveryCodes';
import { Feedback, LoadState } from '../Feedback';
import { formatWhen } from '../format';
import { useSession } from '../session';
import { useStepUp } from '../step-up';
import { useAction } from '../useAction';
import { useLoaded } from '../useLoaded';

interface Factor {
  id: string;
  kind: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const loadFactors = () => api.get<{ factors: Factor[]; recoveryCodesLeft: number }>('/auth/mfa/factors');

/** My second factors: add (with a QR code for an authenticator app), remove, new recovery codes. */
export function FactorsPanel() {
  const { t, locale } = useLocale('app');
  const { refresh } = useSession();
  const { withStepUp } = useStepUp();
  const titleId = useId();
  const { data, failed, reload } = useLoaded(loadFactors);
  const [adding, setAdding] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  // A change of factors changes the session's methods too (the step-up prompt offers them).
  const { busy, outcome, run: act } = useAction(async () => Promise.all([reload(), refresh()]));

  const remove = (factor: Factor) =>
    act(async () => {
      await withStepUp(() => api.delete(`/auth/mfa/factors/${encodeURIComponent(factor.id)}`));
      return t('factors.removed', { label: factor.label });
    });

  const newCodes = () =>
    act(async () => {
      const { recoveryCodes } = await withStepUp(() => api.post<{ recoveryCodes: string[] }>('/auth/mfa/recovery-codes'));
      setCodes(recoveryCodes);
      return null;
    });

  const enrolled = (done: EnrolmentDone) => {
    setAdding(false);
    if (done.recoveryCodes) setCodes(done.recoveryCodes);
    void act(async () => t('factors.added'));
  };

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('factors.title')}</h2>
      {codes ? <RecoveryCodes codes={codes} onDone={() => setCodes(null)} /> : null}
      {!data ? (
        <LoadState failed={failed} />
      ) : (
        <>
          {data.factors.length === 0 ? <p className="notice notice-warn">{t('factors.none')}</p> : null}
          <ul className="item-list">
            {data.factors.map((f) => (
              <li key={f.id} className="item">
                <div>
                  <p className="item-title">
                    {f.label}
                    {f.label === t(`enrolment.kind.${f.kind}`) ? null : <span className="tag">{t(`enrolment.kind.${f.kind}`)}</span>}
                  </p>
                  <p className="muted">
                    {f.lastUsedAt
                      ? t('factors.addedUsed', { added: formatWhen(f.createdAt, locale), used: formatWhen(f.lastUsedAt, locale) })
                      : t('factors.addedOn', { added: formatWhen(f.createdAt, locale) })}
                  </p>
                </div>
                <button type="button" className="button-secondary button-small" disabled={busy} aria-label={t('factors.removeNamed', { label: f.label })} onClick={() => void remove(f)}>
                  {t('factors.remove')}
                </button>
              </li>
            ))}
          </ul>
          {data.factors.length > 0 ? (
            <p className="muted">{t('factors.recoveryLeft', { count: data.recoveryCodesLeft })}</p>
          ) : null}
          {adding ? (
            <FactorEnrolment guard={withStepUp} onEnrolled={enrolled} onCancel={() => setAdding(false)} />
          ) : (
            <div className="actions">
              <button type="button" className="button-primary" disabled={busy} onClick={() => setAdding(true)}>
                {t('factors.add')}
              </button>
              {data.factors.length > 0 ? (
                <button type="button" className="button-secondary" disabled={busy} onClick={() => void newCodes()}>
                  {t('factors.newRecoveryCodes')}
                </button>
              ) : null}
            </div>
          )}
        </>
      )}
      <Feedback outcome={outcome} />
    </section>
  );
}
