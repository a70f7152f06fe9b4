import { api } from '../api';

/** A member as GET /api/v1/org/members lists them (disabled accounts where the API says so). */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  expiresAt: string | null;
  disabled?: boolean;
  disabledAt?: string | null;
}

export const isDisabled = (m: Member) => m.disabled === true || (m.disabledAt !== undefined && m.disabledAt !== null);

export const loadMembers = () => api.get<{ members: Member[] }>('/org/members');

const path = (userId: string, rest: string) => `/org/members/${encodeURIComponent(userId)}/${rest}`;

export const membersApi = {
  setRole: (userId: string, role: string, expiresAt: string | null) => api.put<Member>(path(userId, 'role'), { role, expiresAt }),
  disable: (userId: string) => api.post(path(userId, 'disable')),
  enable: (userId: string) => api.post(path(userId, 'enable')),
  resetMfa: (userId: string) => api.post(path(userId, 'mfa/reset')),
  invite: (role: string) => api.post<{ link: string; role: string; expiresAt: string }>('/org/invitations', { role }),
};

/** The end of a chosen day (YYYY-MM-DD) in the browser's zone, as the API's ISO instant. */
export function endOfDay(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const end = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

/** An ISO instant as the YYYY-MM-DD a date field shows (in the browser's zone). */
export function dayOf(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
