import type { Repositories } from '../ports.js';

/** The user's anti-phishing phrase for the sealed part of a security message to them (none: nothing). */
export async function phraseOf(repos: Repositories, userId: string): Promise<{ antiPhishingPhrase?: string }> {
  const phrase = await repos.accounts.users.antiPhishingPhrase(userId);
  return phrase ? { antiPhishingPhrase: phrase } : {};
}
