import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Origins an organization lets frame its booking page (its embed snippet); none by default. */
export type FrameAncestors = (orgSlug: string) => Promise<readonly string[]>;

export interface WebOptions {
  /** The built UI (`vite build` output); dist/web by default. */
  root?: string;
  frameAncestors?: FrameAncestors;
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

const ORG_SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
// A scheme and host (an optional leading "*." and port): nothing that could end the CSP directive.
const FRAME_ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

const noOrigins: FrameAncestors = async () => [];

/**
 * The booking, manage, report and staff pages of the single-page app: hashed assets cached for a year, the
 * HTML never cached, and only these paths fall back to index.html. The HTML keeps the app's
 * CSP; only frame-ancestors changes, to the origins the business allows for its booking page.
 */
export function webRoutes(options: WebOptions = {}): FastifyPluginAsync {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const frameAncestors = options.frameAncestors ?? noOrigins;

  return async (app) => {
    const assets = join(root, 'assets');
    if (existsSync(assets)) {
      // Loaded here, not at the top: CLI commands that never serve HTTP skip its start-up cost.
      const { default: fastifyStatic } = await import('@fastify/static');
      await app.register(fastifyStatic, {
        root: assets,
        prefix: '/assets/',
        index: false,
        immutable: true,
        maxAge: '365d',
        decorateReply: false,
      });
    }

    const page = async (reply: FastifyReply, origins: readonly string[]): Promise<FastifyReply> => {
      let html: string;
      try {
        html = await readFile(join(root, 'index.html'), 'utf8');
      } catch {
        return reply
          .status(503)
          .header('cache-control', 'no-store')
          .type('text/plain; charset=utf-8')
          .send('The web app is not built yet: run "npm run build".');
      }
      const allowed = origins.filter((o) => FRAME_ORIGIN.test(o));
      if (allowed.length > 0) {
        const csp = String(reply.getHeader('content-security-policy') ?? '');
        reply.header('content-security-policy', csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${allowed.join(' ')}`));
        reply.removeHeader('x-frame-options');
      }
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    };

    const bookingPage = async (org: string, reply: FastifyReply) =>
      page(reply, ORG_SLUG.test(org) ? await frameAncestors(org) : []);

    app.get<{ Params: { org: string } }>('/book/:org', { schema: { hide: true } }, (request, reply) => bookingPage(request.params.org, reply));
    app.get<{ Params: { org: string } }>('/book/:org/*', { schema: { hide: true } }, (request, reply) => bookingPage(request.params.org, reply));
    app.get('/manage', { schema: { hide: true } }, (_request, reply) => {
      // The manage token sits in the fragment; no-referrer keeps even the page address to itself.
      reply.header('referrer-policy', 'no-referrer');
      return page(reply, []);
    });

    // Linked from every message we send (?ref=<message id>): never framed, and no referrer.
    app.get('/report-suspicious', { schema: { hide: true } }, (_request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      return page(reply, []);
    });

    // The staff and admin app: never framed (frame-ancestors 'none'), never cached, and no
    // referrer, since the invitation link carries its token in the fragment.
    const staffApp = (_request: unknown, reply: FastifyReply) => {
      reply.header('referrer-policy', 'no-referrer');
      return page(reply, []);
    };
    app.get('/app', { schema: { hide: true } }, staffApp);
    app.get('/app/*', { schema: { hide: true } }, staffApp);
    // Invitation links are mailed as /invite#token; the app takes them from there.
    app.get('/invite', { schema: { hide: true } }, staffApp);
    // Account links carry their token in the fragment too: first-run setup, password reset, "this wasn't me".
    for (const path of ['/setup', '/reset-password', '/not-me']) app.get(path, { schema: { hide: true } }, staffApp);
  };
}
