import type { Role } from '../access/roles.js';
import { DEFAULT_SESSION_TIMEOUTS, type SessionTimeoutPolicy, withDefaultTimeouts } from './session-timeout-policy.js';

/** An organization's sign-in rules. Defaults follow NIST SP 800-63B-4 and security.md. */
export interface OrgSecurityPolicy {
  /** Roles that must use a second factor before they get a full session. */
  mfaRequiredRoles: Role[];
  /** "Upper, lower, digit and symbol". */
  passwordComposition: boolean;
  /** Remind people to change their password after this many days; null: never. */
  passwordChangeReminderDays: number | null;
  /** Automatic logoff per role: idle minutes and absolute hours, within safe bounds. */
  sessionTimeouts: SessionTimeoutPolicy;
}

/**
 * MFA is required by default for owners and admins, and for staff, who read their own
 * customers' health notes; receptionists and auditors see no health notes.
 */
export const DEFAULT_SECURITY_POLICY: OrgSecurityPolicy = {
  mfaRequiredRoles: ['owner', 'admin', 'staff'],
  passwordComposition: false,
  passwordChangeReminderDays: null,
  sessionTimeouts: DEFAULT_SESSION_TIMEOUTS,
};

/** A policy as stored (written by any version): what it names, the defaults for the rest. */
export function withPolicyDefaults(stored: Partial<OrgSecurityPolicy>): OrgSecurityPolicy {
  return { ...DEFAULT_SECURITY_POLICY, ...stored, sessionTimeouts: withDefaultTimeouts(stored.sessionTimeouts) };
}

/** Shown beside the options in the settings, so an admin knows why they are off. */
export const SECURITY_POLICY_EXPLANATIONS = {
  passwordComposition: {
    en: 'Off by default: NIST SP 800-63B says not to impose composition rules, which push people to predictable patterns (Password1!). Length, the common-password list and the strength check protect better.',
    'zh-CN': '默认关闭：NIST SP 800-63B 建议不要强制字符组合规则，这类规则会让人使用可预测的模式（如 Password1!）。长度要求、常用密码黑名单和强度检查的保护效果更好。',
  },
  passwordChangeReminderDays: {
    en: 'Off by default: NIST SP 800-63B says not to expire passwords periodically; a change is forced only on evidence of compromise. Reminders only suggest a change.',
    'zh-CN': '默认关闭：NIST SP 800-63B 建议不要定期让密码过期；只有在有证据表明密码泄露时才强制更改。提醒只是建议更改。',
  },
} as const;

/** A password-change reminder, when set, comes after this many days. */
export const REMINDER_DAYS_BOUNDS = { min: 30, max: 3650 } as const;

export function mfaRequiredFor(policy: OrgSecurityPolicy, role: Role): boolean {
  return policy.mfaRequiredRoles.includes(role);
}
