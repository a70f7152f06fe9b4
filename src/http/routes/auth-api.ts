import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app/ports.js';
import type { AuthCookies } from '../plugins/auth-cookies.js';
import { authRoutes } from './auth.js';
import { authInvitationRoutes } from './auth-invitations.js';
import { authMfaRoutes } from './auth-mfa.js';
import { authOrgRoutes } from './auth-org.js';
import { authMfaEnrolRoutes } from './auth-mfa-enrol.js';
import { authPasswordRoutes } from './auth-password.js';
import { authSessionRoutes } from './auth-sessions.js';

/** Every account route: /api/v1/auth/* and the signed-in organization's /api/v1/org/*. */
export function authApi(ctx: AppContext, cookies: AuthCookies): FastifyPluginAsync {
  return async (app) => {
    await app.register(authRoutes(ctx, cookies));
    await app.register(authSessionRoutes(ctx, cookies));
    await app.register(authMfaRoutes(ctx, cookies));
    await app.register(authMfaEnrolRoutes(ctx, cookies));
    await app.register(authPasswordRoutes(ctx, cookies));
    await app.register(authOrgRoutes(ctx));
    await app.register(authInvitationRoutes(ctx));
  };
}
