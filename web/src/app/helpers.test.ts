import { describe, expect, it } from 'vitest';
import { safeNext } from './auth/next-page';
import { describeDevice } from './format';
import { embedSnippet } from './settings/embed';
import { parseOrigins } from './settings/origins';
import { draftOf, timeoutsOf } from './settings/session-timeouts';
import { wholeNumberIn } from './settings/whole-number';
import { dayOf, endOfDay } from './users/members';

describe('staff app helpers', () => {
  it('after sign-in goes back only to a page of the app', () => {
    expect(safeNext('/app/users')).toBe('/app/users');
    expect(safeNext('/app/setup/hours?staff=ana')).toBe('/app/setup/hours?staff=ana');
    for (const bad of ['https://evil.example/app', '//evil.example', '/app//evil.example', '/application', '/app/../book', 'javascript:alert(1)', null]) expect(safeNext(bad), String(bad)).toBeNull();
  });

  it('cleans the embedding origins the way the server wants them, and names the ones it would refuse', () => {
    expect(parseOrigins(' https://Shop.example.com/\n\nhttps://shop.example.com, https://www.example.org:8443 ')).toEqual({
      origins: ['https://shop.example.com', 'https://www.example.org:8443'],
      invalid: [],
    });
    expect(parseOrigins('http://shop.example.com\nhttps://shop.example.com/book\n*.example.com').invalid).toEqual(['http://shop.example.com', 'https://shop.example.com/book', '*.example.com']);
  });

  it('builds an embed snippet whose attributes cannot be broken out of', () => {
    expect(embedSnippet('https://book.example', 'studio-mia', 'Book "now" <here>')).toBe(
      '<iframe src="https://book.example/book/studio-mia" title="Book &quot;now&quot; &lt;here>" width="100%" height="820" loading="lazy"></iframe>',
    );
  });

  it('turns an access end date into the end of that day and back', () => {
    const end = endOfDay('2027-03-31');
    expect(end).not.toBeNull();
    expect(dayOf(end)).toBe('2027-03-31');
    expect(new Date(end ?? '').getHours()).toBe(23);
    expect(endOfDay('31/03/2027')).toBeNull();
    expect(dayOf(null)).toBe('');
  });

  it('names a device from its browser', () => {
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0')).toEqual({ browser: 'Edge', system: 'Windows' });
    expect(describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toEqual({ browser: 'Safari', system: 'iOS' });
    expect(describeDevice(null)).toEqual({ browser: null, system: null });
  });

  it('accepts only whole numbers within bounds in the settings, and sends session limits only when every role is valid', () => {
    expect(wholeNumberIn(' 15 ', 5, 60)).toBe(15);
    for (const bad of ['4', '61', '10.5', '-5', '', 'ten', '1e1']) expect(wholeNumberIn(bad, 5, 60), bad).toBeNull();
    const limits = { idleMinutes: 15, absoluteHours: 12 };
    const draft = draftOf({ owner: limits, admin: limits, staff: { idleMinutes: 5, absoluteHours: 8 }, receptionist: limits, auditor: limits });
    expect(timeoutsOf(draft)?.staff).toEqual({ idleMinutes: 5, absoluteHours: 8 });
    expect(timeoutsOf({ ...draft, auditor: { idleMinutes: '15', absoluteHours: '25' } })).toBeNull();
  });
});
