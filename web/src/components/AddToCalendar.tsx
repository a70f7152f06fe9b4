import type { Booking } from '../api/types';
import { buildIcs } from '../lib/ics';
import { useLocale } from './useLocale';

/** Downloads an .ics file made here in the browser from the booking the API returned. */
export function AddToCalendar({ booking, orgName, manageUrl }: { booking: Booking; orgName: string; manageUrl: string | null }) {
  const { t } = useLocale();
  const download = () => {
    const ics = buildIcs({
      uid: `${booking.id}@slotguard`,
      start: booking.start,
      end: booking.end,
      summary: t('ics.summary', { service: booking.service.name, business: orgName }),
      description: [t('ics.with', { staff: booking.staff.name }), manageUrl ? t('ics.manage', { url: manageUrl }) : ''].filter(Boolean).join('\n'),
      ...(manageUrl ? { url: manageUrl } : {}),
    });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${booking.service.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'appointment'}.ics`;
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" className="button-secondary" onClick={download}>
      {t('confirm.addToCalendar')}
    </button>
  );
}
