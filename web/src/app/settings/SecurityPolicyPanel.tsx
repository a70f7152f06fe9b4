import { type FormEvent, useEffect, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { api } from '../api';
import { Feedback } from '../Feedback';
import { useSession } from '../session';
import { useStepUp } from '../step-up';
import { useAction } from '../useAction';
import { useLoaded } from '../useLoaded';
import { type RoleTimeouts, type TimeoutsDraft, draftOf, timeoutsOf } from './session-timeouts';
import { BoundedNumberInput } from './BoundedNumberInput';
import { SessionTimeoutsTable } from './SessionTimeoutsTable';
import { SettingsForm } from './SettingsForm';
import { REMINDER_DAYS_BOUNDS, STAFF_ROLES, type StaffRole } from './settings-rules';
import { wholeNumberIn } from './whole-number';

type Bilingual = { en: string; 'zh-CN': string };

/** GET/PUT /api/v1/org/security-policy, with the server's reasons why the optional rules are off and the session limits per role. */
interface SecurityPolicy {
  mfaRequiredRoles: string[];
  passwordComposition: boolean;
  passwordChangeReminderDays: number | null;
  sessionTimeouts: Record<StaffRole, RoleTimeouts>;
  explanations: { passwordComposition: Bilingual; passwordChangeReminderDays: Bilingual };
}

const loadPolicy = () => api.get<SecurityPolicy>('/org/security-policy');

export function SecurityPolicyPanel() {
  const { t, language } = useLocale('app');
  const { can } = useSession();
  const { withStepUp } = useStepUp();
  const { data, failed, reload } = useLoaded(loadPolicy);
  const editable = can('security_policy:manage');
  const ids = { title: useId(), composition: useId(), compositionWhy: useId(), remind: useId(), days: useId(), remindWhy: useId() };
  const [roles, setRoles] = useState<string[]>([]);
  const [composition, setComposition] = useState(false);
  const [remind, setRemind] = useState(false);
  const [days, setDays] = useState('90');
  const [timeouts, setTimeouts] = useState<TimeoutsDraft | null>(null);
  const { busy, outcome, run } = useAction(reload);

  useEffect(() => {
    if (!data) return;
    setRoles(data.mfaRequiredRoles);
    setComposition(data.passwordComposition);
    setRemind(data.passwordChangeReminderDays !== null);
    setDays(String(data.passwordChangeReminderDays ?? 90));
    setTimeouts(draftOf(data.sessionTimeouts));
  }, [data]);

  const explain = (b: Bilingual) => (language.startsWith('zh') ? b['zh-CN'] : b.en);
  const toggleRole = (role: string, on: boolean) => setRoles((now) => (on ? [...new Set([...now, role])] : now.filter((r) => r !== role)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Out-of-bounds limits are marked at their fields already; nothing is sent.
    const sessionTimeouts = timeouts ? timeoutsOf(timeouts) : null;
    const reminderDays = remind ? wholeNumberIn(days, REMINDER_DAYS_BOUNDS.min, REMINDER_DAYS_BOUNDS.max) : null;
    if (!sessionTimeouts || (remind && reminderDays === null)) return;
    void run(async () => {
      const body = {
        // Roles this page does not list (customers) keep the setting they had.
        mfaRequiredRoles: [...STAFF_ROLES.filter((r) => roles.includes(r)), ...roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r))],
        passwordComposition: composition,
        passwordChangeReminderDays: reminderDays,
        sessionTimeouts,
      };
      await withStepUp(() => api.put<SecurityPolicy>('/org/security-policy', body));
      return t('policy.saved');
    });
  };

  return (
    <section className="panel" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('policy.title')}</h2>
      <SettingsForm data={data} failed={failed} editable={editable} busy={busy} readOnly={t('policy.readOnly')} onSubmit={submit}>
        {(data) => (
          <>
            <fieldset className="choice-row">
              <legend>{t('policy.mfaRoles')}</legend>
              {STAFF_ROLES.map((role) => (
                <label key={role}>
                  <input type="checkbox" checked={roles.includes(role)} onChange={(e) => toggleRole(role, e.target.checked)} />
                  {t(`roles.${role}`)}
                </label>
              ))}
            </fieldset>
            <p className="hint">{t('policy.mfaHint')}</p>

            <div className="field field-check">
              <input id={ids.composition} type="checkbox" aria-describedby={ids.compositionWhy} checked={composition} onChange={(e) => setComposition(e.target.checked)} />
              <label htmlFor={ids.composition}>{t('policy.composition')}</label>
              <p className="hint" id={ids.compositionWhy}>
                {explain(data.explanations.passwordComposition)}
              </p>
            </div>

            <div className="field field-check">
              <input id={ids.remind} type="checkbox" aria-describedby={ids.remindWhy} checked={remind} onChange={(e) => setRemind(e.target.checked)} />
              <label htmlFor={ids.remind}>{t('policy.remind')}</label>
              <p className="hint" id={ids.remindWhy}>
                {explain(data.explanations.passwordChangeReminderDays)}
              </p>
            </div>
            {remind ? (
              <div className="field">
                <label htmlFor={ids.days}>{t('policy.remindDays', REMINDER_DAYS_BOUNDS)}</label>
                <BoundedNumberInput id={ids.days} value={days} {...REMINDER_DAYS_BOUNDS} error={t('policy.remindDaysInvalid', REMINDER_DAYS_BOUNDS)} onChange={setDays} />
              </div>
            ) : null}
            {timeouts ? <SessionTimeoutsTable draft={timeouts} onChange={setTimeouts} /> : null}
          </>
        )}
      </SettingsForm>
      <Feedback outcome={outcome} />
    </section>
  );
}
