import type { Copy, CopyValues, MessageCopy } from './copy.js';

const booking = (subject: string, lead: (v: CopyValues) => string, sms: (v: CopyValues) => string, action: string | null = 'Manage your booking') =>
  (v: CopyValues): MessageCopy => ({
    subject: `${subject}: ${v.service} – ${v.org}`,
    greeting: `Hello ${v.name},`,
    paragraphs: [lead(v), `${v.service}${v.staff ? ` with ${v.staff}` : ''}\n${v.when}`],
    actionLabel: action,
    sms: sms(v),
  });

/** To the staff member: service, time and the customer's first name only (no notes, no contact). */
const staffNotice = (subject: string, lead: (v: CopyValues) => string) =>
  (v: CopyValues): MessageCopy => ({
    subject: `${subject}: ${v.service}, ${v.when} – ${v.org}`,
    greeting: v.staff ? `Hello ${v.staff},` : 'Hello,',
    paragraphs: [lead(v), `${v.service}${v.name ? ` – ${v.name}` : ''}\n${v.when}`, 'The staff app has the rest; this message leaves it out on purpose.'],
    actionLabel: null,
    sms: `${lead(v)} ${v.service}${v.name ? `, ${v.name}` : ''}, ${v.when}.`,
  });

export const EN: Copy = {
  messages: {
    'booking.confirmed': booking(
      'Booking confirmed',
      (v) => `${v.org} has confirmed your appointment. The calendar file attached adds it to your calendar.`,
      (v) => `${v.org}: booking confirmed, ${v.service}, ${v.when}.`,
    ),
    'booking.request_received': booking(
      'Request received',
      (v) => `${v.org} has received your request. It is not confirmed yet: you will get another message when they decide.`,
      (v) => `${v.org}: request received (not yet confirmed), ${v.service}, ${v.when}.`,
    ),
    'booking.approved': booking(
      'Booking confirmed',
      (v) => `Good news: ${v.org} has accepted your request. The calendar file attached adds it to your calendar.`,
      (v) => `${v.org}: your request was accepted, ${v.service}, ${v.when}.`,
    ),
    'booking.declined': booking(
      'Request declined',
      (v) => `Sorry, ${v.org} could not accept your request. You can book another time on their booking page.`,
      (v) => `${v.org}: your request for ${v.service}, ${v.when}, was declined.`,
      null,
    ),
    'booking.rescheduled': booking(
      'Booking moved',
      (v) => `Your appointment with ${v.org} has moved. It was ${v.previousWhen}; the new time is below.`,
      (v) => `${v.org}: booking moved to ${v.when} (${v.service}).`,
    ),
    'booking.cancelled': booking(
      'Booking cancelled',
      (v) => `Your appointment with ${v.org} has been cancelled. The calendar file attached removes it from your calendar.`,
      (v) => `${v.org}: booking cancelled, ${v.service}, ${v.when}.`,
      null,
    ),
    'booking.cancelled_by_business': booking(
      'Booking cancelled by the business',
      (v) => `${v.org} has cancelled your appointment. The calendar file attached removes it from your calendar. Please contact them or book another time on their booking page.`,
      (v) => `${v.org} cancelled your booking: ${v.service}, ${v.when}.`,
      null,
    ),
    'booking.reminder': booking(
      'Reminder',
      (v) => `A reminder of your appointment with ${v.org}.`,
      (v) => `${v.org}: reminder, ${v.service}, ${v.when}.`,
    ),
    'booking.follow_up': booking(
      'Thank you for your visit',
      (v) => `Thank you for visiting ${v.org}. We hope everything went well; you can book your next appointment on their booking page.`,
      (v) => `${v.org}: thank you for your visit.`,
      null,
    ),
    'staff.booking_created': staffNotice(
      'New booking',
      (v) => `${v.org}: a new appointment was booked with you.`,
    ),
    'staff.booking_requested': staffNotice(
      'New request',
      (v) => `${v.org}: a customer asked for an appointment with you. It is not confirmed until the business accepts it.`,
    ),
    'staff.booking_rescheduled': staffNotice(
      'Booking moved',
      (v) => `${v.org}: an appointment with you has moved. It was ${v.previousWhen}; the new time is below.`,
    ),
    'staff.booking_cancelled': staffNotice(
      'Booking cancelled',
      (v) => `${v.org}: an appointment with you was cancelled.`,
    ),
    'security.code': (v) => ({
      subject: `${v.code} is your ${v.purpose} – ${v.org}`,
      greeting: v.name ? `Hello ${v.name},` : 'Hello,',
      paragraphs: [
        `${v.code} is your ${v.purpose}. It works once and expires in ${v.minutes} minutes.`,
        `Never share this code. ${v.org} staff will never ask you for it, by phone, email or chat. If you did not ask for it, ignore this message and consider changing your password.`,
      ],
      actionLabel: null,
      sms: `${v.code} is your ${v.org} ${v.purpose}. Staff will never ask for it. Expires in ${v.minutes} min.`,
    }),
    'security.notice': (v) => ({
      subject: `Security notice – ${v.org}`,
      greeting: v.name ? `Hello ${v.name},` : 'Hello,',
      paragraphs: [v.notice, 'If this was not you, sign in from the address you usually use (type it yourself) and change your password.'],
      actionLabel: null,
      sms: `${v.org} security notice: ${v.notice}`,
    }),
  },
  purposes: {
    sign_in: 'sign-in code',
    password_reset: 'password reset code',
    email_change: 'code to confirm your new email address',
    phone_change: 'code to confirm your new phone number',
    mfa: 'verification code',
  },
  footer: (v) => [
    `This message was sent by ${v.org} through Slotguard. We never ask for your password, one-time codes or payment card details by email, SMS or phone.`,
    `Genuine messages only link to ${v.host}. If in doubt, type that address yourself instead of following a link.`,
  ],
  antiPhishingPhrase: (phrase) => `Your anti-phishing phrase: "${phrase}". A security message without it is not from us.`,
  notesLabel: 'Your notes',
  reportLabel: 'Report a suspicious message',
};
