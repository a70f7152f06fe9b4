import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '../../src/app/auth/security-policy.js';
import { type TestUser, addUser } from '../support/accounts.js';
import { type Visitor, screenshot, visitor } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT_MS, expectClean, liveServerAndBrowser } from './support/live.js';
import { type E2eServer, NOW } from './support/server.js';

const MINUTE = 60_000;

/** An admin who signs in with a password alone (second factors have their own browser tests). */
async function adminWithoutMfa(server: E2eServer, email: string): Promise<TestUser> {
  await server.rt.ctx.uow.write((r) => r.accounts.securityPolicies.save(server.shop.orgId, { ...DEFAULT_SECURITY_POLICY, mfaRequiredRoles: [] }));
  return addUser(server.rt, 'shop', 'admin', email);
}

async function signIn(page: Page, server: E2eServer, user: TestUser, path: string): Promise<void> {
  await page.goto(`${server.base}${path}`);
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** The API as this browser's session sees it (a GET needs no CSRF token). */
async function getAs(server: E2eServer, v: Visitor, url: string) {
  const cookie = (await v.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  return server.app.inject({ method: 'GET', url, headers: { cookie } });
}

describe('organization settings and API keys in a real browser', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const live = liveServerAndBrowser();

  it("an admin changes the staff's idle sign-out and the booking hold, fixing values out of bounds first, and finds them saved after a reload", async () => {
    const server = live.server;
    const admin = await adminWithoutMfa(server, 'adele@example.com');
    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    const { page } = v;
    await signIn(page, server, admin, '/app/settings');

    const booking = page.getByRole('region', { name: 'Booking policies' });
    const hold = booking.getByLabel('Minutes a chosen time is held');
    expect(await hold.inputValue()).toBe('10');
    await hold.fill('90');
    await booking.getByText('Enter a whole number of minutes from 1 to 60.').waitFor();
    expect(await hold.getAttribute('aria-invalid')).toBe('true');
    await booking.getByRole('button', { name: 'Save' }).click();
    await hold.fill('20');
    expect(await booking.getByText('Enter a whole number of minutes from 1 to 60.').count()).toBe(0);
    await booking.getByRole('button', { name: 'Save' }).click();
    await booking.getByRole('status').filter({ hasText: 'Booking policies saved.' }).waitFor();
    // The refused 90 was never sent: the one change saved is the 20.
    const changes = await server.rt.auditReader.list({ orgId: server.shop.orgId, action: 'organization.update', limit: 5 });
    expect(changes).toHaveLength(1);

    const policy = page.getByRole('region', { name: 'Sign-in policy' });
    const staffIdle = policy.getByLabel('Staff: minutes without activity');
    expect(await staffIdle.inputValue()).toBe('15');
    await staffIdle.fill('61');
    await policy.getByText('Enter a whole number from 5 to 60.').waitFor();
    // The reminder's days are checked at the field as well (and the reminder is left off).
    const remind = policy.getByLabel('Remind people to change their password');
    await remind.check();
    await policy.getByLabel('Remind after this many days (30 to 3650)').fill('10');
    await policy.getByText('Enter a whole number of days from 30 to 3650.').waitFor();
    await remind.uncheck();
    await policy.getByRole('button', { name: 'Save' }).click();
    await staffIdle.fill('5');
    await policy.getByLabel('Staff: hours after sign-in').fill('8');
    await policy.getByRole('button', { name: 'Save' }).click();
    await policy.getByRole('status').filter({ hasText: 'Sign-in policy saved.' }).waitFor();
    await expectClean(v);
    await screenshot(page, 'app-settings-policies-en');

    await page.reload();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await page.getByLabel('Minutes a chosen time is held').inputValue()).toBe('20');
    expect(await page.getByLabel('Staff: minutes without activity').inputValue()).toBe('5');
    expect(await page.getByLabel('Staff: hours after sign-in').inputValue()).toBe('8');
    expect(await page.getByLabel('Receptionist: minutes without activity').inputValue()).toBe('15');
    expect((await getAs(server, v, '/api/v1/org/settings')).json().policies.holdMinutes).toBe(20);
    const saved = (await getAs(server, v, '/api/v1/org/security-policy')).json();
    expect(saved.sessionTimeouts).toMatchObject({ staff: { idleMinutes: 5, absoluteHours: 8 }, admin: { idleMinutes: 15, absoluteHours: 12 } });
    const updates = await server.rt.auditReader.list({ orgId: server.shop.orgId, action: 'security_policy.update', limit: 5 });
    expect(updates.map((u) => u.reason)).toEqual(['sessionTimeouts.staff']);
    await expectClean(v);

    // The same panels in Chinese.
    await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
    await page.getByRole('heading', { name: '预约规则' }).waitFor();
    await page.getByRole('group', { name: '自动退出登录' }).waitFor();
    expect(await page.getByLabel('员工：无操作分钟数').inputValue()).toBe('5');
    expect(await page.getByLabel('所选时段的保留分钟数').inputValue()).toBe('20');
    await page.getByLabel('员工：登录后小时数').fill('30');
    await page.getByText('请输入 1 至 24 之间的整数。').waitFor();
    await expectClean(v);
    await screenshot(page, 'app-settings-policies-zh');
    await v.context.close();
  });

  it('an admin creates an API key after confirming it is them, sees its secret once, and revokes it', async () => {
    const server = live.server;
    const admin = await adminWithoutMfa(server, 'arno@example.com');
    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    const { page } = v;
    await signIn(page, server, admin, '/app/api-keys');
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.getByText('No keys yet.').waitFor();
    await expectClean(v);

    // Sixteen minutes after signing in (kept active), making a key needs a fresh confirmation.
    server.rt.clock.advance(10 * MINUTE);
    await page.reload();
    await page.getByText('No keys yet.').waitFor();
    server.rt.clock.advance(6 * MINUTE);

    // Nothing is sent without a name and a scope.
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Name the key.').waitFor();
    await page.getByText('Choose at least one.').waitFor();
    await page.getByLabel('Name (what uses this key)').fill('Till system');
    await page.getByRole('checkbox', { name: 'Read bookings' }).check();
    // A last day in the past is refused in the page, before any step-up.
    await page.getByLabel('Last day the key works (optional)').fill('2020-01-01');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('The last day cannot be in the past.').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByLabel('Last day the key works (optional)').fill('2027-12-31');
    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
    await dialog.waitFor();
    await expectClean(v);
    await dialog.getByLabel('Password').fill(admin.password);
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    const shown = page.getByLabel('New key: Till system');
    await shown.waitFor();
    const secret = await shown.inputValue();
    expect(secret).toMatch(/^sgk_/);
    await page.getByText('it is shown only this once').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Till system' });
    await row.getByText('Read bookings').waitFor();
    await row.getByText('Active').waitFor();
    await row.getByText('31 Dec 2027').waitFor();
    await expectClean(v);
    await screenshot(page, 'app-api-keys-en');

    const calendar = (key: string) =>
      server.app.inject({ method: 'GET', url: '/api/v1/org/bookings?from=2027-03-01&to=2027-03-02&timeZone=Europe/Berlin', headers: { authorization: `Bearer ${key}` } });
    expect((await calendar(secret)).statusCode).toBe(200);

    // After a reload the secret is gone for good; the list shows the key's use.
    await page.reload();
    await row.getByText('Active').waitFor();
    expect(await page.getByLabel('New key: Till system').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(await row.getByText('Never').count()).toBe(0);

    await page.getByRole('button', { name: 'Revoke Till system' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke Till system?' });
    await confirm.getByText('stops working at once').waitFor();
    await expectClean(v);
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('status').filter({ hasText: 'The key Till system was revoked.' }).waitFor();
    await row.getByText('Revoked').waitFor();
    expect(await page.getByRole('button', { name: 'Revoke Till system' }).count()).toBe(0);
    expect((await calendar(secret)).statusCode).toBe(401);
    const audit = await server.rt.auditReader.list({ orgId: server.shop.orgId, limit: 50 });
    expect(audit.filter((a) => a.action === 'api_key.create' || a.action === 'api_key.revoke').map((a) => a.action)).toEqual(['api_key.revoke', 'api_key.create']);
    await expectClean(v);
    await v.context.close();
  });
});
