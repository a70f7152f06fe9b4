import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { api } from '../api';
import { errorKey } from '../errors';
import { CodeInput } from './CodeInput';
import { QrCode } from './QrCode';
import { passkeyCancelled, passkeyRegistration } from './webauthn';

/** What finishing an enrolment returns: recovery codes the first time, and the session's stage. */
export interface EnrolmentDone {
  recoveryCodes: string[] | null;
  stage: string;
  csrfToken: string;
}

type Kind = 'totp' | 'webauthn' | 'email' | 'sms';
const KINDS: readonly Kind[] = ['totp', 'webauthn', 'email', 'sms'];

type Step =
  | { at: 'choose' }
  | { at: 'totp'; factorId: string; secret: string; uri: string }
  | { at: 'webauthn' }
  | { at: 'code'; channel: 'email' | 'sms' };

/** Runs a call as is, or through the step-up prompt where the session needs a fresh sign-in. */
export type Guard = <T>(action: () => Promise<T>) => Promise<T>;
const asIs: Guard = (action) => action();

/**
 * Adding a second factor: an authenticator app (QR code and the secret as text, then a first
 * code), a passkey, or codes by email or SMS.
 */
export function FactorEnrolment({ onEnrolled, onCancel, guard = asIs }: { onEnrolled: (done: EnrolmentDone) => void; onCancel?: () => void; guard?: Guard }) {
  const { t } = useLocale('app');
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labelId = useId();

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

  const choose = (kind: Kind) =>
    attempt(async () => {
      setCode('');
      if (kind === 'totp') {
        const started = await guard(() => api.post<{ factorId: string; secret: string; uri: string }>('/auth/mfa/totp'));
        setStep({ at: 'totp', ...started });
      } else if (kind === 'webauthn') {
        setStep({ at: 'webauthn' });
      } else {
        await guard(() => api.post(`/auth/mfa/${kind}`));
        setStep({ at: 'code', channel: kind });
      }
    });

  const confirm = (path: string, body: Record<string, unknown>) => void attempt(async () => onEnrolled(await guard(() => api.post<EnrolmentDone>(path, body))));

  const confirmTotp = (e: FormEvent) => {
    e.preventDefault();
    if (step.at === 'totp') confirm('/auth/mfa/totp/confirm', { factorId: step.factorId, code: code.replace(/\s/g, '') });
  };

  const confirmCode = (e: FormEvent) => {
    e.preventDefault();
    if (step.at === 'code') confirm(`/auth/mfa/${step.channel}/confirm`, { code: code.trim() });
  };

  const createPasskey = (e: FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      const options = await guard(() => api.post<Record<string, unknown>>('/auth/mfa/passkeys/options'));
      const response = await passkeyRegistration(options);
      onEnrolled(await guard(() => api.post<EnrolmentDone>('/auth/mfa/passkeys', { response, ...(label.trim() ? { label: label.trim() } : {}) })));
    });
  };

  const back = () => {
    setStep({ at: 'choose' });
    setError(null);
  };

  return (
    <div className="stack">
      {step.at === 'choose' ? (
        <fieldset className="choices-plain">
          <legend>{t('enrolment.choose')}</legend>
          <div className="actions">
            {KINDS.map((kind) => (
              <button key={kind} type="button" className={kind === 'totp' ? 'button-primary' : 'button-secondary'} disabled={busy} onClick={() => void choose(kind)}>
                {t(`enrolment.kind.${kind}`)}
              </button>
            ))}
          </div>
          <p className="hint">{t('enrolment.smsWarning')}</p>
        </fieldset>
      ) : null}

      {step.at === 'totp' ? (
        <form className="stack" onSubmit={confirmTotp}>
          <h3>{t('enrolment.totpTitle')}</h3>
          <p>{t('enrolment.totpScan')}</p>
          <QrCode text={step.uri} label={t('enrolment.qrLabel')} />
          <p>
            {t('enrolment.totpManual')} <code className="secret" data-testid="totp-secret">{step.secret}</code>
          </p>
          <CodeInput label={t('enrolment.totpCode')} value={code} onChange={setCode} autoFocus />
          <StepActions submitLabel={t('enrolment.confirm')} busy={busy} onBack={back} />
        </form>
      ) : null}

      {step.at === 'webauthn' ? (
        <form className="stack" onSubmit={createPasskey}>
          <h3>{t('enrolment.passkeyTitle')}</h3>
          <p>{t('enrolment.passkeyIntro')}</p>
          <div className="field">
            <label htmlFor={labelId}>{t('enrolment.passkeyLabel')}</label>
            <input id={labelId} maxLength={60} value={label} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <StepActions submitLabel={t('enrolment.passkeyCreate')} busy={busy} onBack={back} />
        </form>
      ) : null}

      {step.at === 'code' ? (
        <form className="stack" onSubmit={confirmCode}>
          <h3>{t(`enrolment.kind.${step.channel}`)}</h3>
          <p role="status">{t(step.channel === 'email' ? 'enrolment.emailSent' : 'enrolment.smsSent')}</p>
          <CodeInput label={t('mfa.codeLabel')} value={code} onChange={setCode} autoFocus />
          <StepActions submitLabel={t('enrolment.confirm')} busy={busy} onBack={back}>
            <button type="button" className="button-secondary" disabled={busy} onClick={() => void choose(step.channel)}>
              {t('mfa.resend')}
            </button>
          </StepActions>
        </form>
      ) : null}

      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {onCancel && step.at === 'choose' ? (
        <button type="button" className="link-button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      ) : null}
    </div>
  );
}

/** An enrolment step's buttons: go on, any extra ones, then back to the choice. */
function StepActions({ submitLabel, busy, onBack, children }: { submitLabel: string; busy: boolean; onBack: () => void; children?: ReactNode }) {
  const { t } = useLocale('app');
  return (
    <div className="actions">
      <button type="submit" className="button-primary" disabled={busy}>
        {submitLabel}
      </button>
      {children}
      <button type="button" className="button-secondary" onClick={onBack}>
        {t('actions.back')}
      </button>
    </div>
  );
}
