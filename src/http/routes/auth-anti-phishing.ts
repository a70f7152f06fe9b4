import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getMyAntiPhishingPhrase, setMyAntiPhishingPhrase } from '../../app/auth/anti-phishing-phrase.js';
import type { AppContext } from '../../app/ports.js';
import { requireSession } from '../plugins/session-auth.js';
import { closed, errorResponses } from '../schemas.js';

// Null first: with type coercion on, a null would otherwise become "".
const Phrase = Type.Union([Type.Null(), Type.String({ maxLength: 200 })]);
const View = Type.Object({ phrase: Phrase });

/** A user's own anti-phishing phrase: every security message to them shows it. */
export function authAntiPhishingRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/auth/anti-phishing-phrase',
      {
        schema: {
          tags: ['auth'],
          summary: 'My anti-phishing phrase (null when none is set)',
          response: { 200: View, ...errorResponses(401, 403) },
        },
      },
      async (request) => getMyAntiPhishingPhrase(ctx, requireSession(request)),
    );

    app.put(
      '/auth/anti-phishing-phrase',
      {
        schema: {
          tags: ['auth'],
          summary: 'Set (or, with null, remove) my anti-phishing phrase (step-up required)',
          body: Type.Object({ phrase: Phrase }, closed),
          response: { 200: View, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => setMyAntiPhishingPhrase(ctx, requireSession(request), request.body.phrase),
    );
  };
}
