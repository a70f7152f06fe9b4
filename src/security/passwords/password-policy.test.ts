import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { BLOCKLIST_FILE, BLOCKLIST_SIZE, blocklistSource, selectCommonPasswords } from './blocklist/generate-blocklist.js';
import { commonPasswords } from './common-passwords.js';
import { type PasswordRules, contextWords, requireStrongPassword } from './password-policy.js';

const single: PasswordRules = { mfa: false, composition: false, contextWords: contextWords('mia@example.org', 'Mia Muster', 'Acme Dental') };
const withMfa: PasswordRules = { ...single, mfa: true };

function reasons(password: string, rules: PasswordRules): string[] {
  try {
    requireStrongPassword(password, rules);
    return [];
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(e.code).toBe('weak_password');
    return (e.details ?? []).map((d) => d.reason ?? '?');
  }
}

describe('password policy (NIST SP 800-63B-4)', () => {
  it('ships at least 100,000 common passwords, reproducible from the source package', () => {
    const shipped = gunzipSync(readFileSync(BLOCKLIST_FILE)).toString('utf8');
    expect(commonPasswords().size).toBeGreaterThanOrEqual(100_000);
    const rebuilt = `${selectCommonPasswords(blocklistSource()).join('\n')}\n`;
    expect(rebuilt.split('\n')).toHaveLength(BLOCKLIST_SIZE + 1);
    expect(createHash('sha256').update(shipped).digest('hex')).toBe(createHash('sha256').update(rebuilt).digest('hex'));
  });

  it('needs 15 characters for a password alone and 8 with MFA, and accepts up to 128', () => {
    expect(reasons('velvet marmot!', single)).toEqual(['too_short']);
    expect(reasons('velvet marmot orbits', single)).toEqual([]);
    expect(reasons('k7#vmq2z', withMfa)).toEqual([]);
    expect(reasons('k7#vmq2', withMfa)).toEqual(['too_short']);
    const long = 'orbiting velvet marmots hum quietly over the fjord at dawn, '.repeat(3).slice(0, 128);
    expect([...long]).toHaveLength(128);
    expect(reasons(long, single)).toEqual([]);
    expect(reasons(`${long}x`, single)).toEqual(['too_long']);
    // Code points, not UTF-16 units: eight emoji are eight characters.
    expect(reasons('🦊🐙🦉🐳🦋🐢🦜🐝', withMfa)).not.toContain('too_short');
  });

  it('refuses common passwords whatever their case, and says why in English and Chinese', () => {
    expect(reasons('SunShine', withMfa)).toContain('common_password');
    expect(reasons('qwertyuiopasdfgh', single)).toContain('common_password');
    try {
      requireStrongPassword('iloveyou2', withMfa);
      expect.unreachable();
    } catch (e) {
      const detail = (e as DomainError).details?.[0];
      expect(detail?.i18n?.en).toMatch(/most commonly used/);
      expect(detail?.i18n?.['zh-CN']).toMatch(/最常用的密码/);
    }
  });

  it("refuses the user's name, email, the business and the product name", () => {
    expect(reasons('muster-velvet-orbit-92', single)).toEqual(['context_word']);
    expect(reasons('acme velvet orbit 92!', single)).toEqual(['context_word']);
    expect(reasons('my slotguard velvet orbit', single)).toEqual(['context_word']);
  });

  it('refuses passwords that are long but easy to guess', () => {
    expect(reasons('abcdefghijklmnopq', single)).toEqual(['easy_to_guess']);
    expect(reasons('1111111111111111x', single)).toEqual(['easy_to_guess']);
  });

  it('asks for upper, lower, digit and symbol only when the org turned composition rules on', () => {
    expect(reasons('velvet marmot orbits', single)).toEqual([]);
    expect(reasons('velvet marmot orbits', { ...single, composition: true })).toEqual(['composition']);
    expect(reasons('Velvet marmot orbits 9', { ...single, composition: true })).toEqual([]);
  });
});
