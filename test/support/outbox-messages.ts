import type { MessageToSend } from '../../src/app/notifications/outbox-port.js';
import type { TestRuntime } from './databases.js';

/** A one-time code message, as the accounts use case writes it: the port other issues use. */
export function codeMessage(orgId: string, n: number, over: Partial<MessageToSend> = {}): MessageToSend {
  return {
    orgId,
    channel: 'email',
    template: 'security.code',
    locale: 'en',
    idempotencyKey: `test:code:${orgId}:${n}`,
    owner: { type: 'user', id: `user-${n}` },
    to: `user${n}@example.com`,
    data: { orgName: 'Shop', purpose: 'sign_in', minutes: 10 },
    secret: { code: String(100000 + n), name: `User ${n}` },
    ...over,
  };
}

export async function enqueueCodes(rt: TestRuntime, orgId: string, count: number, from = 0): Promise<void> {
  await rt.ctx.uow.write(async (r) => {
    for (let i = from; i < from + count; i++) await r.outbox.enqueue(codeMessage(orgId, i));
  });
}
