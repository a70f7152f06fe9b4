import { useId } from 'react';
import { useLocale } from '../../components/useLocale';
import { BoundedNumberInput } from './BoundedNumberInput';
import { TIMEOUT_BOUNDS, STAFF_ROLES, type StaffRole, type TimeoutsDraft } from './session-timeouts';

/** Automatic logoff per role: minutes without activity and hours after sign-in, within the server's bounds. */
export function SessionTimeoutsTable({ draft, onChange }: { draft: TimeoutsDraft; onChange: (draft: TimeoutsDraft) => void }) {
  const { t } = useLocale('app');
  const prefix = useId();
  const hintId = useId();
  const { idleMinutes: idle, absoluteHours: absolute } = TIMEOUT_BOUNDS;
  const set = (role: StaffRole, field: 'idleMinutes' | 'absoluteHours', text: string) => onChange({ ...draft, [role]: { ...draft[role], [field]: text } });
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
              <th scope="col">{t('policy.timeouts.idle', idle)}</th>
              <th scope="col">{t('policy.timeouts.absolute', absolute)}</th>
            </tr>
          </thead>
          <tbody>
            {STAFF_ROLES.map((role) => {
              const name = t(`roles.${role}`);
              return (
                <tr key={role}>
                  <th scope="row">{name}</th>
                  <td className="field field-number">
                    <label className="visually-hidden" htmlFor={`${prefix}-${role}-idle`}>
                      {t('policy.timeouts.idleOf', { role: name })}
                    </label>
                    <BoundedNumberInput
                      id={`${prefix}-${role}-idle`}
                      value={draft[role].idleMinutes}
                      {...idle}
                      describedBy={hintId}
                      error={t('policy.timeouts.idleInvalid', idle)}
                      onChange={(text) => set(role, 'idleMinutes', text)}
                    />
                  </td>
                  <td className="field field-number">
                    <label className="visually-hidden" htmlFor={`${prefix}-${role}-absolute`}>
                      {t('policy.timeouts.absoluteOf', { role: name })}
                    </label>
                    <BoundedNumberInput
                      id={`${prefix}-${role}-absolute`}
                      value={draft[role].absoluteHours}
                      {...absolute}
                      describedBy={hintId}
                      error={t('policy.timeouts.absoluteInvalid', absolute)}
                      onChange={(text) => set(role, 'absoluteHours', text)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
