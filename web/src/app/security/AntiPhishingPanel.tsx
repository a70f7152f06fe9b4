import { type FormEvent, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { api } from '../api';
import { Feedback } from '../Feedback';
import { useStepUp } from '../step-up';
import { useAction } from '../useAction';

type View = { phrase: string | null };

/**
 * My anti-phishing phrase: every security message we send me shows it, so a message without it
 * is not from us. Reading and changing it both need a fresh confirmation, so it loads on request.
 */
export function AntiPhishingPanel() {
  const { t } = useLocale('app');
  const { withStepUp } = useStepUp();
  const ids = { title: useId(), phrase: useId(), hint: useId() };
  const { busy, outcome, run } = useAction();
  const [phrase, setPhrase] = useState<string | null>(null);
  const [shown, setShown] = useState(false);

  const show = () =>
    run(async () => {
      const view = await withStepUp(() => api.get<View>('/auth/anti-phishing-phrase'));
      setPhrase(view.phrase ?? '');
      setShown(true);
      return null;
    });
  const save = (next: string | null) =>
    run(async () => {
      const view = await withStepUp(() => api.put<View>('/auth/anti-phishing-phrase', { phrase: next }));
      setPhrase(view.phrase ?? '');
      return view.phrase ? t('antiPhishing.saved') : t('antiPhishing.removed');
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save((phrase ?? '').trim() || null);
  };

  return (
    <section className="panel" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('antiPhishing.title')}</h2>
      <p>{t('antiPhishing.intro')}</p>
      {shown ? (
        <form onSubmit={submit}>
          <fieldset className="plain" disabled={busy}>
            <div className="field">
              <label htmlFor={ids.phrase}>{t('antiPhishing.label')}</label>
              <input id={ids.phrase} maxLength={200} autoComplete="off" aria-describedby={ids.hint} value={phrase ?? ''} onChange={(e) => setPhrase(e.target.value)} />
              <p className="hint" id={ids.hint}>
                {t('antiPhishing.hint')}
              </p>
            </div>
            <div className="actions">
              <button type="submit" className="button-primary">
                {t('antiPhishing.save')}
              </button>
              <button type="button" className="button-secondary" onClick={() => void save(null)}>
                {t('antiPhishing.remove')}
              </button>
            </div>
          </fieldset>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void show()}>
            {t('antiPhishing.show')}
          </button>
        </div>
      )}
      <Feedback outcome={outcome} />
    </section>
  );
}
