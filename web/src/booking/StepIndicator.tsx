import { useLocale } from '../components/useLocale';

const STEPS = ['service', 'staff', 'time', 'details'] as const;

export function StepIndicator({ step }: { step: string }) {
  const { t } = useLocale();
  const current = STEPS.indexOf(step as (typeof STEPS)[number]);
  return (
    <ol className="steps" aria-label={t('steps.label')}>
      {STEPS.map((s, i) => (
        <li key={s} className={i < current ? 'done' : i === current ? 'current' : undefined} aria-current={i === current ? 'step' : undefined}>
          <span className="step-number" aria-hidden="true">
            {i + 1}
          </span>
          <span className="step-name">{t(`steps.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}
