import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { issueSetupLink } from '../../src/app/auth/first-run-setup.js';
import { type TestUser, addUser } from '../support/accounts.js';
import { lastNotice } from '../support/sent-codes.js';
import { type Visitor, screenshot, visitor } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT_MS, expectClean, liveServerAndBrowser } from './support/live.js';
import { type E2eServer, NOW } from './support/server.js';

const NEW_PASSWORD = 'lantern drifting over quiet harbours';

/** The token of the last link to `path` mailed to the user (reset-password, not-me). */
async function mailedToken(server: E2eServer, userId: string, path: string): Promise<string> {
  const notice = (await lastNotice(server.rt, userId)) ?? '';
  const match = new RegExp(`${server.base.replace(/[.:/]/g, '\\$&')}/${path}#([A-Za-z0-9_-]{43})`).exec(notice);
  expect(match, notice).not.toBeNull();
  return match?.[1] ?? '';
}

/** A session signed in through the API from another device (same origin, as a browser there would). */
async function apiSession(server: E2eServer, user: TestUser, userAgent: string): Promise<string> {
  const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: server.base, 'user-agent': userAgent }, payload: { email: user.email, password: user.password } });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = ([login.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('sg_session=')) ?? '').split(';')[0] ?? '';
  expect(cookie).not.toBe('');
  return cookie;
}

const meStatus = async (server: E2eServer, cookie: string) => (await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode;

async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/app/sign-in'));
}

/** The token left the address bar (and the history entry) as soon as the page read it. */
function expectTokenGone(page: Page, pathname: string): void {
  const url = new URL(page.url());
  expect(url.pathname).toBe(pathname);
  expect(url.hash).toBe('');
}

describe('pages opened from account links in a real browser', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const live = liveServerAndBrowser();

  it('creates the organization and its first owner from the setup link, who can then sign in', async () => {
    const server = live.server;
    const ctx = { ...server.rt.ctx, publicUrl: server.base };
    const link = (await issueSetupLink(ctx)) ?? '';
    expect(link.startsWith(`${server.base}/setup#`)).toBe(true);
    const v: Visitor = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    const { page } = v;

    await page.goto(link);
    await page.getByRole('heading', { name: 'Set up Slotguard', level: 1 }).waitFor();
    expectTokenGone(page, '/app/first-run');
    await page.getByLabel('Name', { exact: true }).fill('Lakeside Dental');
    await page.getByLabel('Short name for your booking page address').fill('lakeside-dental');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
    await page.getByLabel('Your name').fill('Olivia Owner');
    await page.getByLabel('Email').fill('olivia@example.com');
    // A weak password is refused with the server's own reason.
    await page.getByLabel('New password', { exact: true }).fill('password1234567');
    await page.getByLabel('New password again').fill('password1234567');
    await page.getByRole('button', { name: 'Create organization and account' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'This password is not strong enough.' });
    await refusal.waitFor();
    expect((await refusal.locator('p').allTextContents()).length).toBe(2);
    // Chromium logs the refused call itself (422); the page handled it, and nothing else went wrong.
    expect(v.problems).toEqual([expect.stringContaining('status of 422')]);
    v.problems.length = 0;
    await expectClean(v);
    await screenshot(page, 'app-first-run-en');

    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Create organization and account' }).click();
    await page.getByRole('status').filter({ hasText: 'All set.' }).waitFor();
    await expectClean(v);
    const org = await server.rt.database.db.selectFrom('organizations').select(['name', 'time_zone']).where('slug', '=', 'lakeside-dental').executeTakeFirst();
    expect(org).toEqual({ name: 'Lakeside Dental', time_zone: 'Europe/Berlin' });
    // The link worked once.
    expect(await issueSetupLink(ctx)).toBeNull();

    await page.getByRole('link', { name: 'Sign in now' }).click();
    await signInWithPassword(page, 'olivia@example.com', NEW_PASSWORD);
    await page.getByRole('heading', { name: 'Set up a second factor', level: 1 }).waitFor();
    await expectClean(v);
    await v.context.close();
  });

  it('resets a forgotten password through the emailed link, after which the new password signs in', async () => {
    const server = live.server;
    const rita = await addUser(server.rt, 'shop', 'receptionist', 'rita@example.com');
    const v: Visitor = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    const { page } = v;

    await page.goto(`${server.base}/app/sign-in`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    await page.getByLabel('Email').fill(rita.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const neutral = await page.getByRole('status').textContent();
    expect(neutral).toMatch(/If an account uses this address/);
    await expectClean(v);
    await screenshot(page, 'app-forgot-password-en');

    // An unknown address gets exactly the same answer.
    await page.goto(`${server.base}/app/forgot-password`);
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    expect(await page.getByRole('status').textContent()).toBe(neutral);

    const token = await mailedToken(server, rita.id, 'reset-password');
    await page.goto(`${server.base}/reset-password#${token}`);
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
    expectTokenGone(page, '/app/reset-password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The two new passwords differ.' }).waitFor();
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password has been changed' }).waitFor();
    await expectClean(v);
    await screenshot(page, 'app-reset-password-en');

    await page.getByRole('link', { name: 'Sign in now' }).click();
    await signInWithPassword(page, rita.email, NEW_PASSWORD);
    await expectClean(v);

    // Just signed in, so fresh enough: her anti-phishing phrase, set on My security.
    await page.getByRole('link', { name: 'My security' }).click();
    await page.getByRole('button', { name: 'Show or change my phrase' }).click();
    await page.getByLabel('My phrase').fill('blue heron at dawn');
    await page.getByRole('button', { name: 'Save phrase' }).click();
    await page.getByRole('status').filter({ hasText: 'Your anti-phishing phrase was saved.' }).waitFor();
    await expectClean(v);
    await screenshot(page, 'app-anti-phishing-en');
    await page.reload();
    await page.getByRole('button', { name: 'Show or change my phrase' }).click();
    expect(await page.getByLabel('My phrase').inputValue()).toBe('blue heron at dawn');
    await v.context.close();
  });

  it('ends every session of the account from the "this wasn\'t me" link, in Chinese', async () => {
    const server = live.server;
    const nina: TestUser = await addUser(server.rt, 'shop', 'receptionist', 'nina@example.com');
    const laptop = await apiSession(server, nina, 'Laptop/1.0');
    const phone = await apiSession(server, nina, 'Phone/2.0');
    const token = await mailedToken(server, nina.id, 'not-me');
    const v: Visitor = await visitor(live.chromium, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', now: NOW });
    const { page } = v;

    await page.goto(`${server.base}/not-me#${token}`);
    await page.getByRole('heading', { name: '这不是我', level: 1 }).waitFor();
    expectTokenGone(page, '/app/not-me');
    await page.getByText('所有登录您账户的设备都将退出登录').waitFor();
    // Nothing happens before the confirmation.
    expect(await meStatus(server, laptop)).toBe(200);
    await expectClean(v);
    await screenshot(page, 'app-not-me-zh-CN');

    await page.getByRole('button', { name: '保护我的账户' }).click();
    await page.getByRole('status').filter({ hasText: '您的账户已受保护' }).waitFor();
    await expectClean(v);
    expect(await meStatus(server, laptop)).toBe(401);
    expect(await meStatus(server, phone)).toBe(401);
    // The password no longer signs in; a fresh reset link went out.
    const again = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: server.base }, payload: { email: nina.email, password: nina.password } });
    expect(again.statusCode).not.toBe(200);
    expect(await mailedToken(server, nina.id, 'reset-password')).not.toBe('');
    await v.context.close();
  });
});
