import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { BookingPage } from './booking/BookingPage';
import { Layout } from './components/Layout';
import { useLocale } from './components/useLocale';
import { ManagePage } from './manage/ManagePage';
import { ReportPage } from './report/ReportPage';

// The staff app loads only when someone opens it: the booking page stays small.
const StaffApp = lazy(() => import('./app/AppRoot'));

export function App() {
  return (
    <Routes>
      <Route path="/book/:org/*" element={<BookingPage />} />
      <Route path="/manage" element={<ManagePage />} />
      <Route path="/report-suspicious" element={<ReportPage />} />
      <Route
        path="/app/*"
        element={
          <Suspense fallback={<Loading />}>
            <StaffApp />
          </Suspense>
        }
      />
      <Route path="/invite" element={<InviteLink />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** Invitation links are mailed as /invite#token: the staff app takes them, token and all. */
function InviteLink() {
  const { hash } = useLocation();
  return <Navigate to={{ pathname: '/app/invite', hash }} replace />;
}

function Loading() {
  const { t } = useLocale();
  return <p role="status">{t('layout.loading')}</p>;
}

function NotFound() {
  const { t } = useLocale();
  return (
    <Layout title={null}>
      <h1 className="page-title">{t('errors.pageNotFound')}</h1>
    </Layout>
  );
}
