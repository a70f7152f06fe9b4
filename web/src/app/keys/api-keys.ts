import { api } from '../api';

/** A key as GET /api/v1/org/api-keys lists it: never its secret. */
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST's answer: the whole key, in this answer only. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

export type KeyState = 'active' | 'expired' | 'revoked';

export function keyState(key: ApiKey, now: number): KeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}

export const loadKeys = () => api.get<{ keys: ApiKey[] }>('/org/api-keys');

export const keysApi = {
  create: (body: { name: string; scopes: string[]; expiresAt: string | null }) => api.post<CreatedApiKey>('/org/api-keys', body),
  revoke: (id: string) => api.delete(`/org/api-keys/${encodeURIComponent(id)}`),
};

/** A scope's translation key (i18next reads ':' as a namespace separator). */
export const scopeKey = (scope: string) => `apiKeys.scope.${scope.replace(':', '_')}`;
