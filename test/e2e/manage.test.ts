import { describe, expect, it } from 'vitest';
import { screenshot, visitor } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT_MS, expectClean, liveServerAndBrowser } from './support/live.js';
import { NOW, bookDirectly, managed } from './support/server.js';

describe('manage link in a real browser', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const live = liveServerAndBrowser();

  const berliner = () => visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
  it('a customer reschedules and then cancels with a reason through the manage link', async () => {
    const { manageToken } = await bookDirectly(live.server, '2027-03-03T10:00:00+01:00');
    const v = await berliner();
    const { page } = v;
    await page.goto(`${live.server.base}/manage#${manageToken}`);
    await page.getByRole('heading', { name: /Appointment at Studio Mia/ }).waitFor();
    await expect(page.locator('.status').textContent()).resolves.toBe('Confirmed');
    await expect(page.getByTestId('summary-when').textContent()).resolves.toBe('Wednesday, 3 March 2027 at 10:00 – 10:30');
    await page.getByText('You can change or cancel online until Wednesday, 3 March 2027 at 08:00.').waitFor();
    await expectClean(v);
    await screenshot(page, 'manage-1-view-en');

    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { name: 'Pick a new time' }).waitFor();
    await page.locator('button[data-date="2027-03-04"]').click();
    await page.locator('.day-times button.time[data-start="2027-03-04T11:00:00+01:00"]').click();
    await page.getByRole('heading', { name: 'Move your appointment?' }).waitFor();
    await page.getByText('Instead of Wednesday, 3 March 2027 at 10:00.').waitFor();
    await page.getByRole('button', { name: 'Move appointment' }).click();
    await page.getByText('Your appointment has been moved.').waitFor();
    await expect(page.getByTestId('summary-when').textContent()).resolves.toBe('Thursday, 4 March 2027 at 11:00 – 11:30');
    expect((await managed(live.server, manageToken)).booking).toMatchObject({ start: '2027-03-04T11:00:00+01:00', status: 'confirmed', staff: { name: 'Ana' } });
    await expectClean(v);

    await page.getByRole('button', { name: 'Cancel appointment' }).click();
    await page.getByRole('heading', { name: 'Cancel your appointment' }).waitFor();
    await page.getByLabel(/Reason/).fill('Feeling unwell');
    await expectClean(v);
    await screenshot(page, 'manage-2-cancel-en');
    await page.getByRole('button', { name: 'Cancel appointment' }).click();
    await page.getByText('Your appointment has been cancelled.').waitFor();
    await expect(page.locator('.status').textContent()).resolves.toBe('Cancelled');
    await expect(page.locator('.summary').textContent()).resolves.toContain('Feeling unwell');
    expect(await page.getByRole('button', { name: 'Reschedule' }).count()).toBe(0);
    expect((await managed(live.server, manageToken)).booking).toMatchObject({ status: 'cancelled', cancelReason: 'Feeling unwell' });
    await expectClean(v);
    await v.context.close();
  });

  it('past the business cutoff the page offers no change and says whom to ask', async () => {
    // Today 10:00 with a two-hour cutoff: changes closed at 08:00, which is now.
    const { manageToken } = await bookDirectly(live.server, '2027-03-01T10:00:00+01:00');
    const v = await berliner();
    await v.page.goto(`${live.server.base}/manage#${manageToken}`);
    await v.page.getByText('This booking can no longer be changed online. Please contact the business.').waitFor();
    expect(await v.page.getByRole('button', { name: 'Reschedule' }).count()).toBe(0);
    expect(await v.page.getByRole('button', { name: 'Cancel appointment' }).count()).toBe(0);
    await expectClean(v);
    await v.context.close();
  });

  it('a wrong or missing token shows that the link is not valid', async () => {
    const v = await berliner();
    for (const hash of [`#${'A'.repeat(43)}`, '']) {
      await v.page.goto(`${live.server.base}/manage${hash}`);
      await v.page.getByText('This link is not valid or has expired.').waitFor();
    }
    expect(v.problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
    await v.context.close();
  });
});
