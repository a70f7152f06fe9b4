import { DomainError, type ErrorDetail } from '../../domain/errors.js';
import { isCommonPassword } from './common-passwords.js';
import { normalizePassword } from './password-hasher.js';
import { passwordScore } from './password-strength.js';

/** NIST SP 800-63B-4 3.1.1.2: 15 when the password is the only factor, 8 with MFA; accept 64+. */
export const MIN_LENGTH_SINGLE_FACTOR = 15;
export const MIN_LENGTH_WITH_MFA = 8;
export const MAX_LENGTH = 128;
/**
 * Lowest zxcvbn score accepted: 3 ("safely unguessable", 10^8 guesses or more) for a password
 * alone; 2 with MFA, where the password only has to hold out against throttled online
 * guessing (zxcvbn gives no 8-character password more than 2).
 */
export const MIN_SCORE_SINGLE_FACTOR = 3;
export const MIN_SCORE_WITH_MFA = 2;
/** Context words shorter than this match too much ordinary text to be refused. */
const MIN_CONTEXT_WORD = 4;

export interface PasswordRules {
  /** True when the account has (or must have) a second factor. */
  mfa: boolean;
  /** The org option "upper, lower, digit and symbol"; off by default (NIST: SHALL NOT require). */
  composition: boolean;
  /** Words the password must not contain: product, org, the user's name and email. */
  contextWords: readonly string[];
}

interface Problem {
  reason: string;
  en: string;
  zh: string;
}

/** The words of names and emails that a password must not contain, lower-cased. */
export function contextWords(...sources: (string | null | undefined)[]): string[] {
  const words = new Set<string>(['slotguard']);
  for (const source of sources) {
    if (!source) continue;
    for (const part of source.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if ([...part].length >= MIN_CONTEXT_WORD) words.add(part);
    }
  }
  return [...words];
}

function problemsOf(password: string, rules: PasswordRules): Problem[] {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  const min = rules.mfa ? MIN_LENGTH_WITH_MFA : MIN_LENGTH_SINGLE_FACTOR;
  if (length < min) {
    return [{ reason: 'too_short', en: `Use at least ${min} characters.`, zh: `密码至少需要 ${min} 个字符。` }];
  }
  if (length > MAX_LENGTH) {
    return [{ reason: 'too_long', en: `Use at most ${MAX_LENGTH} characters.`, zh: `密码最多 ${MAX_LENGTH} 个字符。` }];
  }
  const problems: Problem[] = [];
  if (isCommonPassword(normalized)) {
    problems.push({
      reason: 'common_password',
      en: 'This is one of the most commonly used passwords; choose another.',
      zh: '这是最常用的密码之一，请换一个。',
    });
  }
  const lower = normalized.toLowerCase();
  if (rules.contextWords.some((w) => lower.includes(w))) {
    problems.push({
      reason: 'context_word',
      en: 'Do not use your name, your email, the business name or the product name in your password.',
      zh: '密码中不要包含您的姓名、邮箱、商家名称或产品名称。',
    });
  }
  if (rules.composition && !(/\p{Lu}/u.test(normalized) && /\p{Ll}/u.test(normalized) && /\p{N}/u.test(normalized) && /[^\p{L}\p{N}]/u.test(normalized))) {
    problems.push({
      reason: 'composition',
      en: 'Your organization asks for an uppercase letter, a lowercase letter, a digit and a symbol.',
      zh: '您的组织要求密码包含大写字母、小写字母、数字和符号。',
    });
  }
  if (problems.length === 0 && passwordScore(normalized, rules.contextWords) < (rules.mfa ? MIN_SCORE_WITH_MFA : MIN_SCORE_SINGLE_FACTOR)) {
    problems.push({
      reason: 'easy_to_guess',
      en: 'This password is easy to guess; a longer phrase of unrelated words is stronger.',
      zh: '此密码容易被猜到；由几个不相关的词组成的较长短语更安全。',
    });
  }
  return problems;
}

/** Refuses a weak password with 422 weak_password, giving each reason in English and Chinese. */
export function requireStrongPassword(password: string, rules: PasswordRules, path = 'password'): void {
  const problems = problemsOf(password, rules);
  if (problems.length === 0) return;
  const details: ErrorDetail[] = problems.map((p) => ({ path, reason: p.reason, message: p.en, i18n: { en: p.en, 'zh-CN': p.zh } }));
  throw new DomainError('weak_password', `The password is too weak: ${problems.map((p) => p.en).join(' ')}`, details);
}
