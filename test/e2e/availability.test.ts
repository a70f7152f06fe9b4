import { describe, expect, it } from 'vitest';
import { type Visitor, screenshot, seriousA11yViolations, visitor } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT_MS, expectClean, liveServerAndBrowser } from './support/live.js';
import { NOW, bookDirectly } from './support/server.js';

/** Without live updates the page asks for free times every 20 seconds; the browser's fake clock jumps past that. */
const PAST_ONE_POLL_MS = 25_000;
/** The server checks every second; a change shows on an open page well within this. */
const LIVE_WITHIN_MS = 5_000;

describe('live availability in a real browser', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const live = liveServerAndBrowser();

  const berliner = () => visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });

  /** Haircut with Ana, on one day: the page a customer has open before choosing a time. */
  async function openDay(v: Visitor, date: string): Promise<void> {
    await v.page.goto(`${live.server.base}/book/shop`);
    await v.page.getByRole('button', { name: /Haircut/ }).click();
    await v.page.getByRole('button', { name: 'Ana', exact: true }).click();
    await v.page.locator(`button[data-date="${date}"]`).click();
    await v.page.locator('.day-times button.time').first().waitFor();
  }

  const timeButton = (v: Visitor, start: string) => v.page.locator(`.day-times button.time[data-start="${start}"]`);

  it('two browsers race for one slot: one keeps it, the other is told it was just taken and offered the nearest times', async () => {
    const a = await berliner();
    const b = await berliner();
    await Promise.all([openDay(a, '2027-03-04'), openDay(b, '2027-03-04')]);
    const wanted = '2027-03-04T10:00:00+01:00';
    await Promise.all([timeButton(a, wanted).click(), timeButton(b, wanted).click()]);

    const outcome = async (v: Visitor) => {
      await v.page.locator('h2:text("Your details"), [role="alert"]:has-text("was just taken")').first().waitFor();
      return (await v.page.getByRole('heading', { name: 'Your details' }).count()) === 1 ? 'won' : 'lost';
    };
    const results = await Promise.all([outcome(a), outcome(b)]);
    expect([...results].sort()).toEqual(['lost', 'won']);
    const loser = results[0] === 'lost' ? a : b;

    const alert = loser.page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('Sorry, Thursday, 4 March 2027 at 10:00 was just taken by someone else.');
    expect(await alert.getByRole('button').allTextContents()).toEqual([
      'Thursday, 4 March 2027 at 09:00',
      'Thursday, 4 March 2027 at 09:30',
      'Thursday, 4 March 2027 at 10:30',
    ]);
    expect(await seriousA11yViolations(loser.page)).toEqual([]);
    await screenshot(loser.page, 'book-5-just-taken-en');

    await alert.getByRole('button', { name: 'Thursday, 4 March 2027 at 10:30' }).click();
    await loser.page.getByRole('heading', { name: 'Your details' }).waitFor();
    await expect(loser.page.getByTestId('summary-when').textContent()).resolves.toBe('Thursday, 4 March 2027 at 10:30 – 11:00');
    expect([...a.problems, ...b.problems]).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('a time someone else books disappears from an open page within seconds, told by the server (no poll)', async () => {
    const v = await berliner();
    const stream = v.page.waitForResponse((r) => r.url().endsWith(`/services/${live.server.shop.haircut.id}/availability/events`));
    await openDay(v, '2027-03-05');
    expect((await stream).status()).toBe(200);
    const start = '2027-03-05T11:00:00+01:00';
    await timeButton(v, start).waitFor();

    // The page polls only every 20 s of its clock (and the live page only every 60 s): gone well before.
    await bookDirectly(live.server, start);
    await timeButton(v, start).waitFor({ state: 'detached', timeout: LIVE_WITHIN_MS });
    expect(await timeButton(v, '2027-03-05T11:30:00+01:00').count()).toBe(1);
    await expectClean(v);
    await v.context.close();
  });

  it('a hidden tab closes its stream, and shows what changed meanwhile when it comes back', async () => {
    const v = await berliner();
    await openDay(v, '2027-03-15');
    const start = '2027-03-15T11:00:00+01:00';
    await timeButton(v, start).waitFor();
    // Run in the page as text (the test's TypeScript has no DOM library), as a browser hiding the tab would.
    const setVisibility = (state: 'hidden' | 'visible') =>
      v.page.evaluate(
        `Object.defineProperty(document, 'visibilityState', { value: '${state}', configurable: true }); document.dispatchEvent(new Event('visibilitychange'));`,
      );

    const closed = v.page.waitForEvent('requestfailed', (r) => r.url().endsWith('/availability/events'));
    await setVisibility('hidden');
    await closed;
    await bookDirectly(live.server, start);
    await v.page.waitForTimeout(2_000);
    expect(await timeButton(v, start).count()).toBe(1);

    const reopened = v.page.waitForResponse((r) => r.url().endsWith('/availability/events'));
    await setVisibility('visible');
    await timeButton(v, start).waitFor({ state: 'detached', timeout: LIVE_WITHIN_MS });
    expect((await reopened).status()).toBe(200);
    await expectClean(v);
    await v.context.close();
  });

  it('a time held elsewhere goes, and comes back when the hold lapses on the server clock alone', async () => {
    const v = await berliner();
    await openDay(v, '2027-03-10');
    const start = '2027-03-10T15:00:00+01:00';
    await timeButton(v, start).waitFor();
    const held = await live.server.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/shop/holds',
      payload: { serviceId: live.server.shop.haircut.id, start, staffId: live.server.shop.staff.ana, timeZone: 'Europe/Berlin' },
    });
    expect(held.statusCode).toBe(201);
    await timeButton(v, start).waitFor({ state: 'detached', timeout: LIVE_WITHIN_MS });

    live.server.rt.clock.advance(11 * 60_000); // the 10-minute hold lapses
    await timeButton(v, start).waitFor({ timeout: LIVE_WITHIN_MS });
    await expectClean(v);
    await v.context.close();
  });

  it('without EventSource the page polls: a taken time disappears at the next poll', async () => {
    const v = await berliner();
    await v.context.addInitScript({ content: 'delete window.EventSource;' });
    let streams = 0;
    v.page.on('request', (r) => {
      if (r.url().includes('/availability/events')) streams += 1;
    });
    await openDay(v, '2027-03-11');
    const start = '2027-03-11T11:00:00+01:00';
    await timeButton(v, start).waitFor();

    await bookDirectly(live.server, start);
    await v.page.waitForTimeout(1_500);
    expect(await timeButton(v, start).count()).toBe(1);
    await v.page.clock.fastForward(PAST_ONE_POLL_MS);
    await timeButton(v, start).waitFor({ state: 'detached' });
    expect(await timeButton(v, '2027-03-11T11:30:00+01:00').count()).toBe(1);
    expect(streams).toBe(0);
    expect(v.problems).toEqual([]);
    await v.context.close();
  });

  it('going back from the details form gives the held time back at once', async () => {
    const v = await berliner();
    await openDay(v, '2027-03-09');
    const start = '2027-03-09T15:00:00+01:00';
    await timeButton(v, start).click();
    await v.page.getByRole('heading', { name: 'Your details' }).waitFor();
    // Held for this customer: nobody else can take it now.
    await expect(bookDirectly(live.server, start)).rejects.toThrow(/409/);

    const released = v.page.waitForResponse((r) => r.url().endsWith('/api/v1/orgs/shop/holds/release'));
    await v.page.getByRole('button', { name: 'Back', exact: true }).click();
    expect((await released).status()).toBe(204);
    await v.page.locator('button[data-date="2027-03-09"]').click();
    await timeButton(v, start).waitFor();
    expect((await bookDirectly(live.server, start)).booking.start).toBe(start);
    expect(v.problems).toEqual([]);
    await v.context.close();
  });

  it('a held time that expired and went to someone else sends the customer back to pick again', async () => {
    const v = await berliner();
    await openDay(v, '2027-03-08');
    const start = '2027-03-08T14:00:00+01:00';
    await timeButton(v, start).click();
    await v.page.getByRole('heading', { name: 'Your details' }).waitFor();

    live.server.rt.clock.advance(11 * 60_000); // the 10-minute hold lapses
    await bookDirectly(live.server, start);

    await v.page.getByLabel('Name').fill('Sam Late');
    await v.page.getByLabel('Email').fill('sam@example.com');
    await v.page.getByLabel(/I have read the privacy notice/).check();
    await v.page.getByRole('button', { name: 'Book now' }).click();

    const alert = v.page.getByRole('alert');
    // The picker comes back with the alert at once and its nearest times once the free times are in.
    await alert.getByRole('button').first().waitFor();
    await expect(alert.textContent()).resolves.toContain('Monday, 8 March 2027 at 14:00 was just taken');
    expect(await alert.getByRole('button').allTextContents()).toEqual([
      'Monday, 8 March 2027 at 13:00',
      'Monday, 8 March 2027 at 13:30',
      'Monday, 8 March 2027 at 14:30',
    ]);
    expect(await timeButton(v, start).count()).toBe(0);
    expect(v.problems).toEqual([]);
    await v.context.close();
  });
});

describe('live availability refused by the server', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  // No stream for anyone: every page is refused with 429 and must poll.
  const live = liveServerAndBrowser({ liveAvailability: { maxStreamsPerClient: 0 } });

  it('a page whose stream is refused (429) polls instead: a taken time disappears at the next poll', async () => {
    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    const refused = v.page.waitForResponse((r) => r.url().endsWith('/availability/events'));
    await v.page.goto(`${live.server.base}/book/shop`);
    await v.page.getByRole('button', { name: /Haircut/ }).click();
    await v.page.getByRole('button', { name: 'Ana', exact: true }).click();
    await v.page.locator('button[data-date="2027-03-12"]').click();
    expect((await refused).status()).toBe(429);
    const start = '2027-03-12T11:00:00+01:00';
    const time = v.page.locator(`.day-times button.time[data-start="${start}"]`);
    await time.waitFor();

    await bookDirectly(live.server, start);
    await v.page.clock.fastForward(PAST_ONE_POLL_MS);
    await time.waitFor({ state: 'detached' });
    // Chromium logs the refused stream, as it logs every refusal; nothing else went wrong (no CSP violation).
    expect(v.problems).toEqual(['console error: Failed to load resource: the server responded with a status of 429 (Too Many Requests)']);
    expect(await seriousA11yViolations(v.page)).toEqual([]);
    await v.context.close();
  });
});
