import { type FormEvent, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { detectTimeZone, todayIn } from '../../lib/time';
import { Feedback } from '../Feedback';
import { ShownOnce } from '../ShownOnce';
import { useStepUp } from '../step-up';
import { useAction } from '../useAction';
import { endOfDay } from '../users/members';
import { API_KEY_SCOPES } from './api-key-scopes';
import { type CreatedApiKey, keysApi, scopeKey } from './api-keys';

/** Makes a key for an integration: a name, its scopes, an optional last day; the key is shown this once. */
export function CreateKeyPanel({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useLocale('app');
  const { withStepUp } = useStepUp();
  const ids = { title: useId(), name: useId(), nameError: useId(), scopes: useId(), expires: useId(), expiresHint: useId(), expiresError: useId() };
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [tried, setTried] = useState(false);
  const { busy, outcome, run } = useAction(onCreated);
  const noScope = scopes.length === 0;
  const noName = name.trim() === '';
  // The key works through the end of its last day in this browser's zone (endOfDay).
  const today = todayIn(detectTimeZone());
  const pastExpiry = expires !== '' && expires < today;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (noName || noScope || pastExpiry) return;
    setCreated(null);
    void run(async () => {
      const key = await withStepUp(() => keysApi.create({ name: name.trim(), scopes: API_KEY_SCOPES.filter((s) => scopes.includes(s)), expiresAt: expires ? endOfDay(expires) : null }));
      setCreated(key);
      setName('');
      setScopes([]);
      setExpires('');
      setTried(false);
      return null;
    });
  };

  const toggle = (scope: string, on: boolean) => setScopes((now) => (on ? [...now, scope] : now.filter((s) => s !== scope)));

  return (
    <section className="panel" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('apiKeys.create.title')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <fieldset className="plain" disabled={busy}>
          <div className="field">
            <label htmlFor={ids.name}>{t('apiKeys.create.name')}</label>
            <input
              id={ids.name}
              maxLength={100}
              aria-invalid={tried && noName}
              aria-describedby={tried && noName ? ids.nameError : undefined}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            {tried && noName ? (
              <p className="field-error" id={ids.nameError}>
                {t('apiKeys.create.nameMissing')}
              </p>
            ) : null}
          </div>
          <fieldset className="fieldset">
            <legend>{t('apiKeys.create.scopes')}</legend>
            {API_KEY_SCOPES.map((scope) => (
              <div className="field-check" key={scope}>
                <input id={`${ids.scopes}-${scope}`} type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
                <label htmlFor={`${ids.scopes}-${scope}`}>{t(scopeKey(scope))}</label>
              </div>
            ))}
            {tried && noScope ? <p className="field-error">{t('apiKeys.create.scopesMissing')}</p> : null}
          </fieldset>
          <div className="field">
            <label htmlFor={ids.expires}>{t('apiKeys.create.expires')}</label>
            <input
              id={ids.expires}
              type="date"
              min={today}
              aria-invalid={tried && pastExpiry}
              aria-describedby={tried && pastExpiry ? `${ids.expiresHint} ${ids.expiresError}` : ids.expiresHint}
              value={expires}
              onChange={(e) => setExpires(e.target.value)}
            />
            <p className="hint" id={ids.expiresHint}>
              {t('apiKeys.create.expiresHint')}
            </p>
            {tried && pastExpiry ? (
              <p className="field-error" id={ids.expiresError}>
                {t('apiKeys.create.expiresPast')}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button-primary">
              {t('apiKeys.create.submit')}
            </button>
          </div>
        </fieldset>
      </form>
      <Feedback outcome={outcome} />
      {created ? (
        <ShownOnce
          label={t('apiKeys.created.label', { name: created.name })}
          value={created.key}
          note={t('apiKeys.created.once')}
          copyLabel={t('apiKeys.created.copy')}
          copiedMessage={t('apiKeys.created.copied')}
        />
      ) : null}
    </section>
  );
}
