import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../web/src/app/auth/qr.js';
import { type TestUser, addUser } from '../support/accounts.js';
import { type Visitor, screenshot, visitor } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT_MS, expectClean, liveServerAndBrowser } from './support/live.js';
import { type E2eServer, NOW } from './support/server.js';

/** The code an authenticator app shows for this secret at the server's current time. */
const codeAt = (server: E2eServer, secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: server.rt.clock.now() });

/** Enrols an authenticator app through the API (signed in as a browser would, same origin); returns its secret. */
async function enrolTotpByApi(server: E2eServer, user: TestUser): Promise<string> {
  const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: server.base }, payload: { email: user.email, password: user.password } });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = ([login.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('sg_session=')) ?? '').split(';')[0] ?? '';
  const headers = { origin: server.base, cookie, 'x-csrf-token': login.json().csrfToken as string };
  const started = await server.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/totp', headers, payload: {} });
  expect(started.statusCode, started.body).toBe(200);
  const { secret, factorId } = started.json() as { secret: string; factorId: string };
  const confirmed = await server.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/totp/confirm', headers, payload: { factorId, code: codeAt(server, secret) } });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  // Each code works once: the browser's sign-in uses a later step.
  server.rt.clock.advance(60_000);
  return secret;
}

async function signInWithPassword(page: Page, user: TestUser): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const navLinks = (page: Page, name = 'Main navigation') => page.getByRole('navigation', { name }).getByRole('link').allTextContents();

describe('signing in to the staff app in a real browser', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const live = liveServerAndBrowser();

  it('an admin signs in with a password and an authenticator code, uses the shell, confirms a sensitive change with a fresh code, and signs out', async () => {
    const server = live.server;
    const admin = await addUser(server.rt, 'shop', 'admin', 'ada@example.com');
    const secret = await enrolTotpByApi(server, admin);
    const v: Visitor = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    const { page } = v;

    // A staff page without a session leads to sign-in, and back to that page afterwards.
    await page.goto(`${server.base}/app/users`);
    await page.waitForURL(/\/app\/sign-in\?next=%2Fapp%2Fusers$/);
    await expectClean(v);
    await screenshot(page, 'app-sign-in-en');
    await signInWithPassword(page, admin);

    await page.getByRole('heading', { name: "Confirm it's you", level: 1 }).waitFor();
    // A wrong code is refused with a message, and the right one goes through.
    const code = page.getByLabel('Code from your authenticator app');
    await code.fill('000000');
    await code.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'That was not accepted' }).waitFor();
    await expectClean(v);
    await screenshot(page, 'app-sign-in-totp-en');
    await code.fill(codeAt(server, secret));
    await code.press('Enter');

    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/users');
    expect(await navLinks(page)).toEqual(['Calendar', 'Services', 'Staff', 'Hours', 'Users', 'Settings', 'API keys', 'My security']);
    await page.getByRole('cell', { name: /ada@example\.com/ }).waitFor();
    await expectClean(v);
    await screenshot(page, 'app-users-en');

    // Sixteen minutes later (the session kept alive) an invitation needs a fresh confirmation.
    server.rt.clock.advance(10 * 60_000);
    await page.getByRole('link', { name: 'My security' }).click();
    await page.getByRole('heading', { name: 'Signed-in devices' }).waitFor();
    await page.getByText('This device').waitFor();
    await expectClean(v);
    await screenshot(page, 'app-security-en');
    server.rt.clock.advance(6 * 60_000);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Role', { exact: true }).selectOption('receptionist');
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
    await dialog.waitFor();
    await expectClean(v);
    await dialog.getByLabel('Code from your authenticator app').fill(codeAt(server, secret));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const link = page.getByLabel('Invitation link (Receptionist)');
    await link.waitFor();
    expect(await link.inputValue()).toMatch(new RegExp(`^${server.base}/invite#[A-Za-z0-9_-]{20,}$`));
    expect(await dialog.count()).toBe(0);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Sign-in policy' }).waitFor();
    // The shop's own site may frame its booking page; the snippet to paste names the page.
    await page.getByLabel('Websites that may embed your booking page').fill('https://Shop.example.com/\nhttps://shop.example.com');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.getByText('Allowed on: https://shop.example.com').waitFor();
    expect(await page.getByLabel('Paste this into your website').inputValue()).toBe(
      `<iframe src="${server.base}/book/shop" title="Book an appointment" width="100%" height="820" loading="lazy"></iframe>`,
    );
    const framed = await server.app.inject({ method: 'GET', url: '/book/shop' });
    expect(String(framed.headers['content-security-policy'])).toContain('frame-ancestors https://shop.example.com;');
    // Auditors must now use a second factor too (the fresh confirmation above still holds).
    await page.getByRole('checkbox', { name: 'Auditor' }).check();
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.getByRole('status').filter({ hasText: 'Sign-in policy saved.' }).waitFor();
    const policy = await server.app.inject({ method: 'GET', url: '/api/v1/org/security-policy', headers: { cookie: (await v.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(policy.json()).toMatchObject({ mfaRequiredRoles: ['owner', 'admin', 'staff', 'auditor'] });
    await expectClean(v);
    await screenshot(page, 'app-settings-en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.goto(`${server.base}/app/settings`);
    await page.waitForURL(/\/app\/sign-in/);
    const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.status));
    expect(me).toBe(401);
    expect(v.problems).toEqual([]);
    await v.context.close();
  });

  it('a staff member who must use MFA is walked through authenticator enrolment with a QR code, in Chinese, and gets only their pages', async () => {
    const server = live.server;
    const staff = await addUser(server.rt, 'shop', 'staff', 'sam@example.com');
    const v = await visitor(live.chromium, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', now: NOW });
    const { page } = v;

    await page.goto(`${server.base}/app`);
    await page.getByRole('heading', { name: '登录', level: 1 }).waitFor();
    await page.getByLabel('电子邮箱').fill(staff.email);
    await page.getByLabel('密码', { exact: true }).fill(staff.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();

    await page.getByRole('heading', { name: '设置第二重验证', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/enrol');
    await page.getByRole('button', { name: '身份验证器应用' }).click();
    const qr = page.getByRole('img', { name: '身份验证器应用的二维码' });
    await qr.waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // The QR code carries exactly the otpauth URI for this secret and account.
    const uri = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1', issuer: 'Slotguard', label: staff.email }).toString();
    expect(await qr.locator('path').getAttribute('d')).toBe(qrPath(uri).path);
    expect((await qr.boundingBox())?.width ?? 0).toBeGreaterThan(150);
    await expectClean(v);
    await screenshot(page, 'app-enrol-totp-zh');

    await page.getByLabel('应用当前显示的 6 位验证码').fill(codeAt(server, secret));
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await page.getByRole('heading', { name: '保存您的恢复码' }).waitFor();
    const codes = await page.getByRole('list', { name: '恢复码' }).getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    await expectClean(v);
    await page.getByRole('button', { name: '我已保存' }).click();

    // A full session now: staff see the calendar and their own security page, not the admin pages.
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    expect(await navLinks(page, '主导航')).toEqual(['日历', '机构设置', '我的安全']);
    await page.getByRole('link', { name: '我的安全' }).click();
    await page.getByRole('heading', { name: '第二重验证' }).waitFor();
    await page.getByText('剩余 10 个恢复码。').waitFor();
    await page.goto(`${server.base}/app/users`);
    await page.getByRole('heading', { name: '您的角色无法使用此页面', level: 1 }).waitFor();
    await expectClean(v);

    const factors = await server.app.inject({ method: 'GET', url: '/api/v1/auth/mfa/factors', headers: { cookie: (await v.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(factors.json()).toMatchObject({ factors: [{ kind: 'totp' }], recoveryCodesLeft: 10 });

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '登录', level: 1 }).waitFor();
    expect(v.problems).toEqual([]);
    await v.context.close();
  });
  it('an owner invites a receptionist, who joins from a phone; the owner makes them a temporary auditor, disables them (their page signs out) and enables them again', async () => {
    const server = live.server;
    const owner = await addUser(server.rt, 'shop', 'owner', 'olga@example.com');
    const secret = await enrolTotpByApi(server, owner);
    const o = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    await o.page.goto(`${server.base}/app/users`);
    await signInWithPassword(o.page, owner);
    await o.page.getByLabel('Code from your authenticator app').fill(codeAt(server, secret));
    await o.page.getByRole('button', { name: 'Continue' }).click();
    await o.page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    // Only an owner may invite owners.
    expect(await o.page.getByLabel('Role', { exact: true }).locator('option').allTextContents()).toEqual(['Owner', 'Admin', 'Staff', 'Receptionist', 'Auditor']);
    await o.page.getByLabel('Role', { exact: true }).selectOption('receptionist');
    await o.page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await o.page.getByLabel('Invitation link (Receptionist)').inputValue();

    // The invitee opens the link on a phone and creates an account.
    const r = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await r.page.goto(link);
    await r.page.waitForURL(/\/app\/invite#/);
    await r.page.getByRole('heading', { name: 'Join your team', level: 1 }).waitFor();
    await r.page.getByLabel('Your name').fill('Rosa Reception');
    await r.page.getByLabel('Email').fill('rosa@example.com');
    await r.page.getByLabel('Choose a password').fill('quiet lanterns drift over harbours');
    await expectClean(r);
    await screenshot(r.page, 'app-invite-phone-en');
    await r.page.getByRole('button', { name: 'Create account and join' }).click();
    await r.page.getByText('Welcome! You joined as Receptionist.').waitFor();
    await r.page.getByRole('link', { name: 'Sign in now' }).click();
    await signInWithPassword(r.page, { id: '', email: 'rosa@example.com', password: 'quiet lanterns drift over harbours' });
    await r.page.getByRole('button', { name: 'Menu' }).waitFor();
    // On a phone the navigation folds behind the menu button.
    expect(await r.page.getByRole('link', { name: 'My security' }).isVisible()).toBe(false);
    await r.page.getByRole('button', { name: 'Menu' }).click();
    expect(await r.page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('true');
    expect(await navLinks(r.page)).toEqual(['Calendar', 'Users', 'Settings', 'My security']);
    await r.page.getByRole('link', { name: 'My security' }).click();
    await r.page.getByRole('heading', { name: 'My security', level: 1 }).waitFor();
    expect(await r.page.getByRole('link', { name: 'My security' }).isVisible()).toBe(false);
    await expectClean(r);
    await screenshot(r.page, 'app-security-phone-en');

    // The owner sees the new member and gives them a temporary auditor role.
    await o.page.reload();
    const row = o.page.getByRole('row').filter({ hasText: 'rosa@example.com' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Change role of Rosa Reception' }).click();
    await row.getByLabel('Role', { exact: true }).selectOption('auditor');
    await row.getByLabel('Access ends on (optional)').fill('2027-03-31');
    await row.getByRole('button', { name: 'Save' }).click();
    await o.page.getByRole('status').filter({ hasText: 'Rosa Reception is now Auditor.' }).waitFor();
    await row.getByText(/^until 31 Mar 2027/).waitFor();
    await expectClean(o);

    await row.getByRole('button', { name: 'Disable Rosa Reception' }).click();
    const confirm = o.page.getByRole('dialog', { name: 'Disable Rosa Reception?' });
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await o.page.getByRole('status').filter({ hasText: 'Rosa Reception is disabled and signed out everywhere.' }).waitFor();
    await row.getByText('Disabled', { exact: true }).waitFor();
    await expectClean(o);
    await screenshot(o.page, 'app-users-actions-en');
    // Rosa's open page finds her session gone at its next call and returns to sign-in.
    await r.page.getByRole('button', { name: 'Menu' }).click();
    await r.page.getByRole('link', { name: 'Users' }).click();
    await r.page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

    await row.getByRole('button', { name: 'Enable Rosa Reception' }).click();
    await o.page.getByRole('dialog', { name: 'Enable Rosa Reception?' }).getByRole('button', { name: 'Enable' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    // Nobody disables themselves: the owner's own row offers no actions.
    expect(await o.page.getByRole('row').filter({ hasText: 'olga@example.com' }).getByRole('button').count()).toBe(0);
    expect([...o.problems, ...r.problems]).toEqual([]);
    await Promise.all([o.context.close(), r.context.close()]);
  });
});

describe('passkeys in the staff app in a real browser', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  // WebAuthn needs a domain as its relying party, never an IP address: this server is http://localhost.
  const live = liveServerAndBrowser({}, 'localhost');

  it('an admin adds a passkey, then signs in with it alone, and with password and passkey', async () => {
    const server = live.server;
    const admin = await addUser(server.rt, 'shop', 'admin', 'pia@example.com');
    const secret = await enrolTotpByApi(server, admin);
    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    const { page } = v;
    // A platform authenticator with user verification, as a laptop's fingerprint reader.
    const cdp = await v.context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });

    await page.goto(`${server.base}/app/security`);
    await signInWithPassword(page, admin);
    await page.getByLabel('Code from your authenticator app').fill(codeAt(server, secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Second factors' }).waitFor();
    await page.getByRole('button', { name: 'Add a second factor' }).click();
    await page.getByRole('button', { name: 'Passkey' }).click();
    await page.getByLabel('Name for this passkey (optional)').fill('Work laptop');
    await page.getByRole('button', { name: 'Create passkey' }).click();
    await page.getByRole('status').filter({ hasText: 'Your new second factor is ready.' }).waitFor();
    await page.getByText('Work laptop').waitFor();
    const created = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(created.credentials).toHaveLength(1);
    expect(created.credentials[0]?.isResidentCredential).toBe(true);
    await expectClean(v);
    await screenshot(page, 'app-passkey-added-en');

    // Passwordless: the passkey alone.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    const me = (await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()))) as { user: { email: string }; session: { authMethods: string[] } };
    expect(me.user.email).toBe('pia@example.com');
    expect(me.session.authMethods).toEqual(['passkey']);

    // Password first, then the passkey as the second factor (offered first, as the strongest).
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await signInWithPassword(page, admin);
    expect(await page.getByRole('radio', { name: 'Passkey' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Use my passkey' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    const used = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(used.credentials[0]?.signCount).toBe(3);
    await expectClean(v);
    await v.context.close();
  });
});
