import type { TestRuntime } from './databases.js';

/** The newest one-time code the outbox holds for a user (what their email or phone would get). */
export async function lastCode(rt: TestRuntime, userId: string, channel: 'email' | 'sms'): Promise<{ code: string; to: string }> {
  const entries = await rt.outboxQueue.list({ channel, limit: 50 });
  for (const entry of entries.sort((a, b) => b.createdAt - a.createdAt)) {
    if (entry.template !== 'security.code') continue;
    const message = await rt.outboxQueue.find(entry.id);
    if (message?.owner.id === userId && message.personal?.secret.code) return { code: message.personal.secret.code, to: message.personal.to };
  }
  throw new Error(`no ${channel} code for ${userId}`);
}

/** The newest security notice text the outbox holds for a user, or null. */
export async function lastNotice(rt: TestRuntime, userId: string): Promise<string | null> {
  const entries = await rt.outboxQueue.list({ channel: 'email', limit: 100 });
  for (const entry of entries.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))) {
    if (entry.template !== 'security.notice') continue;
    const message = await rt.outboxQueue.find(entry.id);
    if (message?.owner.id === userId) return message.personal?.secret.notice ?? null;
  }
  return null;
}
