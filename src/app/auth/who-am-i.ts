import { notFound } from '../../domain/errors.js';
import type { AppContext } from '../ports.js';
import { membershipActive } from './account-model.js';
import { mfaMethodsOf } from './mfa-methods.js';
import { sessionLimits } from './resolve-session.js';
import type { AuthContext, SessionStage } from './session-model.js';

export interface MeView {
  user: { id: string; email: string; name: string; locale: string };
  session: { id: string; stage: SessionStage; authAt: string; authMethods: string[]; expiresAt: string; idleExpiresAt: string };
  org: { id: string; slug: string; name: string; role: string } | null;
  memberships: { orgId: string; slug: string; name: string; role: string; expiresAt: string | null }[];
  mfa: { methods: string[] };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The signed-in user, their session and their organizations. */
export async function whoAmI(ctx: AppContext, auth: AuthContext): Promise<MeView> {
  const now = ctx.clock.now();
  return ctx.uow.read(async (repos) => {
    const user = await repos.accounts.users.findById(auth.userId);
    const session = await repos.accounts.sessions.findById(auth.userId, auth.sessionId);
    if (!user || !session) throw notFound('User');
    const limits = await sessionLimits(repos, session, auth.role);
    const memberships = [];
    for (const m of (await repos.accounts.memberships.forUser(user.id)).filter((m) => membershipActive(m, now))) {
      const org = await repos.orgs.findById(m.orgId);
      if (!org) continue;
      memberships.push({
        orgId: org.id,
        slug: org.slug,
        name: org.name,
        role: m.role,
        expiresAt: m.expiresAt === null ? null : iso(m.expiresAt),
      });
    }
    const current = memberships.find((m) => m.orgId === auth.orgId);
    return {
      user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
      session: {
        id: session.id,
        stage: session.stage,
        authAt: iso(session.authAt),
        authMethods: session.authMethods,
        expiresAt: iso(limits.expiresAt),
        idleExpiresAt: iso(Math.min(limits.expiresAt, session.lastSeenAt + limits.idleMs)),
      },
      org: current ? { id: current.orgId, slug: current.slug, name: current.name, role: current.role } : null,
      memberships,
      mfa: { methods: await mfaMethodsOf(repos, user.id) },
    };
  });
}
