import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { disableMember, enableMember, resetMemberMfa } from '../../app/admin/member-access.js';
import type { AppContext } from '../../app/ports.js';
import { Id, closed, errorResponses } from '../schemas.js';
import { Member } from './auth-org.js';

const Params = Type.Object({ userId: Id }, closed);
const responses = { 200: Member, ...errorResponses(400, 401, 403, 404, 409) };

/** An owner's or admin's actions on another member's account (step-up required, like role grants). */
export function orgMemberAccessRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/org/members/:userId/disable',
      {
        schema: {
          tags: ['auth'],
          summary: "Disable a member's account: their sessions end and sign-in is refused (step-up required)",
          description: 'Not yourself, not the last enabled owner, and not someone who also belongs to another organization (409).',
          params: Params,
          response: responses,
        },
      },
      async (request) => disableMember(ctx, request.auth, request.params.userId),
    );

    app.post(
      '/org/members/:userId/enable',
      {
        schema: { tags: ['auth'], summary: 'Let a disabled member sign in again (step-up required)', params: Params, response: responses },
      },
      async (request) => enableMember(ctx, request.auth, request.params.userId),
    );

    app.post(
      '/org/members/:userId/mfa/reset',
      {
        schema: {
          tags: ['auth'],
          summary: "Remove a member's second factors and recovery codes and end their sessions; they enrol again at next sign-in (step-up required)",
          params: Params,
          response: responses,
        },
      },
      async (request) => resetMemberMfa(ctx, request.auth, request.params.userId),
    );
  };
}
