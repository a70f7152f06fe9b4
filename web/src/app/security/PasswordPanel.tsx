import { useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { PasswordChangeForm } from '../auth/PasswordChangeForm';
import { useSession } from '../session';

/** Changing my password from the security page. */
export function PasswordPanel() {
  const { t } = useLocale('app');
  const { refresh } = useSession();
  const titleId = useId();
  const [changed, setChanged] = useState(false);
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('password.title')}</h2>
      <PasswordChangeForm
        onChanged={() => {
          setChanged(true);
          void refresh();
        }}
      />
      {changed ? (
        <p className="notice notice-success" role="status">
          {t('password.changed')}
        </p>
      ) : null}
    </section>
  );
}
