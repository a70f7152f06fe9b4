import type { ReactNode } from 'react';
import { useLocale } from '../../components/useLocale';

interface SetupListPageProps<T extends { id: string; name: string }> {
  title: string;
  addLabel: string;
  /** The add button shows only while no form is open. */
  formOpen: boolean;
  onAdd: () => void;
  notice: string | null;
  error: string | null;
  /** The open form to add or change one item, if any. */
  form: ReactNode;
  /** Null while loading. */
  items: T[] | null;
  noneLabel: string;
  columns: string[];
  /** A row's cells after its name, before its edit button. */
  cells: (item: T) => ReactNode;
  editLabel: (item: T) => string;
  onEdit: (item: T) => void;
}

/** The skeleton of a setup list page (services, staff): title, add button, notices, the open form and a table of items with an edit button each. */
export function SetupListPage<T extends { id: string; name: string }>(p: SetupListPageProps<T>) {
  const { t } = useLocale('desk');
  return (
    <div className="setup-page">
      <div className="setup-title-row">
        <h1 className="page-title">{p.title}</h1>
        {!p.formOpen && (
          <button type="button" className="button-primary" onClick={p.onAdd}>
            {p.addLabel}
          </button>
        )}
      </div>
      {p.notice && (
        <p className="notice notice-success" role="status">
          {p.notice}
        </p>
      )}
      {p.error && (
        <p className="notice notice-error" role="alert">
          {p.error}
        </p>
      )}
      {p.form}
      {p.items === null ? (
        !p.error && (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )
      ) : p.items.length === 0 ? (
        <p className="muted">{p.noneLabel}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{p.title}</caption>
            <thead>
              <tr>
                {p.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.name}</th>
                  {p.cells(item)}
                  <td>
                    <button type="button" className="button-secondary button-small" onClick={() => p.onEdit(item)} aria-label={p.editLabel(item)}>
                      {t('common.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
