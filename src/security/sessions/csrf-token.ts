import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The anti-CSRF token of a session: derived from its secret cookie value, so it changes with
 * every rotation and a page on another site, which cannot read the cookie, cannot know it.
 */
export function csrfTokenFor(cookieValue: string): string {
  return createHmac('sha256', cookieValue).update('slotguard-csrf-v1').digest('base64url');
}

export function csrfTokenMatches(cookieValue: string, presented: string): boolean {
  const expected = Buffer.from(csrfTokenFor(cookieValue));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
