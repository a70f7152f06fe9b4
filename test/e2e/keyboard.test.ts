import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations, visitor } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT_MS, liveServerAndBrowser } from './support/live.js';
import { NOW, managed } from './support/server.js';

interface Focused {
  tag: string;
  id: string;
  text: string;
  date: string | null;
  start: string | null;
  outline: string;
}

const FOCUSED = `(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return { tag: el.tagName, id: el.id, text: el.textContent.trim(), date: el.dataset.date || null, start: el.dataset.start || null,
    outline: style.outlineStyle + ' ' + style.outlineWidth };
})()`;

/** Presses Tab until the focused element is the one wanted; fails when it never comes. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string): Promise<Focused> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const f = (await page.evaluate(FOCUSED)) as Focused;
    if (wanted(f)) {
      expect(f.outline, `visible focus on ${what}`).toBe('solid 3px');
      return f;
    }
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('keyboard only', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const live = liveServerAndBrowser();

  it('a customer books end to end with Tab, Enter and Space, choosing Tokyo time from the zone search, focus always visible', async () => {
    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    const { page } = v;
    await page.goto(`${live.server.base}/book/shop`);
    await page.getByRole('heading', { name: 'Choose a service' }).waitFor();

    await tabTo(page, (f) => f.text.startsWith('Haircut'), 'the Haircut service');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Who would you like to see?' }).waitFor();
    expect(((await page.evaluate(FOCUSED)) as Focused).text, 'focus follows to the next step').toBe('Who would you like to see?');
    await tabTo(page, (f) => f.text.startsWith('Anyone available'), 'anyone available');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Pick a day and time' }).waitFor();
    await tabTo(page, (f) => f.text === 'Change time zone', 'the time zone switch');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'INPUT', 'the time zone search');
    await page.keyboard.type('tokyo');
    await page.keyboard.press('Enter');
    await page.getByText('Times are shown in Tokyo time').waitFor();

    await tabTo(page, (f) => f.date === '2027-03-02', 'Tuesday 2 March');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Free times on Tuesday, 2 March 2027' }).waitFor();
    await tabTo(page, (f) => f.start === '2027-03-02T17:30:00+09:00', '17:30');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await tabTo(page, (f) => f.id === 'name', 'the name field');
    await page.keyboard.type('Kim Keyboard');
    await tabTo(page, (f) => f.id === 'email', 'the email field');
    await page.keyboard.type('kim@example.com');
    await tabTo(page, (f) => f.id === 'consent', 'the consent box');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.text === 'Book now', 'the book button');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'You are booked' }).waitFor();
    await tabTo(page, (f) => f.text === 'Add to calendar (.ics)', 'add to calendar');
    await tabTo(page, (f) => f.text === 'Manage my booking', 'the manage link');
    const token = ((await page.getByTestId('manage-link').getAttribute('href')) ?? '').split('#')[1] ?? '';
    expect((await managed(live.server, token)).booking).toMatchObject({ start: '2027-03-02T17:30:00+09:00', timeZone: 'Asia/Tokyo', customer: { name: 'Kim Keyboard' } });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(v.problems).toEqual([]);
    await v.context.close();
  });
});
