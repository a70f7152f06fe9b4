import { useId } from 'react';
import { useLocale } from '../../components/useLocale';

interface Props {
  password: string;
  again: string;
  onPassword: (value: string) => void;
  onAgain: (value: string) => void;
  /** Given: the second field says at once whether it matches (else the form says so on submit). */
  mismatch?: boolean;
}

/** A new password typed twice, with the server's advice. */
export function NewPasswordFields({ password, again, onPassword, onAgain, mismatch }: Props) {
  const { t } = useLocale('app');
  const ids = { password: useId(), again: useId(), hint: useId() };
  return (
    <>
      <div className="field">
        <label htmlFor={ids.password}>{t('password.new')}</label>
        <input id={ids.password} type="password" autoComplete="new-password" required maxLength={1024} aria-describedby={ids.hint} value={password} onChange={(e) => onPassword(e.target.value)} />
        <p className="hint" id={ids.hint}>
          {t('password.hint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.again}>{t('password.again')}</label>
        <input id={ids.again} type="password" autoComplete="new-password" required maxLength={1024} aria-invalid={mismatch} value={again} onChange={(e) => onAgain(e.target.value)} />
        {mismatch ? <p className="field-error">{t('password.mismatch')}</p> : null}
      </div>
    </>
  );
}
