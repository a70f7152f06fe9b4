import { useId } from 'react';
import { useLocale } from '../../components/useLocale';
import { BoundedNumberInput } from './BoundedNumberInput';
import type { TimeoutsDraft } from './session-timeouts';
import { STAFF_ROLES, type StaffRole, TIMEOUT_BOUNDS } from './settings-rules';

const FIELDS = ['idleMinutes', 'absoluteHours'] as const;

/** Automatic logoff per role: minutes without activity and hours after sign-in, within the server's bounds. */
export function SessionTimeoutsTable({ draft, onChange }: { draft: TimeoutsDraft; onChange: (draft: TimeoutsDraft) => void }) {
  const { t } = useLocale('app');
  const prefix = useId();
  const hintId = useId();
  const set = (role: StaffRole, field: (typeof FIELDS)[number], text: string) => onChange({ ...draft, [role]: { ...draft[role], [field]: text } });
  return (
    <fieldset className="fieldset">
      <legend>{t('policy.timeouts.title')}</legend>
      <p className="hint" id={hintId}>
        {t('policy.timeouts.hint')}
      </p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('policy.timeouts.role')}</th>
              {FIELDS.map((field) => (
                <th scope="col" key={field}>
                  {t(`policy.timeouts.${field}`, TIMEOUT_BOUNDS[field])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {STAFF_ROLES.map((role) => {
              const name = t(`roles.${role}`);
              return (
                <tr key={role}>
                  <th scope="row">{name}</th>
                  {FIELDS.map((field) => (
                    <td className="field field-number" key={field}>
                      <label className="visually-hidden" htmlFor={`${prefix}-${role}-${field}`}>
                        {t(`policy.timeouts.${field}Of`, { role: name })}
                      </label>
                      <BoundedNumberInput
                        id={`${prefix}-${role}-${field}`}
                        value={draft[role][field]}
                        {...TIMEOUT_BOUNDS[field]}
                        describedBy={hintId}
                        error={t('policy.timeouts.invalid', TIMEOUT_BOUNDS[field])}
                        onChange={(text) => set(role, field, text)}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
