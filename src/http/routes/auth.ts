import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type LoginResult, login } from '../../app/auth/login.js';
import { logout } from '../../app/auth/my-sessions.js';
import { whoAmI } from '../../app/auth/who-am-i.js';
import { MFA_CHALLENGE_TTL_MS } from '../../app/auth/mfa-challenge.js';
import type { AppContext } from '../../app/ports.js';
import { csrfTokenFor } from '../../security/sessions/csrf-token.js';
import { closed, errorResponses } from '../schemas.js';
import { type AuthCookies, clearAuthCookies, setPendingCookie, setSessionCookie } from '../plugins/auth-cookies.js';
import { clientOf, requireSession } from '../plugins/session-auth.js';
import type { FastifyReply } from 'fastify';

export const Email = Type.String({ minLength: 3, maxLength: 254 });
/** Bounded so that nobody can make us hash megabytes (the policy allows 128 characters). */
export const Password = Type.String({ minLength: 1, maxLength: 1024 });
const Stage = Type.Union([Type.Literal('full'), Type.Literal('mfa_enrolment'), Type.Literal('password_change')]);

export const SignedInBody = Type.Object({
  mfaRequired: Type.Literal(false),
  stage: Stage,
  userId: Type.String(),
  csrfToken: Type.String(),
  passwordChangeSuggested: Type.Boolean(),
});
const MfaPendingBody = Type.Object({ mfaRequired: Type.Literal(true), methods: Type.Array(Type.String()), csrfToken: Type.String() });

const Me = Type.Object({
  user: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), locale: Type.String() }),
  session: Type.Object({
    id: Type.String(),
    stage: Stage,
    authAt: Type.String(),
    authMethods: Type.Array(Type.String()),
    expiresAt: Type.String(),
    idleExpiresAt: Type.String(),
  }),
  org: Type.Union([Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String(), role: Type.String() }), Type.Null()]),
  memberships: Type.Array(
    Type.Object({ orgId: Type.String(), slug: Type.String(), name: Type.String(), role: Type.String(), expiresAt: Type.Union([Type.String(), Type.Null()]) }),
  ),
  mfa: Type.Object({ methods: Type.Array(Type.String()) }),
  csrfToken: Type.String(),
});

/** Sends a sign-in's outcome: the session cookie, or the pending cookie and the factors to choose from. */
export function sendSignIn(reply: FastifyReply, cookies: AuthCookies, result: LoginResult) {
  if (result.kind === 'mfa') {
    setPendingCookie(reply, cookies, result.token, MFA_CHALLENGE_TTL_MS / 1000);
    return reply.send({ mfaRequired: true as const, methods: result.methods, csrfToken: csrfTokenFor(result.token) });
  }
  setSessionCookie(reply, cookies, result.token);
  return reply.send({
    mfaRequired: false as const,
    stage: result.stage,
    userId: result.userId,
    csrfToken: csrfTokenFor(result.token),
    passwordChangeSuggested: result.passwordChangeSuggested,
  });
}

/** Sign-in, sign-out and "who am I" (stable paths: the web app and integrations rely on them). */
export function authRoutes(ctx: AppContext, cookies: AuthCookies): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { csrf: false },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password; may ask for a second factor',
          body: Type.Object({ email: Email, password: Password }, closed),
          response: { 200: Type.Union([SignedInBody, MfaPendingBody]), ...errorResponses(400, 401, 403, 415, 429) },
        },
      },
      async (request, reply) => sendSignIn(reply, cookies, await login(ctx, request.body, clientOf(request))),
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign out: ends this session and clears site data',
          response: { 204: Type.Null(), ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const auth = requireSession(request, ['full', 'mfa_enrolment', 'password_change']);
        await logout(ctx, auth);
        clearAuthCookies(reply, cookies);
        reply.header('clear-site-data', '"cache", "cookies", "storage"');
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, session and organizations, with the CSRF token for state changes',
          response: { 200: Me, ...errorResponses(401) },
        },
      },
      async (request) => {
        const auth = requireSession(request, ['full', 'mfa_enrolment', 'password_change']);
        return { ...(await whoAmI(ctx, auth)), csrfToken: csrfTokenFor(request.sessionToken ?? '') };
      },
    );
  };
}
