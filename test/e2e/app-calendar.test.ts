import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/security/mfa/totp.js';
import { type TestUser, addUser } from '../support/accounts.js';
import { SCREENSHOTS, type Visitor, screenshot, visitor } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT_MS, expectClean, liveServerAndBrowser } from './support/live.js';
import { type E2eServer, NOW, bookDirectly } from './support/server.js';

const HEALTH_NOTE = 'Allergic to latex; recovering from a shoulder operation';

/** A session cookie for a user, signed in through the API as a browser would, same origin. */
async function apiSession(server: E2eServer, user: TestUser) {
  const headers = { origin: server.base };
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email: user.email, password: user.password } });
  expect(res.statusCode, res.body).toBe(200);
  const raw = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('sg_session='));
  expect(raw, res.body).toBeDefined();
  return { cookie: (raw ?? '').split(';')[0] ?? '', csrf: res.json().csrfToken as string };
}

/** Enrols an authenticator app for the user through the API and returns its secret. */
async function enrolTotp(server: E2eServer, user: TestUser): Promise<string> {
  const { cookie, csrf } = await apiSession(server, user);
  const headers = { origin: server.base, cookie, 'x-csrf-token': csrf };
  const started = await server.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/totp', headers, payload: {} });
  expect(started.statusCode, started.body).toBe(200);
  const { secret, factorId } = started.json() as { secret: string; factorId: string };
  const code = totpCode(secret, server.rt.clock.now());
  const confirmed = await server.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/totp/confirm', headers, payload: { factorId, code } });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  // A code works once per 30-second step: the sign-in in the browser needs the next one.
  server.rt.clock.advance(60_000);
  return secret;
}

/** Signs in on the app's sign-in page: password, then the authenticator code when one is asked for. */
async function signInInBrowser(v: Visitor, server: E2eServer, user: TestUser, totpSecret: string | null): Promise<void> {
  const { page } = v;
  await page.goto(`${server.base}/app/calendar`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.locator('form').filter({ has: page.getByLabel('Email') }).locator('button[type="submit"]').click();
  if (totpSecret) {
    const codeInput = page.locator('input[autocomplete="one-time-code"]');
    await codeInput.waitFor();
    await codeInput.fill(totpCode(totpSecret, server.rt.clock.now()));
    await codeInput.press('Enter');
  }
  await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
}

/** The days the public booking page offers for a haircut with Ana in March 2027; the page stays on that month. */
async function bookableDays(page: Page, server: E2eServer): Promise<Set<string>> {
  await page.goto(`${server.base}/book/shop`);
  await page
    .getByRole('button', { name: /Haircut/ })
    .click()
    .catch(async (e: unknown) => {
      throw new Error(`${String(e)}\nThe page showed: ${await page.locator('body').innerText()}`);
    });
  await page.getByRole('button', { name: 'Ana', exact: true }).click();
  await page.locator('.day-times button.time').first().waitFor();
  const days = await page.locator('button.day[data-date]:not([disabled])').evaluateAll((els) => els.map((e) => e.getAttribute('data-date') ?? ''));
  return new Set(days);
}

describe('the staff calendar and setup pages in a real browser', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const live = liveServerAndBrowser();

  it('an admin signs in with a password and an authenticator code, sets working hours and a day off, and the booking page follows', async () => {
    const server = live.server;
    const admin = await addUser(server.rt, 'shop', 'admin', 'ada@example.com');
    const secret = await enrolTotp(server, admin);

    const customer = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    const before = await bookableDays(customer.page, server);
    expect(before.has('2027-03-12')).toBe(true);
    expect(before.has('2027-03-06')).toBe(false);

    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    await signInInBrowser(v, server, admin, secret);
    await expectClean(v);

    const { page } = v;
    await page.getByRole('link', { name: 'Hours', exact: true }).click();
    await page.getByRole('heading', { name: 'Weekly hours of Ana' }).waitFor();
    const saturday = page.locator('.weekday-row[data-weekday="6"]');
    await expect(saturday.textContent()).resolves.toContain('Day off');
    await saturday.getByRole('button', { name: /Add working hours/ }).click();
    await saturday.getByLabel('Saturday, interval 1, from').fill('10:00');
    await saturday.getByLabel('Saturday, interval 1, until').fill('14:00');
    // An overlapping second interval is refused on the page before anything is sent.
    await saturday.getByRole('button', { name: /Add hours after a break/ }).click();
    await saturday.getByLabel('Saturday, interval 2, from').fill('13:00');
    await expect(saturday.textContent()).resolves.toContain('This overlaps another interval of the day.');
    expect(await page.getByRole('button', { name: 'Save working hours' }).isDisabled()).toBe(true);
    await saturday.getByRole('button', { name: 'Remove Saturday, interval 2' }).click();
    await page.getByRole('button', { name: 'Save working hours' }).click();
    await page.getByRole('status').filter({ hasText: 'Working hours saved' }).waitFor();

    await page.getByLabel('Date', { exact: true }).fill('2027-03-12');
    await page.getByLabel('Day off', { exact: true }).check();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('.override-list li[data-date="2027-03-12"]').waitFor();
    await expect(page.locator('.override-list').textContent()).resolves.toContain('Friday, 12 March 2027Day off');
    await expectClean(v);
    await screenshot(page, 'app-hours-en');

    const saved = await server.app.inject({ method: 'GET', url: `/api/v1/orgs/shop/services/${server.shop.haircut.id}/slots?from=2027-03-06&to=2027-03-12&timeZone=Europe/Berlin&staffId=${server.shop.staff.ana}` });
    const starts = (saved.json() as { slots: { start: string }[] }).slots.map((s) => s.start);
    expect(starts).toContain('2027-03-06T10:00:00+01:00');
    expect(starts).toContain('2027-03-06T13:30:00+01:00');
    expect(starts).not.toContain('2027-03-06T14:00:00+01:00');
    expect(starts.filter((s) => s.startsWith('2027-03-12'))).toEqual([]);

    const after = await bookableDays(customer.page, server);
    expect(after.has('2027-03-06')).toBe(true);
    expect(after.has('2027-03-12')).toBe(false);
    await customer.page.locator('button[data-date="2027-03-06"]').click();
    await customer.page.getByRole('heading', { name: /Saturday, 6 March 2027/ }).waitFor();
    expect(await customer.page.locator('.day-times button.time').allTextContents()).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30']);
    expect([...v.problems, ...customer.problems]).toEqual([]);
    await Promise.all([v.context.close(), customer.context.close()]);
  });

  it('a receptionist opens a booking with health notes: neither the page nor the API answer carries them', async () => {
    const server = live.server;
    const booked = await bookDirectly(server, '2027-03-03T11:00:00+01:00', { notes: HEALTH_NOTE, customer: { name: 'Nora Notes', email: 'nora@example.com' } });
    const receptionist = await addUser(server.rt, 'shop', 'receptionist', 'rita@example.com');

    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    await signInInBrowser(v, server, receptionist, null);
    const { page } = v;
    const block = page.locator(`button[data-booking-id="${booked.booking.id}"]`);
    await block.waitFor();
    const detail = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/org/bookings/${booked.booking.id}`);
    await block.click();
    const answer = (await (await detail).json()) as Record<string, unknown>;
    expect(answer.customer).toMatchObject({ name: 'Nora Notes' });
    expect('notes' in answer).toBe(false);
    expect(JSON.stringify(answer)).not.toContain('Allergic');

    const panel = page.getByRole('dialog', { name: 'Booking for Nora Notes' });
    await panel.getByRole('heading', { name: 'History' }).waitFor();
    await panel.locator('.history-list').waitFor();
    expect(await panel.getByTestId('panel-notes').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('Allergic');
    // A receptionist still books for anyone: the actions for a confirmed booking are offered.
    expect(await panel.getByRole('button', { name: 'Reschedule' }).count()).toBe(1);
    await expectClean(v);
    await v.context.close();
  });

  it('the week view shows the team’s bookings by status; an admin approves a pending one and sees the notes', async () => {
    const server = live.server;
    const { shop } = server;
    const withNotes = await bookDirectly(server, '2027-03-02T09:00:00+01:00', { notes: HEALTH_NOTE, customer: { name: 'Hanna Health', email: 'hanna@example.com' } });
    await bookDirectly(server, '2027-03-02T09:00:00+01:00', { staffId: shop.staff.ben, customer: { name: 'Ben’s Guest', email: 'guest@example.com' } });
    await bookDirectly(server, '2027-03-04T14:00:00+01:00', { serviceId: shop.colour.id, customer: { name: 'Carla Colour', email: 'carla@example.com' } });
    const pending = await bookDirectly(server, '2027-03-05T10:00:00+01:00', {
      serviceId: shop.consult.id,
      staffId: shop.staff.ben,
      customer: { name: 'Paul Pending', email: 'paul@example.com' },
    });
    const admin = await addUser(server.rt, 'shop', 'admin', 'adam@example.com');
    const secret = await enrolTotp(server, admin);

    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW, viewport: { width: 1280, height: 900 } });
    await signInInBrowser(v, server, admin, secret);
    const { page } = v;
    await page.getByRole('heading', { name: /1\s*–\s*7 March 2027/ }).waitFor();
    await expect(page.locator('.calendar-zone').textContent()).resolves.toContain('Times are shown in Berlin time');
    const pendingBlock = page.locator(`button[data-booking-id="${pending.booking.id}"]`);
    await pendingBlock.waitFor();
    await expect(pendingBlock.textContent()).resolves.toContain('Awaiting approval');
    expect(await pendingBlock.getAttribute('class')).toContain('booking-status-pending');
    // Both 09:00 bookings on Tuesday share the day column side by side.
    const tuesday = page.locator('.time-grid-col', { has: page.getByRole('heading', { name: 'Tue 2' }) });
    expect(await tuesday.locator('.grid-booking.span-6').count()).toBe(2);
    await expect(page.locator('.status-legend').textContent()).resolves.toContain('Awaiting approval');
    await expectClean(v);
    await screenshot(page, 'calendar-week');
    // The README shows this one (docs/screenshots/calendar-week.png, copied by hand when the page changes).
    await page.locator('main').screenshot({ path: join(SCREENSHOTS, 'calendar-week.png') });

    await pendingBlock.click();
    const panel = page.getByRole('dialog', { name: 'Booking for Paul Pending' });
    await panel.getByRole('button', { name: 'Approve' }).click();
    await panel.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
    // The message shows when the action answers; the badge and the week follow their reloads.
    await panel.locator('.booking-badge', { hasText: 'Confirmed' }).waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.locator(`button[data-booking-id="${pending.booking.id}"]`, { hasText: 'Confirmed' }).waitFor();

    await page.locator(`button[data-booking-id="${withNotes.booking.id}"]`).click();
    const notes = page.getByRole('dialog', { name: 'Booking for Hanna Health' }).getByTestId('panel-notes');
    await notes.waitFor();
    await expect(notes.textContent()).resolves.toContain(HEALTH_NOTE);
    expect(v.problems).toEqual([]);
    await v.context.close();
  });
});

