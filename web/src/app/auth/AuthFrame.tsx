import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { useLocale } from '../../components/useLocale';

/** The plain frame of the pages before the shell: sign-in, enrolment, invitations. */
export function AuthFrame({ children }: { children: ReactNode }) {
  const { t } = useLocale('app');
  return (
    <div className="page app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <p className="brand">{t('shell.product')}</p>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="content auth-content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
