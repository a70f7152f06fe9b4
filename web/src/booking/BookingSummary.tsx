import type { ReactNode } from 'react';
import type { Booking } from '../api/types';
import { useLocale } from '../components/useLocale';
import { formatDateTime, formatTime, zoneCity } from '../lib/time';

interface Props {
  serviceName: string;
  durationMin: number;
  staffName: string | null;
  start: string;
  end: string;
  zone: string;
  businessZone: string;
  extra?: ReactNode;
}

/** What, with whom and when, in the customer's zone and, when it differs, the business's. */
export function BookingSummary({ serviceName, durationMin, staffName, start, end, zone, businessZone, extra }: Props) {
  const { t, locale } = useLocale();
  return (
    <dl className="summary">
      <div>
        <dt>{t('summary.service')}</dt>
        <dd>
          {serviceName} <span className="muted">({t('service.duration', { count: durationMin })})</span>
        </dd>
      </div>
      <div>
        <dt>{t('summary.with')}</dt>
        <dd>{staffName ?? t('staff.anyone')}</dd>
      </div>
      <div>
        <dt>{t('summary.when')}</dt>
        <dd>
          <span data-testid="summary-when">
            {formatDateTime(start, zone, locale)} – {formatTime(end, zone, locale)}
          </span>
          {businessZone !== zone && (
            <span className="muted block">
              {t('summary.businessTime', { time: formatDateTime(start, businessZone, locale), zone: zoneCity(businessZone) })}
            </span>
          )}
        </dd>
      </div>
      {extra}
    </dl>
  );
}

/** The summary of a booking the API returned. */
export function BookedSummary({ booking, zone, businessZone, extra }: { booking: Booking; zone: string; businessZone: string; extra?: ReactNode }) {
  return (
    <BookingSummary
      serviceName={booking.service.name}
      durationMin={booking.service.durationMin}
      staffName={booking.staff.name}
      start={booking.start}
      end={booking.end}
      zone={zone}
      businessZone={businessZone}
      extra={extra}
    />
  );
}
