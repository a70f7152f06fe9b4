import { Route, Routes } from 'react-router';
import { BookingPage } from './booking/BookingPage';
import { Layout } from './components/Layout';
import { useLocale } from './components/useLocale';
import { ManagePage } from './manage/ManagePage';

export function App() {
  return (
    <Routes>
      <Route path="/book/:org/*" element={<BookingPage />} />
      <Route path="/manage" element={<ManagePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function NotFound() {
  const { t } = useLocale();
  return (
    <Layout title={null}>
      <h1 className="page-title">{t('errors.pageNotFound')}</h1>
    </Layout>
  );
}
