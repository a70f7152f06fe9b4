import { useLocale } from '../../components/useLocale';
import { ACTIVE_STATUSES, ENDED_STATUSES, statusClass } from './booking-status';

/** What each status looks like; every booking also names its status in words. */
export function StatusLegend({ showEnded }: { showEnded: boolean }) {
  const { t } = useLocale('desk');
  const statuses = showEnded ? [...ACTIVE_STATUSES, ...ENDED_STATUSES] : ACTIVE_STATUSES;
  return (
    <section className="status-legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="visually-hidden">
        {t('calendar.legend')}
      </h2>
      <ul>
        {statuses.map((s) => (
          <li key={s}>
            <span className={`legend-swatch ${statusClass(s)}`} aria-hidden="true" />
            {t(`status.${s}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
