import { useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { ConfirmDialog } from '../ConfirmDialog';
import { Feedback } from '../Feedback';
import { formatWhen } from '../format';
import { useStepUp } from '../step-up';
import { useAction } from '../useAction';
import { type ApiKey, keyState, keysApi, scopeKey } from './api-keys';

/** The organization's keys, newest first; those who manage keys may revoke one (after a confirmation). */
export function KeyList({ keys, manage, onChanged }: { keys: ApiKey[]; manage: boolean; onChanged: () => Promise<void> }) {
  const { t, locale } = useLocale('app');
  const { withStepUp } = useStepUp();
  const [pending, setPending] = useState<ApiKey | null>(null);
  const { outcome, run } = useAction(onChanged);
  const now = Date.now();

  const answer = (yes: boolean) => {
    const key = pending;
    setPending(null);
    if (!yes || !key) return;
    void run(async () => {
      await withStepUp(() => keysApi.revoke(key.id));
      return t('apiKeys.revoked', { name: key.name });
    });
  };

  return (
    <section className="panel">
      <h2>{t('apiKeys.list.title')}</h2>
      <Feedback outcome={outcome} />
      {keys.length === 0 ? (
        <p className="muted">{t('apiKeys.list.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.list.name')}</th>
                <th scope="col">{t('apiKeys.list.scopes')}</th>
                <th scope="col">{t('apiKeys.list.created')}</th>
                <th scope="col">{t('apiKeys.list.lastUsed')}</th>
                <th scope="col">{t('apiKeys.list.expires')}</th>
                <th scope="col">{t('apiKeys.list.status')}</th>
                {manage ? <th scope="col">{t('apiKeys.list.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => {
                const state = keyState(k, now);
                return (
                  <tr key={k.id}>
                    <td>
                      <span className="item-title">{k.name}</span>
                      <br />
                      <code className="muted">{k.prefix}…</code>
                    </td>
                    <td>{k.scopes.map((s) => t(scopeKey(s), { defaultValue: s })).join(', ')}</td>
                    <td>{formatWhen(k.createdAt, locale)}</td>
                    <td>{k.lastUsedAt ? formatWhen(k.lastUsedAt, locale) : t('apiKeys.list.never')}</td>
                    <td>{k.expiresAt ? formatWhen(k.expiresAt, locale) : t('apiKeys.list.noExpiry')}</td>
                    <td>
                      <span className={state === 'active' ? 'status' : 'status status-cancelled'}>{t(`apiKeys.state.${state}`)}</span>
                      {k.revokedAt ? <span className="muted block">{formatWhen(k.revokedAt, locale)}</span> : null}
                    </td>
                    {manage ? (
                      <td>
                        {state === 'revoked' ? null : (
                          <button type="button" className="button-secondary button-small" aria-label={t('apiKeys.revokeWho', { name: k.name })} onClick={() => setPending(k)}>
                            {t('apiKeys.revoke')}
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pending ? (
        <ConfirmDialog title={t('apiKeys.confirm.title', { name: pending.name })} confirmLabel={t('apiKeys.confirm.yes')} danger onAnswer={answer}>
          <p>{t('apiKeys.confirm.text')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
