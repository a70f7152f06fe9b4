/** The booking form's fields and the checks the browser makes before sending them. */
export interface DetailsInput {
  name: string;
  email: string;
  phone: string;
  notes: string;
  consent: boolean;
}

export type DetailsField = keyof DetailsInput;

/** Translation keys of the problems found, by field. */
export type DetailsErrors = Partial<Record<DetailsField, string>>;

const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;

export const emptyDetails: DetailsInput = { name: '', email: '', phone: '', notes: '', consent: false };

export function checkDetails(d: DetailsInput): DetailsErrors {
  const errors: DetailsErrors = {};
  const name = d.name.trim();
  if (!name) errors.name = 'validation.nameRequired';
  else if (name.length > 200) errors.name = 'validation.nameTooLong';
  const email = d.email.trim();
  if (!email) errors.email = 'validation.emailRequired';
  else if (email.length > 254 || !EMAIL.test(email)) errors.email = 'validation.emailInvalid';
  if (d.phone.trim() && !PHONE.test(normalizePhone(d.phone))) errors.phone = 'validation.phoneInvalid';
  if (d.notes.length > 2000) errors.notes = 'validation.notesTooLong';
  if (!d.consent) errors.consent = 'validation.consentRequired';
  return errors;
}

export function normalizePhone(phone: string): string {
  return phone.replace(/[\s().-]/g, '');
}

/** The form field an API detail path points at (`customer.email` -> `email`). */
export function fieldOfPath(path: string | undefined): DetailsField | null {
  const last = (path ?? '').split('.').pop();
  if (last === 'name' || last === 'email' || last === 'phone' || last === 'notes') return last;
  if (path?.startsWith('consent')) return 'consent';
  return null;
}
