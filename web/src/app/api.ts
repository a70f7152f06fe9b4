import { ApiError, requestApi } from '../api/client';

export { ApiError };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The CSRF token of the current session (or pending sign-in). The server hands it out with
 * every answer that starts or rotates a session, and with GET /auth/me; every state change
 * sends it back in X-CSRF-Token.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Called whenever the API answers 401 unauthenticated: the session has ended. */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** Remembers a fresh CSRF token from any answer that carries one (sign-in, step-up, enrolment). */
function keepCsrfToken(json: unknown): void {
  if (json && typeof json === 'object' && 'csrfToken' in json && typeof json.csrfToken === 'string') csrfToken = json.csrfToken;
}

/**
 * An authenticated call to /api/v1 with the session cookie (same origin only) and the CSRF
 * header on state changes. A refusal becomes an ApiError with the server's stable code
 * (`reauth_required`, `forbidden`, ...); nothing is cached.
 */
export async function apiCall<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {};
  let json: unknown;
  try {
    json = await requestApi(method, path, body, headers);
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 401 && failure.code === 'unauthenticated') for (const listener of signedOutListeners) listener();
    throw failure;
  }
  keepCsrfToken(json);
  return json as T;
}

/** Short forms for the pages: `api.get<Members>('/org/members')`, `api.put('/org/settings', body)`. */
export const api = {
  get: <T>(path: string) => apiCall<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiCall<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => apiCall<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => apiCall<T>('PATCH', path, body),
  delete: <T = null>(path: string) => apiCall<T>('DELETE', path),
};
