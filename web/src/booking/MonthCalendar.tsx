import { REFERENCE_WEEK, addMonths, monthWeeks } from '../lib/calendar';
import { formatMonth, formatPlainDate, formatWeekday } from '../lib/time';
import { useLocale } from '../components/useLocale';

interface Props {
  month: string;
  /** The earliest month one may go back to (this month). */
  firstMonth: string;
  counts: ReadonlyMap<string, number>;
  selected: string | null;
  onMonth(month: string): void;
  onSelect(date: string): void;
}

/** A month of days; days with free times are buttons, the others are greyed out. */
export function MonthCalendar({ month, firstMonth, counts, selected, onMonth, onSelect }: Props) {
  const { t, locale } = useLocale();
  const title = formatMonth(month, locale);
  return (
    <div className="calendar">
      <div className="calendar-head">
        <button type="button" className="icon-button" disabled={month <= firstMonth} onClick={() => onMonth(addMonths(month, -1))} aria-label={t('calendar.previousMonth')}>
          <span aria-hidden="true">‹</span>
        </button>
        <h3 className="calendar-title" aria-live="polite">
          {title}
        </h3>
        <button type="button" className="icon-button" disabled={month >= addMonths(firstMonth, 11)} onClick={() => onMonth(addMonths(month, 1))} aria-label={t('calendar.nextMonth')}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table className="calendar-grid">
        <caption className="visually-hidden">{t('calendar.caption', { month: title })}</caption>
        <thead>
          <tr>
            {REFERENCE_WEEK.map((d) => (
              <th key={d} scope="col">
                {formatWeekday(d, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr key={week.find((d) => d !== null) ?? 'empty'}>
              {week.map((date, i) => {
                if (!date) return <td key={`blank-${i}`} />;
                const count = counts.get(date) ?? 0;
                const label = `${formatPlainDate(date, locale)}, ${count > 0 ? t('calendar.freeTimes', { count }) : t('calendar.noTimes')}`;
                return (
                  <td key={date}>
                    <button
                      type="button"
                      className="day"
                      data-date={date}
                      disabled={count === 0}
                      aria-pressed={selected === date}
                      aria-label={label}
                      onClick={() => onSelect(date)}
                    >
                      {Number(date.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
