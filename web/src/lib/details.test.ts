import { describe, expect, it } from 'vitest';
import { checkDetails, emptyDetails, fieldOfPath } from './details';

describe('booking form checks', () => {
  it('asks for a name, a valid email and consent; the phone only when given, in international form', () => {
    expect(checkDetails(emptyDetails)).toEqual({
      name: 'validation.nameRequired',
      email: 'validation.emailRequired',
      consent: 'validation.consentRequired',
    });
    const good = { name: 'Mia', email: 'mia@example.com', phone: '', notes: '', consent: true };
    expect(checkDetails(good)).toEqual({});
    expect(checkDetails({ ...good, email: 'mia@' }).email).toBe('validation.emailInvalid');
    expect(checkDetails({ ...good, phone: '030 1234567' }).phone).toBe('validation.phoneInvalid');
    expect(checkDetails({ ...good, phone: '+49 (30) 123-4567' })).toEqual({});
  });

  it('maps the API detail paths to form fields', () => {
    expect(fieldOfPath('customer.email')).toBe('email');
    expect(fieldOfPath('notes')).toBe('notes');
    expect(fieldOfPath('consent.privacyNoticeVersion')).toBe('consent');
    expect(fieldOfPath('start')).toBeNull();
  });
});
