import type { Locale } from '../../domain/model.js';
import { newId } from '../../security/ids.js';
import type { Repositories } from '../ports.js';
import type { User } from './account-model.js';
import { messageOrgOf } from './mfa-methods.js';

type Notice = 'password_reset_link' | 'password_changed' | 'password_changed_by_user';

const TEXT: Record<Notice, Record<Locale, (v: { link: string }) => string>> = {
  password_reset_link: {
    en: (v) =>
      `Someone asked to reset your password. To choose a new one, open this link within 30 minutes: ${v.link} — If it was not you, ignore this message: your password stays as it is.`,
    'zh-CN': (v) => `有人请求重置您的密码。如需设置新密码，请在 30 分钟内打开此链接：${v.link} —— 如果不是您本人操作，请忽略此消息，您的密码不会改变。`,
  },
  password_changed_by_user: {
    en: () => 'Your password was changed from a signed-in session. If this was not you, reset your password now and sign out all devices.',
    'zh-CN': () => '您的密码已在已登录的会话中更改。如果不是您本人操作，请立即重置密码并退出所有设备。',
  },
  password_changed: {
    en: () => 'Your password was changed and all your devices were signed out. Your second factors are unchanged.',
    'zh-CN': () => '您的密码已更改，所有设备均已退出登录。您的第二重验证方式保持不变。',
  },
};

/** A security notice to the user's email, through the outbox (the link sealed with the user's key). */
export async function sendSecurityNotice(repos: Repositories, user: User, notice: Notice, now: number, link = ''): Promise<void> {
  const org = await messageOrgOf(repos, user.id);
  if (!org) return;
  await repos.outbox.enqueue({
    orgId: org.id,
    channel: 'email',
    template: 'security.notice',
    locale: user.locale,
    idempotencyKey: `security.notice:${notice}:${newId(now)}`,
    owner: { type: 'user', id: user.id },
    to: user.email,
    data: { orgName: org.name, notice },
    secret: { notice: TEXT[notice][user.locale]({ link }), name: user.name },
  });
}
