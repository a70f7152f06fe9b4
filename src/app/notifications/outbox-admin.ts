import { notFound } from '../../domain/errors.js';
import { audited } from '../audited.js';
import type { Actor, AppContext } from '../ports.js';
import { requireOrg } from '../public/load-public.js';
import type { ClaimedMessage, DeliveryAttempt, OutboxEntry, OutboxQueue } from './delivery-port.js';
import type { MessageStatus } from './outbox-port.js';

export interface OutboxListInput {
  orgSlug?: string | null;
  status?: MessageStatus | null;
  limit?: number;
}

/** Messages newest first, without their personal part: what admins scan for dead letters. */
export async function listOutbox(ctx: AppContext, queue: OutboxQueue, input: OutboxListInput, actor: Actor): Promise<OutboxEntry[]> {
  const orgId = input.orgSlug ? (await ctx.uow.read((r) => requireOrg(r, input.orgSlug as string))).id : undefined;
  const entries = await queue.list({ orgId, status: input.status ?? undefined, limit: Math.min(Math.max(input.limit ?? 50, 1), 1000) });
  await ctx.uow.write((r) => r.audit.record({ orgId: orgId ?? null, actor, action: 'outbox.list', objectType: 'message', objectIds: [], outcome: 'success' }));
  return entries;
}

export interface MessageDetail {
  message: ClaimedMessage;
  attempts: DeliveryAttempt[];
}

/** One message with its recipient and secrets opened: an audited read of personal data. */
export async function showOutboxMessage(ctx: AppContext, queue: OutboxQueue, id: string, actor: Actor): Promise<MessageDetail> {
  const audit = { orgId: null, actor, action: 'outbox.show', objectType: 'message', objectIds: [id] };
  return audited(ctx.uow, audit, async () => {
    const message = await queue.find(id);
    if (!message) throw notFound('Message');
    await ctx.uow.write((r) => r.audit.record({ ...audit, orgId: message.orgId, outcome: 'success' }));
    return { message, attempts: await queue.attempts(id) };
  });
}

/** Puts a dead letter back in the queue (after the cause was fixed). */
export async function retryDeadMessage(ctx: AppContext, queue: OutboxQueue, id: string, actor: Actor): Promise<{ id: string; status: 'pending' }> {
  const audit = { orgId: null, actor, action: 'outbox.retry', objectType: 'message', objectIds: [id] };
  return audited(ctx.uow, audit, async () => {
    const message = await queue.find(id);
    if (!message || !(await queue.requeue(id, ctx.clock.now()))) throw notFound('Dead message');
    await ctx.uow.write((r) => r.audit.record({ ...audit, orgId: message.orgId, outcome: 'success' }));
    return { id, status: 'pending' };
  });
}
