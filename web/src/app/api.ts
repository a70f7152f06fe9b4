import { ApiError } from '../api/client';
import type { ErrorDetail } from '../api/types';

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

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
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
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  const text = await res.text();
  const json: unknown = text ? safeParse(text) : null;
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)?.error;
    const failure = new ApiError(res.status, error?.code ?? 'server_error', error?.message ?? res.statusText, error?.details ?? []);
    if (res.status === 401 && failure.code === 'unauthenticated') for (const listener of signedOutListeners) listener();
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
