import { useRef } from 'react';
import type { Service } from '../api/types';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useLocale } from '../components/useLocale';

/** A staff member, or anyone free (null). */
export function StaffStep({ service, onChoose, onBack }: { service: Service; onChoose(staffId: string | null): void; onBack(): void }) {
  const { t } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  return (
    <section aria-labelledby="step-heading">
      <h2 id="step-heading" tabIndex={-1} ref={heading}>
        {t('staff.heading')}
      </h2>
      <ul className="choices choices-compact">
        <li>
          <button type="button" className="choice" onClick={() => onChoose(null)}>
            <span className="choice-title">{t('staff.anyone')}</span>
            <span className="choice-text">{t('staff.anyoneHint')}</span>
          </button>
        </li>
        {service.staff.map((s) => (
          <li key={s.id}>
            <button type="button" className="choice" onClick={() => onChoose(s.id)}>
              <span className="choice-title">{s.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button-secondary" onClick={onBack}>
        {t('common.back')}
      </button>
    </section>
  );
}
