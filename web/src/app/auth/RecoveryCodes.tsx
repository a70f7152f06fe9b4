import { useEffect, useId, useRef } from 'react';
import { useLocale } from '../../components/useLocale';

/** Recovery codes, shown once: the user saves them before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useLocale('app');
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('recovery.title')}
      </h2>
      <p>{t('recovery.intro')}</p>
      <ul className="codes" aria-label={t('recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}>
          {t('recovery.copy')}
        </button>
        <button type="button" className="button-primary" onClick={onDone}>
          {t('recovery.saved')}
        </button>
      </div>
    </section>
  );
}
