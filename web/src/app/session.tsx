import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onSignedOut, setCsrfToken } from './api';
import { type Permission, roleAllows } from './permissions';

export type SessionStage = 'full' | 'mfa_enrolment' | 'password_change';

/** Where a session at each stage belongs: the app, forced MFA enrolment, or a forced password change. */
export const PLACE_OF_STAGE: Record<SessionStage, string> = { full: '/app', mfa_enrolment: '/app/enrol', password_change: '/app/change-password' };

/** A sign-in's answer once no second factor is asked for (login, MFA, passkey). */
export interface SignedIn {
  mfaRequired: false;
  stage: SessionStage;
  userId: string;
  csrfToken: string;
  passwordChangeSuggested: boolean;
}

/** GET /api/v1/auth/me: who I am, this session, my organization and role. */
export interface Me {
  user: { id: string; email: string; name: string; locale: string };
  session: { id: string; stage: SessionStage; authAt: string; authMethods: string[]; expiresAt: string; idleExpiresAt: string };
  org: { id: string; slug: string; name: string; role: string } | null;
  memberships: { orgId: string; slug: string; name: string; role: string; expiresAt: string | null }[];
  mfa: { methods: string[] };
  csrfToken: string;
}

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'error'; error: ApiError } | { status: 'signed-in'; me: Me };

interface SessionValue {
  state: SessionState;
  /** The signed-in user (null before sign-in). */
  me: Me | null;
  /** Reads /auth/me again (after sign-in, enrolment, a role change...). */
  refresh: () => Promise<SessionState>;
  /** Whether my role in the current organization allows this; the API still decides. */
  can: (permission: Permission) => boolean;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

async function loadMe(): Promise<SessionState> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return { status: 'signed-in', me };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return { status: 'signed-out' };
    return { status: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)) };
  }
}

/** Holds the session for every /app page; a 401 from any call signs the page out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const next = await loadMe();
    setState(next);
    return next;
  }, []);

  useEffect(() => {
    void refresh();
    return onSignedOut(() => setState({ status: 'signed-out' }));
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch (e) {
      // Already signed out is the wanted outcome; anything else still leaves this page signed out.
      if (!(e instanceof ApiError)) throw e;
    }
    setCsrfToken(null);
    setState({ status: 'signed-out' });
  }, []);

  const value = useMemo<SessionValue>(() => {
    const me = state.status === 'signed-in' ? state.me : null;
    return { state, me, refresh, signOut, can: (permission) => roleAllows(me?.org?.role, permission) };
  }, [state, refresh, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user inside the shell, where a session is certain. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}

/** `can('org:manage')`: whether the page should offer what this permission covers. */
export function useCan(): (permission: Permission) => boolean {
  return useSession().can;
}
