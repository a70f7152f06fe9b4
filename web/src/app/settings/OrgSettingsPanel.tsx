import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { allTimeZones } from '../../lib/time';
import { Feedback } from '../Feedback';
import { useSession } from '../session';
import { useAction } from '../useAction';
import { useLoaded } from '../useLoaded';
import { SettingsForm } from './SettingsForm';
import { EmbedSnippet } from './EmbedSnippet';
import { loadSettings, saveSettings } from './org-settings';
import { parseOrigins } from './origins';

const LOCALES = ['en', 'zh-CN'] as const;

/** The organization's name, zone, language and embedding (booking policies have their own panel). */
export function OrgSettingsPanel() {
  const { t } = useLocale('app');
  const { can, refresh } = useSession();
  const { data, failed, reload } = useLoaded(loadSettings);
  const editable = can('org:manage');
  const ids = { title: useId(), name: useId(), zone: useId(), locale: useId(), origins: useId(), originsHint: useId() };
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState('');
  const [locale, setLocale] = useState('en');
  const [originsText, setOriginsText] = useState('');
  // The organization's name shows in the shell's header: the session is read again too.
  const { busy, outcome, run } = useAction(async () => Promise.all([reload(), refresh()]));
  const zones = useMemo(() => allTimeZones(), []);

  useEffect(() => {
    if (!data) return;
    setName(data.name);
    setTimeZone(data.timeZone);
    setLocale(data.locale);
    setOriginsText(data.allowedFrameOrigins.join('\n'));
  }, [data]);

  const { origins, invalid } = parseOrigins(originsText);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (invalid.length > 0) return;
    void run(async () => {
      await saveSettings({ name: name.trim(), timeZone, locale, allowedFrameOrigins: origins });
      return t('orgSettings.saved');
    });
  };

  return (
    <section className="panel" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('orgSettings.title')}</h2>
      <SettingsForm data={data} failed={failed} editable={editable} busy={busy} readOnly={t('orgSettings.readOnly')} onSubmit={submit}>
        {() => (
          <>
            <div className="field">
              <label htmlFor={ids.name}>{t('orgSettings.name')}</label>
              <input id={ids.name} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
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
            <div className="field">
              <label htmlFor={ids.origins}>{t('orgSettings.frameOrigins')}</label>
              <textarea
                id={ids.origins}
                rows={3}
                spellCheck={false}
                aria-describedby={ids.originsHint}
                aria-invalid={invalid.length > 0}
                value={originsText}
                onChange={(e) => setOriginsText(e.target.value)}
              />
              <p className="hint" id={ids.originsHint}>
                {t('orgSettings.frameOriginsHint')}
              </p>
              {invalid.length > 0 ? <p className="field-error">{t('orgSettings.frameOriginsInvalid', { origins: invalid.join(', ') })}</p> : null}
            </div>
          </>
        )}
      </SettingsForm>
      <Feedback outcome={outcome} />
      {data ? <EmbedSnippet slug={data.slug} origins={data.allowedFrameOrigins} /> : null}
    </section>
  );
}
