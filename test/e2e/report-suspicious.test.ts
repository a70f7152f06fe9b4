import { describe, expect, it } from 'vitest';
import { screenshot, visitor } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT_MS, expectClean, liveServerAndBrowser } from './support/live.js';
import { NOW, bookDirectly } from './support/server.js';

describe('report a suspicious message in a real browser', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const live = liveServerAndBrowser();

  const reports = () => live.server.rt.auditReader.list({ action: 'message.reported_suspicious', limit: 10 });

  it('a customer follows the link in a genuine message, reads how to tell, and reports what they noticed', async () => {
    const booked = await bookDirectly(live.server, '2027-03-04T10:00:00+01:00');
    const [message] = await live.server.rt.outboxQueue.list({ bookingId: booked.booking.id, channel: 'email', limit: 1 });
    if (!message) throw new Error('no message');
    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    const { page } = v;
    const res = await page.goto(`${live.server.base}/report-suspicious?ref=${message.id}`);
    expect(res?.headers()['referrer-policy']).toBe('no-referrer');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: 'Report a suspicious message', level: 1 }).waitFor();
    expect(await page.title()).toBe('Report a suspicious message');
    const host = new URL(live.server.base).host;
    await page.getByText(`Every link in it goes to ${host}, the address of this page.`).waitFor();
    await page.getByText(/never asks for your password, a one-time code or payment card details/).waitFor();
    await expect(page.getByTestId('report-ref').textContent()).resolves.toBe(message.id);
    await page.getByLabel('It asked for a password or a one-time code').check();
    await page.getByLabel(`It links to an address other than ${host}`).check();
    await page.getByLabel(/The business may contact me about this report/).check();
    await expectClean(v);
    await screenshot(page, 'report-1-form-en');

    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Thank you for your report.').waitFor();
    await page.getByText(/This reference belongs to a message sent through .*someone may have copied a real message/).waitFor();
    await expectClean(v);
    await screenshot(page, 'report-2-sent-en');
    const [entry] = await reports();
    expect(entry).toMatchObject({ orgId: live.server.shop.orgId, objectIds: [message.id], reason: 'ours:asked_for_secret,unexpected_link:contact_ok' });
    await v.context.close();
  });

  it('in Chinese, without a link in the URL: a pasted link that is not ours is refused, an unknown one is called fake', async () => {
    const v = await visitor(live.chromium, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', now: NOW });
    const { page } = v;
    await page.goto(`${live.server.base}/report-suspicious`);
    await page.getByRole('heading', { name: '举报可疑消息', level: 1 }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    const field = page.getByLabel(/消息中的“举报可疑消息”链接/);
    await field.fill('https://evil.example/login');
    await page.getByText('这不是我们消息中的举报链接。').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill(`https://evil.example/report-suspicious?ref=0190a6f0-0000-7000-8000-000000000000`);
    expect(await page.getByText('这不是我们消息中的举报链接。').count()).toBe(0);
    await page.getByLabel('它要求付款或索要银行卡信息').check();
    await expectClean(v);
    await screenshot(page, 'report-3-form-zh');
    await page.getByRole('button', { name: '发送举报' }).click();
    await page.getByText(/此编号不属于我们发送的任何消息：请将该消息视为伪造/).waitFor();
    await expectClean(v);
    const [entry] = await reports();
    expect(entry).toMatchObject({ orgId: null, objectIds: [], reason: 'unknown_reference:asked_for_payment' });
    await v.context.close();
  });
});
