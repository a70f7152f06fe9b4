import { useLocale } from '../../components/useLocale';
import type { DeskBooking } from './bookings-api';
import { statusClass } from './booking-status';
import { type HourWindow, type Placed, gridPlacement, hourRowClasses, placementClasses, rowsClass } from './layout';
import { formatHour, formatTimeRange } from './zoned-time';
import './grid-positions.css';

export interface GridColumn {
  key: string;
  heading: string;
  /** Marks today's column. */
  current?: boolean;
  placed: Placed<DeskBooking>[];
}

interface Props {
  columns: readonly GridColumn[];
  window: HourWindow;
  zone: string;
  /** Whether each booking names its staff member (team views with a column per day). */
  showStaff: boolean;
  onOpen(booking: DeskBooking): void;
}

/** Hours down the side, a column per day or per staff member, bookings as buttons on quarter-hour rows. */
export function TimeGrid({ columns, window, zone, showStaff, onOpen }: Props) {
  const { t, locale } = useLocale('desk');
  const hours = Array.from({ length: window.to - window.from }, (_, i) => window.from + i);
  const rows = rowsClass(window);
  return (
    // Focusable, so that keyboard users can scroll a grid wider than a phone even when it holds no bookings.
    <div className="time-grid-scroll" role="region" aria-label={t('calendar.grid')} tabIndex={0}>
      <div className="time-grid">
        <div className="time-grid-side" aria-hidden="true">
          <div className="time-grid-heading" />
          <div className={`time-grid-hours ${rows}`}>
            {hours.map((h) => (
              <span key={h} className={`hour-label ${hourRowClasses(h, window)}`}>
                {formatHour(h, locale)}
              </span>
            ))}
          </div>
        </div>
        {columns.map((c) => (
          <section key={c.key} className="time-grid-col" aria-labelledby={`col-${c.key}`}>
            <h3 className={c.current ? 'time-grid-heading current' : 'time-grid-heading'} id={`col-${c.key}`}>
              {c.heading}
            </h3>
            <ul className={`time-grid-column ${rows}`}>
              {hours.map((h) => (
                <li key={`h${h}`} className={`hour-line ${hourRowClasses(h, window)}`} aria-hidden="true" />
              ))}
              {c.placed.length === 0 && <li className="visually-hidden">{t('calendar.noBookings')}</li>}
              {c.placed.map((p) => {
                const b = p.item;
                return (
                  <li key={b.id} className={`grid-booking ${placementClasses(gridPlacement(p, window))}`}>
                    <button type="button" className={`booking-block ${statusClass(b.status)}`} data-booking-id={b.id} onClick={() => onOpen(b)}>
                      <span className="booking-time">{formatTimeRange(b.start, b.end, zone, locale)}</span>
                      <span className="booking-customer">{b.customer.erased ? t('panel.erased') : b.customer.name}</span>
                      <span className="booking-service">
                        {showStaff ? t('calendar.serviceWithStaff', { service: b.serviceName, staff: b.staffName }) : b.serviceName}
                      </span>
                      <span className="booking-status-label">{t(`status.${b.status}`)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
