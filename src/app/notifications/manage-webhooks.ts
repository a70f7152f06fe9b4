import { isIP } from 'node:net';
import { notFound } from '../../domain/errors.js';
import { isBlockedAddress } from '../../security/blocked-addresses.js';
import { newId } from '../../security/ids.js';
import { newSecretToken } from '../../security/tokens.js';
import { orgIdForAudit } from '../admin/admin-org.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import type { Actor, AppContext, Repositories } from '../ports.js';
import { requireOrg } from '../public/load-public.js';
import { WEBHOOK_EVENTS, type WebhookEndpoint, type WebhookEvent } from './notification-ports.js';

export interface CreateWebhookInput {
  orgSlug: string;
  url: string;
  events: string[];
}

export interface CreatedWebhook {
  endpoint: WebhookEndpoint;
  /** Shown once: the receiver verifies signatures with it; we keep it sealed. */
  secret: string;
}

/**
 * Registers an endpoint. https only (http for a host the org explicitly allows); addresses in
 * loopback, private, link-local and metadata ranges are refused here and, for host names,
 * again after every DNS resolution at delivery.
 */
export async function createWebhookEndpoint(ctx: AppContext, input: CreateWebhookInput, actor: Actor): Promise<CreatedWebhook> {
  const orgId = await orgIdForAudit(ctx, input.orgSlug);
  return createEndpoint(ctx, orgId, input, actor, async (repos) => (await requireOrg(repos, input.orgSlug)).id);
}

/** The same for the signed-in organization (owner, admin). */
export async function createOrgWebhook(ctx: AppContext, auth: AuthContext | null, input: Omit<CreateWebhookInput, 'orgSlug'>): Promise<CreatedWebhook> {
  const access = await requireAccess(ctx, auth, 'org:manage');
  return createEndpoint(ctx, access.orgId, input, access.actor, async () => access.orgId);
}

async function createEndpoint(
  ctx: AppContext,
  auditOrgId: string | null,
  input: Omit<CreateWebhookInput, 'orgSlug'>,
  actor: Actor,
  orgOf: (repos: Repositories) => Promise<string>,
): Promise<CreatedWebhook> {
  const audit = { orgId: auditOrgId, actor, action: 'webhook.create', objectType: 'webhook_endpoint', objectIds: [] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const orgId = await orgOf(repos);
      const settings = await repos.notifications.settings(orgId);
      const events = cleanEndpoint(input, settings.webhookAllowedHosts);
      const now = ctx.clock.now();
      const endpoint: WebhookEndpoint = { id: newId(now), orgId, url: input.url.trim(), events, active: true, createdAt: now };
      const secret = `whsec_${newSecretToken()}`;
      await repos.webhooks.insert(endpoint, secret);
      await repos.audit.record({ ...audit, orgId, objectIds: [endpoint.id], outcome: 'success' });
      return { endpoint, secret };
    }),
  );
}

function cleanEndpoint(input: Omit<CreateWebhookInput, 'orgSlug'>, allowedHosts: readonly string[]): WebhookEvent[] {
  const check = new InputCheck();
  let url: URL | null = null;
  try {
    url = new URL(input.url.trim());
  } catch {
    check.require(false, 'url', 'must be an absolute https URL');
  }
  if (url) {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const allowed = allowedHosts.includes(host);
    check.require(url.protocol === 'https:' || (url.protocol === 'http:' && allowed), 'url', 'must use https');
    check.require(!url.username && !url.password, 'url', 'must not carry credentials');
    check.require(input.url.length <= 2000, 'url', 'must be at most 2000 characters');
    check.require(
      allowed || !isIP(host) || !isBlockedAddress(host),
      'url',
      'must not point to a loopback, private, link-local or metadata address',
    );
  }
  const events = [...new Set(input.events)];
  check.require(events.length > 0, 'events', 'name at least one event');
  for (const e of events) check.require((WEBHOOK_EVENTS as readonly string[]).includes(e), 'events', `unknown event "${e}"; use ${WEBHOOK_EVENTS.join(', ')}`);
  check.done();
  return events as WebhookEvent[];
}

export async function listWebhookEndpoints(ctx: AppContext, orgSlug: string): Promise<WebhookEndpoint[]> {
  return ctx.uow.read(async (repos) => repos.webhooks.list((await requireOrg(repos, orgSlug)).id));
}

/** The signed-in organization's endpoints (their secrets stay sealed). */
export async function listOrgWebhooks(ctx: AppContext, auth: AuthContext | null): Promise<WebhookEndpoint[]> {
  const access = await requireAccess(ctx, auth, 'audit:read');
  return ctx.uow.read((repos) => repos.webhooks.list(access.orgId));
}

/** Stops deliveries to an endpoint; messages already queued for it are skipped. */
export async function removeWebhookEndpoint(ctx: AppContext, orgSlug: string, id: string, actor: Actor): Promise<{ id: string; active: false }> {
  const orgId = await orgIdForAudit(ctx, orgSlug);
  return removeEndpoint(ctx, orgId, id, actor, async (repos) => (await requireOrg(repos, orgSlug)).id);
}

export async function removeOrgWebhook(ctx: AppContext, auth: AuthContext | null, id: string): Promise<{ id: string; active: false }> {
  const access = await requireAccess(ctx, auth, 'org:manage');
  return removeEndpoint(ctx, access.orgId, id, access.actor, async () => access.orgId);
}

async function removeEndpoint(
  ctx: AppContext,
  auditOrgId: string | null,
  id: string,
  actor: Actor,
  orgOf: (repos: Repositories) => Promise<string>,
): Promise<{ id: string; active: false }> {
  const audit = { orgId: auditOrgId, actor, action: 'webhook.remove', objectType: 'webhook_endpoint', objectIds: [id] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const orgId = await orgOf(repos);
      if (!(await repos.webhooks.deactivate(orgId, id))) throw notFound('Webhook endpoint');
      await repos.audit.record({ ...audit, orgId, outcome: 'success' });
      return { id, active: false as const };
    }),
  );
}
