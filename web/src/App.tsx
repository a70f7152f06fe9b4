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
      <Route path="/invite" element={<LinkInto path="/app/invite" />} />
      <Route path="/setup" element={<LinkInto path="/app/first-run" />} />
      <Route path="/reset-password" element={<LinkInto path="/app/reset-password" />} />
      <Route path="/not-me" element={<LinkInto path="/app/not-me" />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/**
 * Links we hand out carry their token in the fragment (/invite#token, /setup#token,
 * /reset-password#token, /not-me#token): the staff app takes them, token and all.
 */
function LinkInto({ path }: { path: string }) {
  const { hash } = useLocation();
  return <Navigate to={{ pathname: path, hash }} replace />;
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
