import { useId, useRef, useState } from 'react';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useLocale } from '../../components/useLocale';
import { deskErrorKey } from '../calendar/booking-status';

/**
 * The state of a setup form (a service, a staff member): its fields, an id prefix, the heading
 * focused on open, and `save`, which sends the body and reports busy and a translated error.
 */
export function useSetupForm<I extends object>(initial: () => I, onSaved: () => void) {
  const { t } = useLocale('desk');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const [form, setForm] = useState<I>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof I>(key: K, value: I[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = async (send: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await send();
      onSaved();
    } catch (err) {
      setError(t(deskErrorKey(err)));
      setBusy(false);
    }
  };
  return { id, heading, form, set, busy, error, save };
}

/** Checkboxes choosing some of a list of named things (a service's staff, a person's services). */
export function IdChecklist(p: {
  idPrefix: string;
  legend: string;
  emptyLabel: string;
  options: readonly { id: string; name: string }[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{p.legend}</legend>
      {p.options.length === 0 && <p className="muted">{p.emptyLabel}</p>}
      {p.options.map((o) => (
        <div className="field-check" key={o.id}>
          <input
            id={`${p.idPrefix}-${o.id}`}
            type="checkbox"
            checked={p.selected.includes(o.id)}
            onChange={(e) => p.onChange(e.target.checked ? [...p.selected, o.id] : p.selected.filter((x) => x !== o.id))}
          />
          <label htmlFor={`${p.idPrefix}-${o.id}`}>{o.name}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A setup form's end: its error, if any, then save and cancel. */
export function SetupFormEnd({ error, saveDisabled, onCancel }: { error: string | null; saveDisabled: boolean; onCancel: () => void }) {
  const { t } = useLocale('desk');
  return (
    <>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={saveDisabled}>
          {t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
