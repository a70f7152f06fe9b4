import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { finishPasskeyLogin, startPasskeyLogin } from '../../app/auth/passkey-login.js';
import { MFA_METHODS, type MfaMethod } from '../../app/auth/second-factor.js';
import { reauthenticate } from '../../app/auth/step-up.js';
import { pendingPasskeyOptions, sendSignInCode, verifyMfa } from '../../app/auth/verify-mfa.js';
import type { AppContext } from '../../app/ports.js';
import { DomainError } from '../../domain/errors.js';
import { type AuthenticationResponseJSON, relyingPartyFor } from '../../security/mfa/webauthn.js';
import { csrfTokenFor } from '../../security/sessions/csrf-token.js';
import { type AuthCookies, cookieValue, setPendingCookie, setSessionCookie } from '../plugins/auth-cookies.js';
import { clientOf, requireSession } from '../plugins/session-auth.js';
import { closed, errorResponses } from '../schemas.js';
import { Password, SignedInBody, sendSignIn } from './auth.js';

/** A WebAuthn credential as the browser serializes it; SimpleWebAuthn checks its inside. */
export const WebAuthnCredential = Type.Object(
  {
    id: Type.String({ maxLength: 1024 }),
    rawId: Type.String({ maxLength: 1024 }),
    type: Type.Literal('public-key'),
    response: Type.Record(Type.String(), Type.Unknown()),
    clientExtensionResults: Type.Record(Type.String(), Type.Unknown()),
    authenticatorAttachment: Type.Optional(Type.String()),
  },
  closed,
);
export const WebAuthnOptions = Type.Record(Type.String(), Type.Unknown());

const Method = Type.Union(MFA_METHODS.map((m) => Type.Literal(m)));
const Code = Type.String({ minLength: 4, maxLength: 32 });
const Verify = Type.Object({ method: Method, code: Type.Optional(Code), assertion: Type.Optional(WebAuthnCredential) }, closed);
const Reauth = Type.Object({ method: Type.Union([Type.Literal('password'), Method]), password: Type.Optional(Password), code: Type.Optional(Code) }, closed);

export const asAssertion = (a: unknown) => a as AuthenticationResponseJSON;
/** Options objects go out as they are (their fields are the WebAuthn standard's). */
export const asJson = (o: object): Record<string, unknown> => ({ ...o });

function pendingToken(request: FastifyRequest, cookies: AuthCookies): string {
  const token = cookieValue(request, cookies.pending);
  if (!token) throw new DomainError('unauthenticated', 'Sign in with your password first');
  return token;
}

/** The second step of sign-in, passwordless passkeys and step-up. */
export function authMfaRoutes(ctx: AppContext, cookies: AuthCookies): FastifyPluginAsyncTypebox {
  const rp = relyingPartyFor(ctx.publicUrl);
  return async (app) => {
    app.post(
      '/auth/mfa/verify',
      {
        schema: {
          tags: ['auth'],
          summary: 'Answer the second factor of a pending sign-in (code or passkey assertion)',
          body: Verify,
          response: { 200: SignedInBody, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const { method, code, assertion } = request.body;
        const answer = { method: method as MfaMethod, ...(code ? { code } : {}), ...(assertion ? { assertion: asAssertion(assertion) } : {}) };
        return sendSignIn(reply, cookies, await verifyMfa(ctx, pendingToken(request, cookies), answer, clientOf(request), rp));
      },
    );

    app.post(
      '/auth/mfa/send',
      {
        schema: {
          tags: ['auth'],
          summary: 'Send a one-time code by email or SMS for a pending sign-in (SMS is a restricted factor)',
          body: Type.Object({ method: Type.Union([Type.Literal('email'), Type.Literal('sms')]) }, closed),
          response: { 202: Type.Object({ sent: Type.Boolean(), warning: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        await sendSignInCode(ctx, pendingToken(request, cookies), request.body.method, clientOf(request));
        const warning = request.body.method === 'sms' ? 'SMS codes can be intercepted; prefer a passkey or an authenticator app' : null;
        return reply.status(202).send({ sent: true, warning });
      },
    );

    app.post(
      '/auth/mfa/webauthn/options',
      { schema: { tags: ['auth'], summary: 'Passkey prompt options for a pending sign-in', response: { 200: WebAuthnOptions, ...errorResponses(400, 401, 403) } } },
      async (request) => asJson(await pendingPasskeyOptions(ctx, pendingToken(request, cookies), rp)),
    );

    app.post(
      '/auth/passkey/options',
      {
        config: { csrf: false },
        schema: {
          tags: ['auth'],
          summary: 'Start a passwordless sign-in with a passkey',
          response: { 200: Type.Object({ options: WebAuthnOptions, csrfToken: Type.String() }), ...errorResponses(403) },
        },
      },
      async (_request, reply) => {
        const { token, options } = await startPasskeyLogin(ctx, rp);
        setPendingCookie(reply, cookies, token, 300);
        return reply.send({ options: asJson(options), csrfToken: csrfTokenFor(token) });
      },
    );

    app.post(
      '/auth/passkey/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Finish a passwordless sign-in with the passkey assertion',
          body: Type.Object({ assertion: WebAuthnCredential }, closed),
          response: { 200: SignedInBody, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const signedIn = await finishPasskeyLogin(ctx, pendingToken(request, cookies), asAssertion(request.body.assertion), clientOf(request), rp);
        return sendSignIn(reply, cookies, signedIn);
      },
    );

    app.post(
      '/auth/reauth',
      {
        schema: {
          tags: ['auth'],
          summary: 'Step-up: confirm it is you before a sensitive action (valid 15 minutes)',
          body: Reauth,
          response: { 200: Type.Object({ csrfToken: Type.String() }), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const auth = requireSession(request);
        const { method, password, code } = request.body;
        const input = method === 'password' ? { method, password: password ?? '' } : { method, ...(code ? { code } : {}) };
        const token = await reauthenticate(ctx, auth, request.sessionToken ?? '', input, clientOf(request), rp);
        setSessionCookie(reply, cookies, token);
        return reply.send({ csrfToken: csrfTokenFor(token) });
      },
    );
  };
}
