import { MS_PER_DAY } from '../../domain/time/units.js';
import type { Repositories } from '../ports.js';
import type { User } from './account-model.js';
import { type LoginThrottle, recordLoginSuccess } from './login-throttle.js';
import { DEFAULT_SECURITY_POLICY } from './security-policy.js';
import { sendSecurityNotice } from './security-notices.js';
import type { ClientInfo, SessionStage } from './session-model.js';
import { activeMembership, openSession } from './session-start.js';
import { stageAfterSignIn } from './sign-in-stage.js';

export interface SignedIn {
  kind: 'session';
  /** The session cookie's value: handed out once, stored only as a hash. */
  token: string;
  sessionId: string;
  userId: string;
  stage: SessionStage;
  /** The org's optional change reminder is due (never forced: NIST). */
  passwordChangeSuggested: boolean;
}

export interface SignInProof {
  user: User;
  /** Factors proven, e.g. ["password", "totp"] or ["passkey"]. */
  methods: string[];
  hasMfa: boolean;
  throttle: LoginThrottle | null;
  client: ClientInfo;
  now: number;
  /** For the links in the notice a sign-in from a new browser sends. */
  publicUrl: string;
}

/** The user proved who they are: clear their failure counters and open their session. */
export async function finishSignIn(repos: Repositories, p: SignInProof): Promise<SignedIn> {
  const membership = activeMembership(await repos.accounts.memberships.forUser(p.user.id), p.now);
  const policy = membership ? await repos.accounts.securityPolicies.forOrg(membership.orgId) : DEFAULT_SECURITY_POLICY;
  const stage = stageAfterSignIn(p.user, membership?.role ?? null, policy, p.hasMfa);
  if (p.throttle) await recordLoginSuccess(repos, p.throttle);
  const seen = await repos.accounts.sessions.history(p.user.id, p.client.userAgent);
  if (seen.sessions > 0 && !seen.sameBrowser) await sendSecurityNotice(repos, p.publicUrl, p.user, 'new_device', p.now);
  const { token, session } = await openSession(repos, { userId: p.user.id, membership, stage, policy, authMethods: p.methods, now: p.now, client: p.client });
  const reminder = policy.passwordChangeReminderDays;
  const changed = p.user.passwordChangedAt;
  return {
    kind: 'session',
    token,
    sessionId: session.id,
    userId: p.user.id,
    stage,
    passwordChangeSuggested: reminder !== null && changed !== null && p.now - changed > reminder * MS_PER_DAY,
  };
}
