import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { ManagedBooking, Slot } from '../api/types';
import { BookedSummary, BookingSummary } from '../booking/BookingSummary';
import { type PickOutcome, SlotPicker } from '../booking/SlotPicker';
import { AddToCalendar } from '../components/AddToCalendar';
import { Layout } from '../components/Layout';
import { TimeZonePicker } from '../components/TimeZonePicker';
import { StepSection } from '../components/StepSection';
import { useLocale } from '../components/useLocale';
import { detectTimeZone, formatDateTime } from '../lib/time';
import { CancelForm } from './CancelForm';

type Mode = 'view' | 'reschedule' | 'confirm-move' | 'cancel';

function tokenFromHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

/** `/manage#<token>`: the token stays in the fragment, which browsers never send to a server. */
export function ManagePage() {
  const { t, locale } = useLocale();
  const [token, setToken] = useState(tokenFromHash);
  const [managed, setManaged] = useState<ManagedBooking | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [zone, setZone] = useState(detectTimeZone);
  const [moveTo, setMoveTo] = useState<Slot | null>(null);
  const [takenStart, setTakenStart] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    const onHash = () => setToken(tokenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = t('manage.title');
  }, [t]);

  useEffect(() => {
    let live = true;
    setManaged(null);
    setProblem(null);
    if (!/^[A-Za-z0-9_-]{32,128}$/.test(token)) {
      setProblem('manage.invalidLink');
      return;
    }
    api.managed(token).then(
      (m) => {
        if (live) setManaged(m);
      },
      (error: unknown) => {
        if (live) setProblem(error instanceof ApiError && (error.status === 404 || error.status === 400) ? 'manage.invalidLink' : 'errors.loadFailed');
      },
    );
    return () => {
      live = false;
    };
  }, [token]);

  const pick = useCallback(async (slot: Slot): Promise<PickOutcome> => {
    setMoveTo(slot);
    setTakenStart(null);
    setMode('confirm-move');
    return 'ok';
  }, []);

  const act = async (run: () => Promise<ManagedBooking>, done: string) => {
    setWorking(true);
    setProblem(null);
    try {
      setManaged(await run());
      setMessage(done);
      setMode('view');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'slot_unavailable' && moveTo) {
        setTakenStart(moveTo.start);
        setMode('reschedule');
      } else if (error instanceof ApiError && (error.code === 'cutoff_passed' || error.code === 'booking_not_modifiable')) {
        setProblem('manage.tooLate');
        setMode('view');
      } else {
        setProblem('errors.actionFailed');
      }
    } finally {
      setWorking(false);
    }
  };

  if (!managed) {
    return (
      <Layout title={null}>
        <h1 className="page-title">{t('manage.heading')}</h1>
        {problem ? (
          <p className="notice notice-error" role="alert">
            {t(problem)}
          </p>
        ) : (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )}
      </Layout>
    );
  }

  const { booking, org } = managed;
  const active = booking.status === 'confirmed' || booking.status === 'pending';
  const requestedStaff = booking.assignment?.rule === 'requested' ? booking.staff.id : null;

  return (
    <Layout title={org.name}>
      <h1 className="page-title">{t('manage.heading')}</h1>
      <TimeZonePicker zone={zone} onChange={setZone} businessZone={org.timeZone} businessName={org.name} />
      {message && mode === 'view' && (
        <p className="notice notice-success" role="status">
          {t(message)}
        </p>
      )}
      {problem && (
        <p className="notice notice-error" role="alert">
          {t(problem)}
        </p>
      )}
      {mode === 'view' && (
        <BookingView managed={managed} zone={zone}>
          {active && (managed.canCancel || managed.canReschedule) && (
            <p className="muted">{t('manage.deadline', { time: formatDateTime(managed.changeDeadline, zone, locale) })}</p>
          )}
          {active && !managed.canCancel && !managed.canReschedule && <p className="notice notice-info">{t('manage.tooLate')}</p>}
          <div className="actions">
            {active && managed.canReschedule && (
              <button type="button" className="button-primary" onClick={() => setMode('reschedule')}>
                {t('manage.reschedule')}
              </button>
            )}
            {active && managed.canCancel && (
              <button type="button" className="button-danger" onClick={() => setMode('cancel')}>
                {t('manage.cancel')}
              </button>
            )}
            {active && <AddToCalendar booking={booking} orgName={org.name} manageUrl={window.location.href} />}
          </div>
        </BookingView>
      )}
      {mode === 'reschedule' && (
        <StepSection heading={t('manage.pickNew')} onBack={() => setMode('view')}>
          <SlotPicker org={org.slug} serviceId={booking.service.id} staffId={requestedStaff} zone={zone} onPick={pick} takenStart={takenStart} />
        </StepSection>
      )}
      {mode === 'confirm-move' && moveTo && (
        <StepSection heading={t('manage.confirmMove')} onBack={() => setMode('reschedule')}>
          <BookingSummary
            serviceName={booking.service.name}
            durationMin={booking.service.durationMin}
            staffName={booking.staff.name}
            start={moveTo.start}
            end={moveTo.end}
            zone={zone}
            businessZone={org.timeZone}
          />
          <p>{t('manage.insteadOf', { time: formatDateTime(booking.start, zone, locale) })}</p>
          <div className="actions">
            <button type="button" className="button-primary" disabled={working} onClick={() => void act(() => api.reschedule(token, moveTo.start, zone), 'manage.moved')}>
              {t('manage.confirmMoveButton')}
            </button>
          </div>
        </StepSection>
      )}
      {mode === 'cancel' && (
        <StepSection heading={t('manage.cancelHeading')} onBack={() => setMode('view')}>
          <CancelForm working={working} onCancel={(reason) => void act(() => api.cancel(token, reason), 'manage.cancelled')} />
        </StepSection>
      )}
    </Layout>
  );
}

function BookingView({ managed, zone, children }: { managed: ManagedBooking; zone: string; children: ReactNode }) {
  const { t } = useLocale();
  const { booking, org } = managed;
  return (
    <section aria-labelledby="booking-heading">
      <h2 id="booking-heading">
        {t('manage.bookingAt', { business: org.name })} <span className={`status status-${booking.status}`}>{t(`status.${booking.status}`, { defaultValue: booking.status })}</span>
      </h2>
      <BookedSummary
        booking={booking}
        zone={zone}
        businessZone={org.timeZone}
        extra={
          booking.cancelReason && (
            <div>
              <dt>{t('manage.reason')}</dt>
              <dd>{booking.cancelReason}</dd>
            </div>
          )
        }
      />
      {children}
    </section>
  );
}
