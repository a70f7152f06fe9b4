import type { FastifyReply, FastifyRequest } from 'fastify';

/** Cookie names and attributes for the configured public URL. */
export interface AuthCookies {
  session: string;
  pending: string;
  secure: boolean;
  /** The one origin allowed to send state changes with our cookies. */
  origin: string;
}

/** `__Host-` cookies (Secure, Path=/, no Domain) on HTTPS; plain names on local HTTP. */
export function authCookiesFor(publicUrl: string): AuthCookies {
  const url = new URL(publicUrl);
  const secure = url.protocol === 'https:';
  const prefix = secure ? '__Host-' : '';
  return { session: `${prefix}sg_session`, pending: `${prefix}sg_pending`, secure, origin: url.origin };
}

const attributes = (c: AuthCookies) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: c.secure });

/** The session cookie lives as long as the browser; the server enforces idle and absolute ends. */
export function setSessionCookie(reply: FastifyReply, c: AuthCookies, token: string): void {
  reply.setCookie(c.session, token, attributes(c));
  reply.clearCookie(c.pending, attributes(c));
}

export function setPendingCookie(reply: FastifyReply, c: AuthCookies, token: string, maxAgeSeconds: number): void {
  reply.setCookie(c.pending, token, { ...attributes(c), maxAge: maxAgeSeconds });
}

export function clearAuthCookies(reply: FastifyReply, c: AuthCookies): void {
  reply.clearCookie(c.session, attributes(c));
  reply.clearCookie(c.pending, attributes(c));
}

export function cookieValue(request: FastifyRequest, name: string): string | null {
  const v = request.cookies[name];
  return typeof v === 'string' && /^[A-Za-z0-9_-]{32,128}$/.test(v) ? v : null;
}
