import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { formatDateTime } from '../../lib/time';
import { useCan } from '../session';
import { type BookingAction, type DeskBooking, type DeskBookingDetail, bookingsApi } from './bookings-api';
import { availableActions, deskErrorKey, statusClass } from './booking-status';
import { Dialog } from './Dialog';
import { RescheduleForm } from './RescheduleForm';
import { formatTimeRange } from './zoned-time';

interface Props {
  booking: DeskBooking;
  zone: string;
  orgSlug: string;
  onClose(): void;
  /** After a change, so the calendar shows it. */
  onChanged(): void;
}

/** History entries and actors with their own words in desk.json; others show as the server names them. */
const HISTORY_EVENTS = new Set(['created', 'hold_converted', 'confirmed', 'declined', 'rescheduled', 'cancelled', 'completed', 'no_show', 'expired']);
const HISTORY_ACTORS = new Set(['business', 'customer', 'system']);

type Mode = 'view' | 'decline' | 'cancel' | 'reschedule';

/** One booking: who, what, when, the notes when the role may see them, its history and what staff can do next. */
export function BookingPanel({ booking, zone, orgSlug, onClose, onChanged }: Props) {
  const { t, locale } = useLocale('desk');
  const can = useCan();
  const [detail, setDetail] = useState<DeskBookingDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await bookingsApi.get(booking.id, zone));
      setLoadError(null);
    } catch (e) {
      setLoadError(t(deskErrorKey(e)));
    }
  }, [booking.id, zone, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = detail ?? booking;
  const act = async (action: BookingAction, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await bookingsApi.act(booking.id, action);
      setMode('view');
      setMessage({ kind: 'success', text: done });
      onChanged();
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: t(deskErrorKey(e)) });
    } finally {
      setBusy(false);
    }
  };

  const actions = can('bookings:write') ? availableActions(shown) : [];
  const hasNotes = detail !== null && typeof detail.notes === 'string' && detail.notes.trim() !== '';

  return (
    <Dialog title={shown.customer.erased ? t('panel.titleErased') : t('panel.title', { customer: shown.customer.name })} onClose={onClose} className="booking-panel">
      <p className={`booking-badge ${statusClass(shown.status)}`}>
        <span className="visually-hidden">{t('panel.status')} </span>
        {t(`status.${shown.status}`)}
      </p>
      <dl className="summary booking-facts">
        <div>
          <dt>{t('panel.when')}</dt>
          <dd data-testid="panel-when">
            {formatDateTime(shown.start, zone, locale)} ({formatTimeRange(shown.start, shown.end, zone, locale)})
          </dd>
        </div>
        <div>
          <dt>{t('panel.service')}</dt>
          <dd>{shown.serviceName}</dd>
        </div>
        <div>
          <dt>{t('panel.staff')}</dt>
          <dd>{shown.staffName}</dd>
        </div>
        {shown.seats > 1 && (
          <div>
            <dt>{t('panel.seats')}</dt>
            <dd>{shown.seats}</dd>
          </div>
        )}
        <div>
          <dt>{t('panel.customer')}</dt>
          <dd>
            {shown.customer.erased ? (
              <span className="block muted">{t('panel.erased')}</span>
            ) : (
              <>
                <span className="block">{shown.customer.name}</span>
                <a className="block" href={`mailto:${shown.customer.email}`}>
                  {shown.customer.email}
                </a>
              </>
            )}
            {shown.customer.phone && (
              <a className="block" href={`tel:${shown.customer.phone.replace(/[^+\d]/g, '')}`}>
                {shown.customer.phone}
              </a>
            )}
          </dd>
        </div>
        {hasNotes && (
          <div data-testid="panel-notes">
            <dt>{t('panel.notes')}</dt>
            <dd className="notes-text">{detail.notes}</dd>
          </div>
        )}
      </dl>

      {message && (
        <p className={message.kind === 'error' ? 'notice notice-error' : 'notice notice-success'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}

      {mode === 'view' && actions.length > 0 && (
        <div className="actions booking-actions">
          {actions.includes('approve') && (
            <button type="button" className="button-primary" disabled={busy} onClick={() => void act({ kind: 'approve' }, t('panel.done.approved'))}>
              {t('actions.approve')}
            </button>
          )}
          {actions.includes('decline') && (
            <button type="button" className="button-secondary" disabled={busy} onClick={() => setMode('decline')}>
              {t('actions.decline')}
            </button>
          )}
          {actions.includes('complete') && (
            <button type="button" className="button-primary" disabled={busy} onClick={() => void act({ kind: 'complete' }, t('panel.done.completed'))}>
              {t('actions.complete')}
            </button>
          )}
          {actions.includes('no-show') && (
            <button type="button" className="button-secondary" disabled={busy} onClick={() => void act({ kind: 'no-show' }, t('panel.done.noShow'))}>
              {t('actions.noShow')}
            </button>
          )}
          {actions.includes('reschedule') && (
            <button type="button" className="button-secondary" disabled={busy} onClick={() => setMode('reschedule')}>
              {t('actions.reschedule')}
            </button>
          )}
          {actions.includes('cancel') && (
            <button type="button" className="button-danger" disabled={busy} onClick={() => setMode('cancel')}>
              {t('actions.cancelBooking')}
            </button>
          )}
        </div>
      )}

      {(mode === 'decline' || mode === 'cancel') && (
        <ReasonForm
          kind={mode}
          busy={busy}
          onBack={() => setMode('view')}
          onSubmit={(reason) =>
            void act({ kind: mode, reason }, mode === 'cancel' ? t('panel.done.cancelled') : t('panel.done.declined'))
          }
        />
      )}

      {mode === 'reschedule' && (
        <RescheduleForm
          booking={shown}
          zone={zone}
          orgSlug={orgSlug}
          busy={busy}
          onBack={() => setMode('view')}
          onPick={(start, staffId) => void act({ kind: 'reschedule', start, staffId, timeZone: zone }, t('panel.done.rescheduled'))}
        />
      )}

      <section className="booking-history" aria-labelledby="history-heading">
        <h3 id="history-heading">{t('panel.history')}</h3>
        {loadError ? (
          <p className="notice notice-error" role="alert">
            {loadError}
          </p>
        ) : detail === null ? (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        ) : detail.history.length === 0 ? (
          <p className="muted">{t('panel.noHistory')}</p>
        ) : (
          <ol className="history-list">
            {detail.history.map((h) => (
              <li key={`${h.at}-${h.type}`}>
                <span className="history-when">{formatDateTime(h.at, zone, locale)}</span>{' '}
                <span className="history-what">{HISTORY_EVENTS.has(h.type) ? t(`history.${h.type}`) : h.type}</span>
                {h.actor && <span className="muted"> · {HISTORY_ACTORS.has(h.actor) ? t(`actors.${h.actor}`) : h.actor}</span>}
                {h.note && <span className="block muted">{h.note}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </Dialog>
  );
}

function ReasonForm({ kind, busy, onBack, onSubmit }: { kind: 'decline' | 'cancel'; busy: boolean; onBack(): void; onSubmit(reason: string | null): void }) {
  const { t } = useLocale('desk');
  const id = useId();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(reason.trim() || null);
  };
  return (
    <form className="form reason-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{kind === 'cancel' ? t('panel.cancelReason') : t('panel.declineReason')}</label>
        <textarea id={id} rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      </div>
      <div className="actions">
        <button type="submit" className="button-danger" disabled={busy}>
          {kind === 'cancel' ? t('actions.confirmCancel') : t('actions.confirmDecline')}
        </button>
        <button type="button" className="button-secondary" onClick={onBack}>
          {t('common.back')}
        </button>
      </div>
    </form>
  );
}
