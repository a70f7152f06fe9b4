import type { Service } from '../api/types';
import { StepSection } from '../components/StepSection';
import { useLocale } from '../components/useLocale';
import { formatPrice } from '../lib/time';

export function ServiceStep({ services, onChoose, takeFocus }: { services: Service[]; onChoose(service: Service): void; takeFocus: boolean }) {
  const { t, locale } = useLocale();
  return (
    <StepSection heading={t('service.heading')} takeFocus={takeFocus}>
      {services.length === 0 ? (
        <p className="muted">{t('service.none')}</p>
      ) : (
        <ul className="choices">
          {services.map((s) => (
            <li key={s.id}>
              <button type="button" className="choice" onClick={() => onChoose(s)}>
                <span className="choice-title">{s.name}</span>
                <span className="choice-meta">
                  <span>{t('service.duration', { count: s.durationMin })}</span>
                  <span>{s.price ? formatPrice(s.price.amountCents, s.price.currency, locale) : t('service.free')}</span>
                  {s.requiresApproval && <span className="tag">{t('service.needsApproval')}</span>}
                </span>
                {s.description && <span className="choice-text">{s.description}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </StepSection>
  );
}
