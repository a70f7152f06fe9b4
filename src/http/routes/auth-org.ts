import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLES, STAFF_ROLES } from '../../app/access/roles.js';
import { grantRole, listMembers } from '../../app/auth/org-members.js';
import { getSecurityPolicy, readAuditTrail, setSecurityPolicy } from '../../app/auth/org-security.js';
import { SESSION_TIMEOUT_BOUNDS, type StaffRole } from '../../app/auth/session-timeout-policy.js';
import type { AppContext } from '../../app/ports.js';
import { Id, Instant, closed, errorResponses } from '../schemas.js';

const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
export const Member = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
});
const Bilingual = Type.Object({ en: Type.String(), 'zh-CN': Type.String() });
const { idleMinutes, absoluteHours } = SESSION_TIMEOUT_BOUNDS;
// Bounds are checked by the use case, which names every bad field at once.
const RoleTimeouts = Type.Object(
  {
    idleMinutes: Type.Integer({ description: `minutes without activity, ${idleMinutes.min} to ${idleMinutes.max}` }),
    absoluteHours: Type.Integer({ description: `hours since sign-in, ${absoluteHours.min} to ${absoluteHours.max}` }),
  },
  closed,
);
/** One entry per role whose sessions an organization limits. */
const perStaffRole = <T extends TSchema>(schema: T) => Object.fromEntries(STAFF_ROLES.map((r) => [r, schema])) as Record<StaffRole, T>;
const PolicyFields = {
  mfaRequiredRoles: Type.Array(Role, { maxItems: 6 }),
  passwordComposition: Type.Boolean(),
  // Null first: with type coercion on, a null would otherwise become 0.
  passwordChangeReminderDays: Type.Union([Type.Null(), Type.Integer()]),
};
const Policy = Type.Object({
  ...PolicyFields,
  sessionTimeouts: Type.Object(perStaffRole(RoleTimeouts)),
  explanations: Type.Object({ passwordComposition: Bilingual, passwordChangeReminderDays: Bilingual }),
});
const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  action: Type.String(),
  outcome: Type.String(),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  objectType: Type.String(),
  objectIds: Type.Array(Type.String()),
  reason: Type.Union([Type.String(), Type.Null()]),
});

/**
 * The signed-in organization's people, sign-in policy and audit trail. The organization is
 * always the session's: no route names one.
 */
export function authOrgRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/org/members',
      {
        schema: {
          tags: ['auth'],
          summary: 'People of my organization and their roles',
          response: { 200: Type.Object({ members: Type.Array(Member) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ members: await listMembers(ctx, request.auth) }),
    );

    app.put(
      '/org/members/:userId/role',
      {
        schema: {
          tags: ['auth'],
          summary: "Change a member's role (step-up required)",
          params: Type.Object({ userId: Id }, closed),
          body: Type.Object({ role: Role, expiresAt: Type.Optional(Type.Union([Type.Null(), Instant])) }, closed),
          response: { 200: Member, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => grantRole(ctx, request.auth, request.params.userId, request.body),
    );

    app.get(
      '/org/security-policy',
      {
        schema: {
          tags: ['auth'],
          summary: "My organization's sign-in policy, with why the optional rules are off",
          response: { 200: Policy, ...errorResponses(401, 403) },
        },
      },
      async (request) => getSecurityPolicy(ctx, request.auth),
    );

    app.put(
      '/org/security-policy',
      {
        schema: {
          tags: ['auth'],
          summary: 'Set which roles must use MFA, the optional password rules and the session limits per role (step-up required)',
          body: Type.Object(
            { ...PolicyFields, sessionTimeouts: Type.Optional(Type.Object(perStaffRole(Type.Optional(RoleTimeouts)), closed)) },
            closed,
          ),
          response: { 200: Policy, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => setSecurityPolicy(ctx, request.auth, request.body),
    );

    app.get(
      '/org/audit',
      {
        schema: {
          tags: ['auth'],
          summary: "My organization's audit trail, newest first",
          querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, closed),
          response: { 200: Type.Object({ entries: Type.Array(AuditEntry) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => ({ entries: await readAuditTrail(ctx, request.auth, request.query.limit ?? 100) }),
    );
  };
}
