import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useLocale } from '../components/useLocale';
import { AppShell } from './AppShell';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { EnrolPage } from './auth/EnrolPage';
import { InvitePage } from './auth/InvitePage';
import { SignInPage } from './auth/SignInPage';
import { AuthFrame } from './auth/AuthFrame';
import { FirstRunPage, ForgotPasswordPage, NotMePage, ResetPasswordPage } from './auth/AccountLinkPages';
import { PLACE_OF_STAGE, type SessionStage, SessionProvider, useSession } from './session';
import './app.css';

/** Everything under /app: sign-in and its steps outside the shell, the rest inside. */
export default function AppRoot() {
  return (
    <SessionProvider>
      <Routes>
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="invite" element={<InvitePage />} />
        <Route path="first-run" element={<FirstRunPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="not-me" element={<NotMePage />} />
        <Route path="enrol" element={<RequireSession stage="mfa_enrolment"><EnrolPage /></RequireSession>} />
        <Route path="change-password" element={<RequireSession stage="password_change"><ChangePasswordPage /></RequireSession>} />
        <Route path="*" element={<RequireSession stage="full"><AppShell /></RequireSession>} />
      </Routes>
    </SessionProvider>
  );
}

/** Shows its page only to a session at `stage`; sends anyone else where they belong. */
function RequireSession({ stage, children }: { stage: SessionStage; children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  const { t } = useLocale('app');
  if (state.status === 'loading') {
    return (
      <AuthFrame>
        <p role="status">{t('shell.loading')}</p>
      </AuthFrame>
    );
  }
  if (state.status === 'error') {
    return (
      <AuthFrame>
        <p role="alert">{t('errors.network_error')}</p>
      </AuthFrame>
    );
  }
  if (state.status === 'signed-out') {
    const next = location.pathname + location.search;
    return <Navigate to={`/app/sign-in${next !== '/app' && next !== '/app/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  const current = state.me.session.stage;
  if (current !== stage) return <Navigate to={PLACE_OF_STAGE[current]} replace />;
  return children;
}
