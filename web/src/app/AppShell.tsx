import { useEffect, useId, useRef, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useLocale } from '../components/useLocale';
import { APP_ROUTES, type AppRoute, NAV_GROUP_LABELS, type NavGroup, linkOf } from './routes';
import { useMe, useSession } from './session';
import { StepUpProvider } from './step-up';

/** The signed-in frame of the staff app: navigation by role, language, sign-out, and the page. */
export function AppShell() {
  const { t } = useLocale('app');
  const me = useMe();
  const { can, signOut } = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const main = useRef<HTMLElement>(null);

  const allowed = APP_ROUTES.filter((r) => !r.permission || can(r.permission));
  const home = allowed.find((r) => r.nav);

  // A new page: close the phone menu and bring keyboard and screen reader users to its content.
  const path = location.pathname;
  const first = useRef(true);
  useEffect(() => {
    setMenuOpen(false);
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);

  return (
    <StepUpProvider>
      <div className="page app">
        <a className="skip-link" href="#main">
          {t('shell.skipToContent')}
        </a>
        <header className="topbar">
          <div className="topbar-inner app-topbar">
            <p className="brand">
              {t('shell.product')}
              {me.org ? <span className="brand-org">{me.org.name}</span> : null}
            </p>
            <button type="button" className="button-secondary menu-toggle" aria-expanded={menuOpen} aria-controls={navId} onClick={() => setMenuOpen((open) => !open)}>
              {t('shell.menu')}
            </button>
            <div className="topbar-tools">
              <LanguageSwitcher />
              <span className="who" title={me.user.email}>
                {t('shell.signedInAs', { name: me.user.name || me.user.email, role: t(`roles.${me.org?.role ?? 'none'}`) })}
              </span>
              <button type="button" className="button-secondary" onClick={() => void signOut()}>
                {t('shell.signOut')}
              </button>
            </div>
          </div>
        </header>
        <div className="app-body">
          <nav id={navId} className={menuOpen ? 'app-nav open' : 'app-nav'} aria-label={t('shell.navigation')}>
            <NavList routes={allowed} />
          </nav>
          <main id="main" ref={main} className="content app-content" tabIndex={-1}>
            <Routes>
              <Route index element={home ? <Navigate to={linkOf(home)} replace /> : <NoAccess />} />
              {APP_ROUTES.map((r) => (
                <Route key={r.path} path={r.path} element={!r.permission || can(r.permission) ? r.element : <NoAccess />} />
              ))}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </main>
        </div>
      </div>
    </StepUpProvider>
  );
}

function NavList({ routes }: { routes: readonly AppRoute[] }) {
  const { t } = useLocale('app');
  const items: { group: NavGroup | null; routes: AppRoute[] }[] = [];
  for (const route of routes.filter((r) => r.nav)) {
    const group = route.nav?.group ?? null;
    const last = items.at(-1);
    if (group && last?.group === group) last.routes.push(route);
    else items.push({ group, routes: [route] });
  }
  const link = (r: AppRoute) => (
    <li key={r.path}>
      <NavLink to={linkOf(r)}>{t(r.nav?.labelKey ?? '')}</NavLink>
    </li>
  );
  return (
    <ul className="nav-list">
      {items.map((item) =>
        item.group ? (
          <li key={item.group} className="nav-group">
            <span className="nav-group-label">{t(NAV_GROUP_LABELS[item.group])}</span>
            <ul>{item.routes.map(link)}</ul>
          </li>
        ) : (
          item.routes.map(link)
        ),
      )}
    </ul>
  );
}

function NoAccess() {
  const { t } = useLocale('app');
  return (
    <section className="stack">
      <h1 className="page-title">{t('shell.noAccessTitle')}</h1>
      <p>{t('shell.noAccess')}</p>
    </section>
  );
}

function NotFound() {
  const { t } = useLocale('app');
  return <h1 className="page-title">{t('shell.pageNotFound')}</h1>;
}
