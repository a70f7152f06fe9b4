import type { Locale } from '../../domain/model.js';
import { MS_PER_DAY } from '../../domain/time/units.js';
import { newId } from '../../security/ids.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import type { Repositories } from '../ports.js';
import type { User } from './account-model.js';
import { phraseOf } from './anti-phishing-secret.js';
import { messageOrgOf } from './mfa-methods.js';

/** How long the "this wasn't me" link of a notice works. */
export const NOT_ME_TTL_MS = 7 * MS_PER_DAY;

export type SecurityChange =
  | 'new_device'
  | 'password_changed_by_user'
  | 'password_changed'
  | 'password_compromised'
  | 'mfa_added'
  | 'mfa_removed'
  | 'mfa_reset'
  | 'recovery_codes';

const CHANGE_TEXT: Record<SecurityChange, Record<Locale, string>> = {
  new_device: { en: 'Someone signed in to your account from a new device or browser.', 'zh-CN': '有人从新的设备或浏览器登录了您的账户。' },
  password_changed_by_user: { en: 'Your password was changed from a signed-in session.', 'zh-CN': '您的密码已在已登录的会话中更改。' },
  password_changed: {
    en: 'Your password was reset and all your devices were signed out. Your second factors are unchanged.',
    'zh-CN': '您的密码已重置，所有设备均已退出登录。您的第二重验证方式保持不变。',
  },
  password_compromised: {
    en: 'Your password is known to be exposed (for example in a data breach). You were signed out everywhere; when you next sign in you will be asked to choose a new one.',
    'zh-CN': '您的密码已知已经泄露（例如出现在数据泄露事件中）。您已在所有设备上退出登录；下次登录时，系统会要求您设置新密码。',
  },
  mfa_added: { en: 'A second factor was added to your account.', 'zh-CN': '您的账户添加了新的第二重验证方式。' },
  mfa_removed: { en: 'A second factor was removed from your account.', 'zh-CN': '您的账户删除了一种第二重验证方式。' },
  mfa_reset: {
    en: 'An administrator removed every second factor from your account and signed out all your devices. You will set up a new one at your next sign-in.',
    'zh-CN': '管理员已删除您账户的所有第二重验证方式，并退出了您所有设备的登录。下次登录时，您需要重新设置。',
  },
  recovery_codes: { en: 'New recovery codes were made for your account; the old ones no longer work.', 'zh-CN': '您的账户已生成新的恢复码，旧的恢复码已失效。' },
};

const NOT_ME: Record<Locale, (link: string) => string> = {
  en: (link) => `Was this not you? Open ${link} to sign out every device, block the current password and tell your administrators.`,
  'zh-CN': (link) => `不是您本人操作？请打开 ${link}，即可退出所有设备、停用当前密码并通知您的管理员。`,
};

const RESET_TEXT: Record<Locale, (link: string) => string> = {
  en: (link) =>
    `Someone asked to reset your password. To choose a new one, open this link within 30 minutes: ${link} — If it was not you, ignore this message: your password stays as it is.`,
  'zh-CN': (link) => `有人请求重置您的密码。如需设置新密码，请在 30 分钟内打开此链接：${link} —— 如果不是您本人操作，请忽略此消息，您的密码不会改变。`,
};

async function enqueueNotice(repos: Repositories, user: User, kind: string, text: string, now: number): Promise<void> {
  const org = await messageOrgOf(repos, user.id);
  if (!org) return;
  await repos.outbox.enqueue({
    orgId: org.id,
    channel: 'email',
    template: 'security.notice',
    locale: user.locale,
    idempotencyKey: `security.notice:${kind}:${newId(now)}`,
    owner: { type: 'user', id: user.id },
    to: user.email,
    data: { orgName: org.name, notice: kind },
    secret: { notice: text, name: user.name, ...(await phraseOf(repos, user.id)) },
  });
}

/**
 * Tells the user about a change to their account's security, with a single-use "this wasn't
 * me" link (stored hashed) that ends every session, blocks the password and alerts the admins.
 */
export async function sendSecurityNotice(repos: Repositories, publicUrl: string, user: User, change: SecurityChange, now: number): Promise<void> {
  const token = newSecretToken();
  const notMe = { purpose: 'not_me', userId: user.id, orgId: null, role: null, createdAt: now, expiresAt: now + NOT_ME_TTL_MS, usedAt: null } as const;
  await repos.accounts.tokens.insert(hashToken(token), notMe);
  const text = `${CHANGE_TEXT[change][user.locale]} ${NOT_ME[user.locale](`${publicUrl}/not-me#${token}`)}`;
  await enqueueNotice(repos, user, change, text, now);
}

/** The password reset link (its own "if it was not you": ignore it). */
export async function sendResetLink(repos: Repositories, user: User, link: string, now: number): Promise<void> {
  await enqueueNotice(repos, user, 'password_reset_link', RESET_TEXT[user.locale](link), now);
}
