import { DomainError, invalidRequest, notFound } from '../../domain/errors.js';
import { roleAllows } from '../access/permissions.js';
import { type Access, requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import { audited } from '../audited.js';
import type { Actor, AppContext } from '../ports.js';
import { requireOrg } from '../public/load-public.js';
import type { ClaimedMessage, DeliveryAttempt, OutboxEntry, OutboxFilter, OutboxQueue } from './delivery-port.js';
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

/** Renders a message as its recipient sees it; the HTTP layer supplies the templates. */
export type RenderMessage = (message: ClaimedMessage, personal: NonNullable<ClaimedMessage['personal']>) => RenderedView;

export interface RenderedView {
  to: string;
  subject: string | null;
  text: string;
  attachments: string[];
}

export interface OrgOutboxPage {
  messages: OutboxEntry[];
  /** Pass back to get the next (older) page; null at the end. */
  nextCursor: string | null;
}

export interface OrgOutboxQuery {
  status?: MessageStatus;
  limit?: number;
  cursor?: string;
}

/** The signed-in organization's messages, newest first, without their personal part. */
export async function listOrgOutbox(ctx: AppContext, queue: OutboxQueue, auth: AuthContext | null, query: OrgOutboxQuery): Promise<OrgOutboxPage> {
  const access = await requireAccess(ctx, auth, 'audit:read');
  return pageOf(ctx, queue, access, 'outbox.list', { orgId: access.orgId, status: query.status }, query);
}

/** Deliveries to one of the organization's webhook endpoints, newest first. */
export async function listWebhookDeliveries(
  ctx: AppContext,
  queue: OutboxQueue,
  auth: AuthContext | null,
  endpointId: string,
  query: Omit<OrgOutboxQuery, 'status'>,
): Promise<OrgOutboxPage> {
  const access = await requireAccess(ctx, auth, 'audit:read');
  if (!(await ctx.uow.read((r) => r.webhooks.find(access.orgId, endpointId)))) throw notFound('Webhook endpoint');
  return pageOf(ctx, queue, access, 'webhook.deliveries', { orgId: access.orgId, webhookEndpointId: endpointId }, query);
}

async function pageOf(
  ctx: AppContext,
  queue: OutboxQueue,
  access: Access,
  action: string,
  filter: Omit<OutboxFilter, 'limit' | 'before'>,
  query: Omit<OrgOutboxQuery, 'status'>,
): Promise<OrgOutboxPage> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const entries = await queue.list({ ...filter, before, limit: limit + 1 });
  const messages = entries.slice(0, limit);
  const last = messages.at(-1);
  const nextCursor = entries.length > limit && last ? encodeCursor(last) : null;
  const objectIds = filter.webhookEndpointId ? [filter.webhookEndpointId] : [];
  await ctx.uow.write((r) => r.audit.record({ orgId: access.orgId, actor: access.actor, action, objectType: 'message', objectIds, outcome: 'success' }));
  return { messages, nextCursor };
}

function encodeCursor(e: OutboxEntry): string {
  return Buffer.from(`${e.createdAt}.${e.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const m = /^(\d{1,16})\.([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m?.[1] || !m[2]) throw invalidRequest('Bad cursor', [{ path: 'querystring.cursor', message: 'pass back the nextCursor of the previous page' }]);
  return { createdAt: Number(m[1]), id: m[2] };
}

export interface OrgMessageDetail {
  message: Pick<OutboxEntry, 'id' | 'channel' | 'template' | 'locale' | 'bookingId' | 'status' | 'attempts' | 'createdAt'>;
  attempts: DeliveryAttempt[];
  /** Null when the recipient was erased (their key is gone). */
  rendered: RenderedView | null;
}

/**
 * One of the organization's messages as its recipient saw it: an audited read of personal
 * data. Booking notes (which may hold health details) are left out for roles that may not
 * read health notes; webhook messages show their payload, which holds no personal data.
 */
export async function showOrgMessage(ctx: AppContext, queue: OutboxQueue, auth: AuthContext | null, id: string, render: RenderMessage): Promise<OrgMessageDetail> {
  const access = await requireAccess(ctx, auth, 'audit:read');
  const audit = { orgId: access.orgId, actor: access.actor, action: 'outbox.show', objectType: 'message', objectIds: [id] };
  return audited(ctx.uow, audit, async () => {
    const message = await orgMessage(queue, access, id);
    let rendered: RenderedView | null = null;
    if (message.personal) {
      const secret = { ...message.personal.secret };
      if (!roleAllows(access.role, 'health_notes:read')) delete secret.notes;
      rendered = render(message, { to: message.personal.to, secret });
    }
    await ctx.uow.write((r) => r.audit.record({ ...audit, outcome: 'success' }));
    const { channel, template, locale, bookingId, status, attempts, createdAt } = message;
    const entry = { id, channel, template, locale, bookingId, status, attempts, createdAt };
    return { message: entry, attempts: await queue.attempts(id), rendered };
  });
}

/** Sends one of the organization's dead letters again. */
export async function retryOrgMessage(ctx: AppContext, queue: OutboxQueue, auth: AuthContext | null, id: string): Promise<{ id: string; status: 'pending' }> {
  const access = await requireAccess(ctx, auth, 'org:manage');
  const audit = { orgId: access.orgId, actor: access.actor, action: 'outbox.retry', objectType: 'message', objectIds: [id] };
  return audited(ctx.uow, audit, async () => {
    await orgMessage(queue, access, id);
    if (!(await queue.requeue(id, ctx.clock.now()))) throw new DomainError('conflict', 'Only a dead message can be sent again');
    await ctx.uow.write((r) => r.audit.record({ ...audit, outcome: 'success' }));
    return { id, status: 'pending' as const };
  });
}

/** Another organization's message is not found, exactly like a message that does not exist. */
async function orgMessage(queue: OutboxQueue, access: Access, id: string): Promise<ClaimedMessage> {
  const message = await queue.find(id);
  if (!message || message.orgId !== access.orgId) throw notFound('Message');
  return message;
}
