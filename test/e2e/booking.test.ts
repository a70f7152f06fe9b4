import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { screenshot, visitor } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT_MS, expectClean, liveServerAndBrowser } from './support/live.js';
import { NOW, managed } from './support/server.js';

describe('booking page in a real browser', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const live = liveServerAndBrowser();

  it('a customer in New York books in English and sees Berlin time noted, with inline validation, ICS and manage link', async () => {
    const v = await visitor(live.chromium, { locale: 'en-US', timezoneId: 'America/New_York', now: NOW });
    const { page } = v;
    await page.goto(`${live.server.base}/book/shop`);
    await page.getByRole('heading', { name: 'Choose a service' }).waitFor();
    expect(await page.title()).toBe('Book with Studio Mia');
    await expect(page.getByRole('button', { name: /Haircut/ }).textContent()).resolves.toContain('$35.00'.replace('$', '€'));
    await expectClean(v);
    await screenshot(page, 'book-1-services-en');

    await page.getByRole('button', { name: /Haircut/ }).click();
    await page.getByRole('heading', { name: 'Who would you like to see?' }).waitFor();
    await page.getByRole('button', { name: 'Ana', exact: true }).click();

    await page.getByRole('heading', { name: 'Pick a day and time' }).waitFor();
    await expect(page.locator('.zone').textContent()).resolves.toMatch(/shown in New York time.*Studio Mia is in Berlin/);
    await page.locator('button[data-date="2027-03-02"]').click();
    await page.getByRole('heading', { name: 'Free times on Tuesday, March 2, 2027' }).waitFor();
    const times = await page.locator('.day-times button.time').allTextContents();
    expect(times[0]).toBe('3:00 AM');
    await expectClean(v);
    await screenshot(page, 'book-2-calendar-en');

    await page.getByRole('button', { name: '4:00 AM', exact: true }).click();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await expect(page.getByTestId('summary-when').textContent()).resolves.toBe('Tuesday, March 2, 2027 at 4:00 AM – 4:30 AM');
    await expect(page.locator('.summary').textContent()).resolves.toContain('Tuesday, March 2, 2027 at 10:00 AM in Berlin');

    // Inline validation: nothing is sent until the form is right, and focus goes to the first problem.
    await page.getByRole('button', { name: 'Book now' }).click();
    await page.getByText('Please enter your name.').waitFor();
    await page.getByText('Please agree to the privacy notice to book.').waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('name');
    await page.getByLabel('Email').fill('mia@');
    await page.getByLabel('Email').blur();
    await page.getByText('Please enter a valid email address, such as name@example.com.').waitFor();
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectClean(v);
    await screenshot(page, 'book-3-details-errors-en');

    await page.getByLabel('Name').fill('Mia Muster');
    await page.getByLabel('Email').fill('mia@example.com');
    await page.getByLabel('Phone').fill('+1 212 555 0100');
    await page.getByLabel('Notes for the business').fill('Short on the sides, please');
    await expect(page.locator('.privacy').textContent()).resolves.toContain('Privacy notice (version 2027-01)');
    await page.getByLabel(/I have read the privacy notice/).check();
    await page.getByRole('button', { name: 'Book now' }).click();

    await page.getByRole('heading', { name: 'You are booked' }).waitFor();
    await expect(page.getByTestId('summary-when').textContent()).resolves.toBe('Tuesday, March 2, 2027 at 4:00 AM – 4:30 AM');
    const manageHref = (await page.getByTestId('manage-link').getAttribute('href')) ?? '';
    expect(manageHref.startsWith(`${live.server.base}/manage#`)).toBe(true);
    await expectClean(v);
    await screenshot(page, 'book-4-confirmation-en');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to calendar (.ics)' }).click()]);
    expect(download.suggestedFilename()).toBe('Haircut.ics');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(readFileSync(await download.path(), 'utf8'))).getFirstSubcomponent('vevent') ?? undefined);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-02T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-02T09:30:00.000Z');
    expect(event.summary).toBe('Haircut at Studio Mia');
    expect(event.description).toContain(manageHref);

    const stored = await managed(live.server, manageHref.split('#')[1] ?? '');
    expect(stored.booking).toMatchObject({
      start: '2027-03-02T04:00:00-05:00',
      timeZone: 'America/New_York',
      status: 'confirmed',
      staff: { name: 'Ana' },
      customer: { name: 'Mia Muster', email: 'mia@example.com', phone: '+12125550100' },
    });
    expect(v.problems).toEqual([]);
    await v.context.close();
  });

  it('a customer in Shanghai books in Chinese on a phone with "anyone", and can switch the page to English', async () => {
    const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
    const v = await visitor(live.chromium, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', now: NOW, ...phone });
    const { page } = v;
    await page.goto(`${live.server.base}/book/shop`);
    await page.getByRole('heading', { name: '选择服务' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await expect(page.getByRole('button', { name: /Haircut/ }).textContent()).resolves.toContain('30 分钟');
    await expectClean(v);
    await screenshot(page, 'book-1-services-zh');

    await page.getByRole('button', { name: /Haircut/ }).click();
    await page.getByRole('button', { name: /任意有空人员/ }).click();
    await page.getByRole('heading', { name: '选择日期和时间' }).waitFor();
    await expect(page.locator('.zone').textContent()).resolves.toMatch(/时间按 Shanghai 时间显示.*Studio Mia 位于 Berlin/);
    await page.locator('button[data-date="2027-03-03"]').click();
    await page.getByRole('heading', { name: '2027年3月3日星期三的可选时间' }).waitFor();
    expect((await page.locator('.day-times button.time').allTextContents())[0]).toBe('16:00');
    await expectClean(v);
    await screenshot(page, 'book-2-calendar-zh');
    expect(await page.evaluate('document.documentElement.scrollWidth'), 'no sideways scrolling on a phone').toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: '17:00', exact: true }).click();
    await page.getByRole('heading', { name: '您的信息' }).waitFor();
    await page.getByLabel('姓名').fill('王小明');
    await page.getByLabel('电子邮箱').fill('xiaoming@example.cn');
    const smsBox = page.getByLabel('同时通过短信向我发送预约确认和提醒');
    expect(await smsBox.count(), 'no SMS choice without a phone number').toBe(0);
    await page.getByLabel('电话').fill('+86 138 0013 8000');
    await smsBox.check();
    await page.getByLabel(/我已阅读隐私声明/).check();
    await expectClean(v);
    await screenshot(page, 'book-3-details-zh');
    await page.getByRole('button', { name: '立即预约' }).click();

    await page.getByRole('heading', { name: '预约成功' }).waitFor();
    await expect(page.getByTestId('summary-when').textContent()).resolves.toBe('2027年3月3日星期三 17:00 – 17:30');
    await expect(page.locator('.summary').textContent()).resolves.toContain('Berlin 时间 2027年3月3日星期三 10:00');
    await expectClean(v);
    await screenshot(page, 'book-4-confirmation-zh');

    const token = ((await page.getByTestId('manage-link').getAttribute('href')) ?? '').split('#')[1] ?? '';
    const stored = await managed(live.server, token);
    expect(stored.booking).toMatchObject({ start: '2027-03-03T17:00:00+08:00', timeZone: 'Asia/Shanghai', status: 'confirmed' });
    expect(['Ana', 'Ben']).toContain(stored.booking.staff.name);
    // The form sent the page language and the SMS choice: the confirmation goes by SMS too, in Chinese.
    const sms = await live.server.rt.outboxQueue.list({ channel: 'sms', limit: 10 });
    expect(sms.map((m) => [m.template, m.locale]).sort()).toEqual([
      ['booking.confirmed', 'zh-CN'],
      ['booking.reminder', 'zh-CN'],
      ['booking.reminder', 'zh-CN'],
    ]);

    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'You are booked' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(v.problems).toEqual([]);
    await v.context.close();
  });
});
