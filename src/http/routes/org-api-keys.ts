import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { API_KEY_SCOPES } from '../../app/access/api-key-scopes.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../app/auth/api-keys.js';
import type { AppContext } from '../../app/ports.js';
import { Id, Instant, closed, errorResponses } from '../schemas.js';

const Scope = Type.Union(API_KEY_SCOPES.map((s) => Type.Literal(s)));
const Iso = Type.Union([Type.String(), Type.Null()]);
const ApiKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  expiresAt: Iso,
  lastUsedAt: Iso,
  revokedAt: Iso,
});

/**
 * API keys of the signed-in organization, for integrations that call the API with
 * `Authorization: Bearer sgk_...`. Making and revoking one needs a step-up.
 */
export function orgApiKeyRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/org/api-keys',
      {
        schema: {
          tags: ['auth'],
          summary: "My organization's API keys (never their secrets)",
          response: { 200: Type.Object({ keys: Type.Array(ApiKey) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ keys: await listApiKeys(ctx, request.auth) }),
    );

    app.post(
      '/org/api-keys',
      {
        schema: {
          tags: ['auth'],
          summary: 'Make an API key with scopes; the key is in this answer only (step-up required)',
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 100 }),
              scopes: Type.Array(Scope, { minItems: 1, maxItems: API_KEY_SCOPES.length, uniqueItems: true }),
              expiresAt: Type.Optional(Type.Union([Type.Null(), Instant])),
            },
            closed,
          ),
          response: { 201: Type.Object({ ...ApiKey.properties, key: Type.String() }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => reply.status(201).send(await createApiKey(ctx, request.auth, request.body)),
    );

    app.delete(
      '/org/api-keys/:keyId',
      {
        schema: {
          tags: ['auth'],
          summary: 'Revoke an API key at once (step-up required)',
          params: Type.Object({ keyId: Id }, closed),
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        await revokeApiKey(ctx, request.auth, request.params.keyId);
        return reply.status(204).send(null);
      },
    );
  };
}
