import type { Service } from '../api/types';
import { StepSection } from '../components/StepSection';
import { useLocale } from '../components/useLocale';

/** A staff member, or anyone free (null). */
export function StaffStep({ service, onChoose, onBack }: { service: Service; onChoose(staffId: string | null): void; onBack(): void }) {
  const { t } = useLocale();
  return (
    <StepSection heading={t('staff.heading')} onBack={onBack}>
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
    </StepSection>
  );
}
