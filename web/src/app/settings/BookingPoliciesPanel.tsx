import { type FormEvent, useEffect, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { Feedback } from '../Feedback';
import { useSession } from '../session';
import { useAction } from '../useAction';
import { useLoaded } from '../useLoaded';
import { BoundedNumberInput } from './BoundedNumberInput';
import { loadSettings, saveSettings } from './org-settings';
import { SettingsForm } from './SettingsForm';
import { POLICY_BOUNDS } from './settings-rules';
import { wholeNumberIn } from './whole-number';

/** The organization's booking policies: how long a chosen time is held, and the default cancellation cutoff. */
export function BookingPoliciesPanel() {
  const { t } = useLocale('app');
  const { can } = useSession();
  const { data, failed, reload } = useLoaded(loadSettings);
  const { busy, outcome, run } = useAction(reload);
  const ids = { title: useId(), hold: useId(), holdHint: useId(), cutoff: useId(), cutoffHint: useId() };
  // Null until loaded, so that no field flashes an error on empty text.
  const [hold, setHold] = useState<string | null>(null);
  const [cutoff, setCutoff] = useState<string | null>(null);
  const { holdMinutes, defaultCutoffMinutes } = POLICY_BOUNDS;

  useEffect(() => {
    if (!data) return;
    setHold(String(data.policies.holdMinutes));
    setCutoff(String(data.policies.defaultCutoffMinutes));
  }, [data]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const holdValue = wholeNumberIn(hold ?? '', holdMinutes.min, holdMinutes.max);
    const cutoffValue = wholeNumberIn(cutoff ?? '', defaultCutoffMinutes.min, defaultCutoffMinutes.max);
    // Out-of-bounds values are marked at their fields already; nothing is sent.
    if (holdValue === null || cutoffValue === null) return;
    void run(async () => {
      await saveSettings({ policies: { holdMinutes: holdValue, defaultCutoffMinutes: cutoffValue } });
      return t('bookingPolicies.saved');
    });
  };

  return (
    <section className="panel" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('bookingPolicies.title')}</h2>
      <SettingsForm data={data} failed={failed} editable={can('org:manage')} busy={busy} readOnly={t('bookingPolicies.readOnly')} onSubmit={submit}>
        {() =>
          hold === null || cutoff === null ? null : (
            <>
              <div className="field field-number">
                <label htmlFor={ids.hold}>{t('bookingPolicies.hold')}</label>
                <BoundedNumberInput id={ids.hold} value={hold} {...holdMinutes} describedBy={ids.holdHint} error={t('bookingPolicies.holdInvalid', holdMinutes)} onChange={setHold} />
                <p className="hint" id={ids.holdHint}>
                  {t('bookingPolicies.holdHint', holdMinutes)}
                </p>
              </div>
              <div className="field field-number">
                <label htmlFor={ids.cutoff}>{t('bookingPolicies.cutoff')}</label>
                <BoundedNumberInput
                  id={ids.cutoff}
                  value={cutoff}
                  {...defaultCutoffMinutes}
                  describedBy={ids.cutoffHint}
                  error={t('bookingPolicies.cutoffInvalid', defaultCutoffMinutes)}
                  onChange={setCutoff}
                />
                <p className="hint" id={ids.cutoffHint}>
                  {t('bookingPolicies.cutoffHint')}
                </p>
              </div>
            </>
          )
        }
      </SettingsForm>
      <Feedback outcome={outcome} />
    </section>
  );
}
