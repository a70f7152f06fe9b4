import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { confirmCodeChannel, confirmPasskey, confirmTotp, startCodeChannel, startPasskey, startTotp } from '../../app/auth/enrol-factors.js';
import { listFactors, regenerateRecoveryCodes, removeFactor } from '../../app/auth/manage-factors.js';
import type { EnrolmentDone } from '../../app/auth/mfa-enrolment.js';
import type { AppContext } from '../../app/ports.js';
import { type RegistrationResponseJSON, relyingPartyFor } from '../../security/mfa/webauthn.js';
import { csrfTokenFor } from '../../security/sessions/csrf-token.js';
import { type AuthCookies, setSessionCookie } from '../plugins/auth-cookies.js';
import { requireSession } from '../plugins/session-auth.js';
import { Id, closed, errorResponses } from '../schemas.js';
import { WebAuthnCredential, WebAuthnOptions, asJson } from './auth-mfa.js';

const ENROLLING = ['full', 'mfa_enrolment'] as const;
const Code = Type.String({ minLength: 4, maxLength: 16 });
const Channel = Type.Union([Type.Literal('email'), Type.Literal('sms')]);
const Done = Type.Object({
  recoveryCodes: Type.Union([Type.Array(Type.String()), Type.Null()]),
  stage: Type.String(),
  csrfToken: Type.String(),
});
const Factors = Type.Object({
  factors: Type.Array(
    Type.Object({ id: Type.String(), kind: Type.String(), label: Type.String(), createdAt: Type.String(), lastUsedAt: Type.Union([Type.String(), Type.Null()]) }),
  ),
  recoveryCodesLeft: Type.Integer(),
});

/** Enrolment ends sign-in when the session was waiting for it: the session then has a new cookie. */
function sendDone(reply: FastifyReply, cookies: AuthCookies, current: string, done: EnrolmentDone) {
  if (done.token) setSessionCookie(reply, cookies, done.token);
  return reply.send({ recoveryCodes: done.recoveryCodes, stage: done.stage, csrfToken: csrfTokenFor(done.token ?? current) });
}

/** Adding and removing second factors (a full session needs a recent step-up for these). */
export function authMfaEnrolRoutes(ctx: AppContext, cookies: AuthCookies): FastifyPluginAsyncTypebox {
  const rp = relyingPartyFor(ctx.publicUrl);
  const errors = errorResponses(400, 401, 403, 404, 429);
  return async (app) => {
    app.get(
      '/auth/mfa/factors',
      { schema: { tags: ['auth'], summary: 'My second factors', response: { 200: Factors, ...errorResponses(401) } } },
      async (request) => listFactors(ctx, requireSession(request, ENROLLING)),
    );

    app.post(
      '/auth/mfa/totp',
      {
        schema: {
          tags: ['auth'],
          summary: 'Start adding an authenticator app: its secret and otpauth URI, shown once',
          response: { 200: Type.Object({ factorId: Type.String(), secret: Type.String(), uri: Type.String() }), ...errors },
        },
      },
      async (request) => startTotp(ctx, requireSession(request, ENROLLING)),
    );

    app.post(
      '/auth/mfa/totp/confirm',
      {
        schema: {
          tags: ['auth'],
          summary: 'Confirm the authenticator app with a first code',
          body: Type.Object({ factorId: Id, code: Code }, closed),
          response: { 200: Done, ...errors },
        },
      },
      async (request, reply) => {
        const done = await confirmTotp(ctx, requireSession(request, ENROLLING), request.body.factorId, request.body.code);
        return sendDone(reply, cookies, request.sessionToken ?? '', done);
      },
    );

    app.post(
      '/auth/mfa/passkeys/options',
      { schema: { tags: ['auth'], summary: 'Options to create a passkey', response: { 200: WebAuthnOptions, ...errors } } },
      async (request) => asJson(await startPasskey(ctx, requireSession(request, ENROLLING), rp)),
    );

    app.post(
      '/auth/mfa/passkeys',
      {
        schema: {
          tags: ['auth'],
          summary: 'Register the passkey the browser created',
          body: Type.Object({ response: WebAuthnCredential, label: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })) }, closed),
          response: { 200: Done, ...errors },
        },
      },
      async (request, reply) => {
        const response = request.body.response as unknown as RegistrationResponseJSON;
        const done = await confirmPasskey(ctx, requireSession(request, ENROLLING), rp, response, request.body.label ?? 'Passkey');
        return sendDone(reply, cookies, request.sessionToken ?? '', done);
      },
    );

    app.post(
      '/auth/mfa/:channel',
      {
        schema: {
          tags: ['auth'],
          summary: 'Send a code to my email or phone to use it as a second factor',
          params: Type.Object({ channel: Channel }, closed),
          response: { 202: Type.Object({ sent: Type.Boolean() }), ...errors },
        },
      },
      async (request, reply) => {
        await startCodeChannel(ctx, requireSession(request, ENROLLING), request.sessionToken ?? '', request.params.channel);
        return reply.status(202).send({ sent: true });
      },
    );

    app.post(
      '/auth/mfa/:channel/confirm',
      {
        schema: {
          tags: ['auth'],
          summary: 'Confirm email or SMS codes as a second factor',
          params: Type.Object({ channel: Channel }, closed),
          body: Type.Object({ code: Code }, closed),
          response: { 200: Done, ...errors },
        },
      },
      async (request, reply) => {
        const token = request.sessionToken ?? '';
        const done = await confirmCodeChannel(ctx, requireSession(request, ENROLLING), token, request.params.channel, request.body.code);
        return sendDone(reply, cookies, token, done);
      },
    );

    app.post(
      '/auth/mfa/recovery-codes',
      {
        schema: {
          tags: ['auth'],
          summary: 'New recovery codes (the old ones stop working)',
          response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }), ...errors },
        },
      },
      async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(ctx, requireSession(request)) }),
    );

    app.delete(
      '/auth/mfa/factors/:factorId',
      {
        schema: {
          tags: ['auth'],
          summary: 'Remove a second factor',
          params: Type.Object({ factorId: Id }, closed),
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        await removeFactor(ctx, requireSession(request), request.params.factorId);
        return reply.status(204).send(null);
      },
    );
  };
}
