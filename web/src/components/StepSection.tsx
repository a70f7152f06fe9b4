import { type ReactNode, useRef } from 'react';
import { useFocusOnMount } from './useFocusOnMount';
import { useLocale } from './useLocale';

interface Props {
  heading: string;
  className?: string;
  /** Shows a Back button after the step's content. */
  onBack?: () => void;
  /** False for the first step on a freshly loaded page, where focus stays where the browser put it. */
  takeFocus?: boolean;
  children: ReactNode;
}

/** One step of a flow: its heading takes focus when the step appears. */
export function StepSection({ heading, className, onBack, takeFocus = true, children }: Props) {
  const { t } = useLocale();
  const ref = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(ref, takeFocus);
  return (
    <section aria-labelledby="step-heading" className={className}>
      <h2 id="step-heading" tabIndex={-1} ref={ref}>
        {heading}
      </h2>
      {children}
      {onBack && (
        <button type="button" className="button-secondary" onClick={onBack}>
          {t('common.back')}
        </button>
      )}
    </section>
  );
}
