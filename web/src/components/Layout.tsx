import type { ReactNode } from 'react';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useLocale } from './useLocale';

export function Layout({ title, children }: { title: string | null; children: ReactNode }) {
  const { t } = useLocale();
  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <p className="brand">{title ?? t('layout.product')}</p>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </div>
  );
}
