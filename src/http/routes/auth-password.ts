import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { changePassword } from '../../app/auth/change-password.js';
import { completeSetup } from '../../app/auth/first-run-setup.js';
import { forgotPassword, resetPassword } from '../../app/auth/password-reset.js';
import { reportNotMe } from '../../app/auth/report-not-me.js';
import type { AppContext } from '../../app/ports.js';
import { LOCALES } from '../../domain/model.js';
import { publicActor } from '../actor.js';
import { csrfTokenFor } from '../../security/sessions/csrf-token.js';
import { type AuthCookies, setSessionCookie } from '../plugins/auth-cookies.js';
import { clientOf, requireSession } from '../plugins/session-auth.js';
import { OrgSlug, SecretToken, TimeZone, closed, errorResponses } from '../schemas.js';
import { Email, Password } from './auth.js';

const Accepted = Type.Object({ status: Type.Literal('sent_if_registered') });

/** Changing and forgetting passwords, and the first-run setup link. */
export function authPasswordRoutes(ctx: AppContext, cookies: AuthCookies): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/auth/password/change',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change my password (the current one is needed); optionally sign out my other devices',
          body: Type.Object({ currentPassword: Password, newPassword: Password, endOtherSessions: Type.Optional(Type.Boolean()) }, closed),
          response: { 200: Type.Object({ stage: Type.String(), csrfToken: Type.String() }), ...errorResponses(400, 401, 403, 422, 429) },
        },
      },
      async (request, reply) => {
        const auth = requireSession(request, ['full', 'password_change']);
        const { currentPassword, newPassword, endOtherSessions } = request.body;
        const done = await changePassword(ctx, auth, { currentPassword, newPassword, endOtherSessions: endOtherSessions ?? false }, clientOf(request));
        setSessionCookie(reply, cookies, done.token);
        return reply.send({ stage: done.stage, csrfToken: csrfTokenFor(done.token) });
      },
    );

    app.post(
      '/auth/password/forgot',
      {
        config: { csrf: false },
        schema: {
          tags: ['auth'],
          summary: 'Email a password reset link (the same answer for any address)',
          body: Type.Object({ email: Email }, closed),
          response: { 202: Accepted, ...errorResponses(400, 403, 429) },
        },
      },
      async (request, reply) => {
        await forgotPassword(ctx, request.body.email, clientOf(request));
        return reply.status(202).send({ status: 'sent_if_registered' as const });
      },
    );

    app.post(
      '/auth/password/reset',
      {
        config: { csrf: false },
        schema: {
          tags: ['auth'],
          summary: 'Set a new password from a reset link; every session ends, second factors stay',
          body: Type.Object({ token: SecretToken, password: Password }, closed),
          response: { 200: Type.Object({ status: Type.Literal('password_changed') }), ...errorResponses(400, 403, 422) },
        },
      },
      async (request, reply) => {
        await resetPassword(ctx, request.body.token, request.body.password, clientOf(request));
        reply.header('referrer-policy', 'no-referrer');
        return { status: 'password_changed' as const };
      },
    );

    app.post(
      '/auth/not-me',
      {
        config: { csrf: false },
        schema: {
          tags: ['auth'],
          summary: '"This wasn\'t me" from a security notice: end every session, block the password, alert the admins',
          body: Type.Object({ token: SecretToken }, closed),
          response: { 200: Type.Object({ status: Type.Literal('secured') }), ...errorResponses(400, 403) },
        },
      },
      async (request, reply) => {
        await reportNotMe(ctx, request.body.token, clientOf(request));
        reply.header('referrer-policy', 'no-referrer');
        return { status: 'secured' as const };
      },
    );

    app.post(
      '/auth/setup',
      {
        config: { csrf: false },
        schema: {
          tags: ['auth'],
          summary: 'First run: create the first owner with the one-time link printed at start',
          body: Type.Object(
            {
              token: SecretToken,
              email: Email,
              name: Type.String({ minLength: 1, maxLength: 200 }),
              password: Password,
              orgSlug: Type.Optional(OrgSlug),
              org: Type.Optional(
                Type.Object(
                  { slug: OrgSlug, name: Type.String({ minLength: 1, maxLength: 200 }), timeZone: TimeZone, locale: Type.Union(LOCALES.map((l) => Type.Literal(l))) },
                  closed,
                ),
              ),
            },
            closed,
          ),
          response: { 201: Type.Object({ userId: Type.String(), orgId: Type.String() }), ...errorResponses(400, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const created = await completeSetup(ctx, request.body, publicActor(request));
        return reply.status(201).send({ userId: created.id, orgId: created.orgId });
      },
    );
  };
}
