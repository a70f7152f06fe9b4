import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useLocale } from '../../components/useLocale';
import { PLACE_OF_STAGE, type SessionStage, useSession } from '../session';
import { AuthFrame } from './AuthFrame';
import { PasswordChangeForm } from './PasswordChangeForm';

/** A forced change: the password is known to be compromised, so the app waits for a new one. */
export function ChangePasswordPage() {
  const { t } = useLocale('app');
  const { refresh, signOut } = useSession();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const changed = async () => {
    const session = await refresh();
    const stage: SessionStage = session.status === 'signed-in' ? session.me.session.stage : 'full';
    navigate(PLACE_OF_STAGE[stage], { replace: true });
  };

  return (
    <AuthFrame>
      <h1 className="page-title" ref={heading} tabIndex={-1}>
        {t('changePassword.title')}
      </h1>
      <p className="notice notice-warn">{t('changePassword.intro')}</p>
      <PasswordChangeForm onChanged={() => void changed()} />
      <button type="button" className="link-button" onClick={() => void signOut()}>
        {t('shell.signOut')}
      </button>
    </AuthFrame>
  );
}
