import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { Layout } from '../components/Layout';
import { useLocale } from '../components/useLocale';
import { type ReportAnswer, SIGNS, type Sign, referenceIn, sendReport } from './report-api';

function referenceFromUrl(): string | null {
  return referenceIn(new URLSearchParams(window.location.search).get('ref') ?? '');
}

/**
 * `/report-suspicious?ref=<message id>`, linked from every message we send: how to tell a
 * genuine message, and a report that tells the business (fixed choices only, no free text).
 */
export function ReportPage() {
  const { t } = useLocale();
  const host = window.location.host;
  const [fromLink] = useState(referenceFromUrl);
  const [pasted, setPasted] = useState('');
  const [what, setWhat] = useState<Sign[]>([]);
  const [contactMe, setContactMe] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [answer, setAnswer] = useState<(ReportAnswer & { withRef: boolean }) | null>(null);
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = t('report.title');
  }, [t]);
  useEffect(() => {
    if (answer) result.current?.focus();
  }, [answer]);

  const pastedRef = pasted.trim() === '' ? null : referenceIn(pasted);
  const badPaste = pasted.trim() !== '' && pastedRef === null;
  const ref = fromLink ?? pastedRef;

  const toggle = (sign: Sign, on: boolean) => setWhat((w) => (on ? [...w, sign] : w.filter((s) => s !== sign)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (badPaste) return;
    setSending(true);
    setFailure(null);
    try {
      const got = await sendReport({ ...(ref ? { ref } : {}), what, contactMe });
      setAnswer({ ...got, withRef: ref !== null });
    } catch (error) {
      setFailure(error instanceof ApiError && error.code === 'network_error' ? 'errors.network' : 'report.failed');
    } finally {
      setSending(false);
    }
  };

  return (
    <Layout title={null}>
      <h1 className="page-title">{t('report.heading')}</h1>
      <p>{t('report.intro')}</p>

      <section aria-labelledby="genuine-heading">
        <h2 id="genuine-heading">{t('report.genuineHeading')}</h2>
        <ul className="report-signs">
          <li>{t('report.genuineNames')}</li>
          <li>{t('report.genuineLinks', { host })}</li>
          <li>{t('report.genuineNeverAsks')}</li>
          <li>{t('report.genuinePhrase')}</li>
          <li>{t('report.genuineTypeIt', { host })}</li>
        </ul>
      </section>

      {answer ? (
        <div ref={result} tabIndex={-1} className={`notice ${answer.genuine ? 'notice-info' : 'notice-warn'}`} role="status">
          <p className="notice-title">{t('report.thanks')}</p>
          <p>{t(!answer.withRef ? 'report.resultNoRef' : answer.genuine ? 'report.resultOurs' : 'report.resultNotOurs')}</p>
        </div>
      ) : (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">{t('report.formHeading')}</h2>
          <form className="form" noValidate onSubmit={(e) => void submit(e)}>
            {fromLink ? (
              <p>
                {t('report.reference')}: <code data-testid="report-ref">{fromLink}</code>
              </p>
            ) : (
              <div className="field">
                <label htmlFor="report-ref">
                  {t('report.pasteLabel')} <span className="muted">{t('details.optional')}</span>
                </label>
                <input
                  id="report-ref"
                  value={pasted}
                  maxLength={500}
                  aria-invalid={badPaste ? true : undefined}
                  aria-describedby={badPaste ? 'report-ref-hint report-ref-error' : 'report-ref-hint'}
                  onChange={(e) => setPasted(e.target.value)}
                />
                <p id="report-ref-hint" className="hint">
                  {t('report.pasteHint')}
                </p>
                {badPaste && (
                  <p id="report-ref-error" className="field-error">
                    {t('report.pasteInvalid')}
                  </p>
                )}
              </div>
            )}
            <fieldset className="report-what">
              <legend>{t('report.whatLegend')}</legend>
              {SIGNS.map((sign) => (
                <div className="field field-check" key={sign}>
                  <input id={`sign-${sign}`} type="checkbox" checked={what.includes(sign)} onChange={(e) => toggle(sign, e.target.checked)} />
                  <label htmlFor={`sign-${sign}`}>{t(`report.sign.${sign}`, { host })}</label>
                </div>
              ))}
            </fieldset>
            <div className="field field-check">
              <input id="contact-me" type="checkbox" checked={contactMe} onChange={(e) => setContactMe(e.target.checked)} />
              <label htmlFor="contact-me">{t('report.contactMe')}</label>
            </div>
            {failure && (
              <p className="notice notice-error" role="alert">
                {t(failure)}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="button-primary" disabled={sending}>
                {sending ? t('report.sending') : t('report.send')}
              </button>
            </div>
          </form>
        </section>
      )}
    </Layout>
  );
}
