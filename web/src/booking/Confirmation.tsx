import type { BookingCreated } from '../api/types';
import { AddToCalendar } from '../components/AddToCalendar';
import { StepSection } from '../components/StepSection';
import { useLocale } from '../components/useLocale';
import { BookedSummary } from './BookingSummary';

export function Confirmation({ result, orgName, zone, businessZone, onAgain }: { result: BookingCreated; orgName: string; zone: string; businessZone: string; onAgain(): void }) {
  const { t } = useLocale();
  const { booking } = result;
  const pending = booking.status === 'pending';
  return (
    <StepSection heading={pending ? t('confirm.pendingHeading') : t('confirm.heading')} className="confirmation">
      <p className="lead">{pending ? t('confirm.pendingText', { business: orgName }) : t('confirm.text', { email: booking.customer?.email ?? '' })}</p>
      <BookedSummary
        booking={booking}
        zone={zone}
        businessZone={businessZone}
        extra={
          booking.customer && (
            <div>
              <dt>{t('summary.customer')}</dt>
              <dd>
                {booking.customer.name} · {booking.customer.email}
              </dd>
            </div>
          )
        }
      />
      <div className="actions">
        <AddToCalendar booking={booking} orgName={orgName} manageUrl={result.manageUrl} />
      </div>
      <div className="manage-link">
        <h3>{t('confirm.manageHeading')}</h3>
        <p>{t('confirm.manageText')}</p>
        <p>
          <a href={result.manageUrl} rel="noreferrer" data-testid="manage-link">
            {t('confirm.manageLink')}
          </a>
        </p>
      </div>
      <button type="button" className="link-button" onClick={onAgain}>
        {t('confirm.again')}
      </button>
    </StepSection>
  );
}
