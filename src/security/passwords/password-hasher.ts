import { hash, verify } from '@node-rs/argon2';

// `Algorithm.Argon2id` of @node-rs/argon2 (an ambient const enum, which isolated modules cannot read).
const ARGON2ID = 2;

/** OWASP Password Storage Cheat Sheet: Argon2id, 19 MiB, 2 iterations, 1 lane. */
export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const ARGON2_PARAMS: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Passwords are compared as NIST asks: Unicode-normalized (NFKC), never truncated or case-folded. */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

export function hashPassword(password: string, params: Argon2Params = ARGON2_PARAMS): Promise<string> {
  return hash(normalizePassword(password), { algorithm: ARGON2ID, ...params });
}

export interface PasswordCheck {
  ok: boolean;
  /** The stored hash used other parameters than today's: store a new one now that we know the password. */
  needsRehash: boolean;
}

/** Parameters as written in a PHC string: `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`. */
function paramsOf(phc: string): (Argon2Params & { algorithm: string }) | null {
  const m = /^\$(argon2(?:id|i|d))\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(phc);
  if (!m) return null;
  return { algorithm: m[1] as string, memoryCost: Number(m[2]), timeCost: Number(m[3]), parallelism: Number(m[4]) };
}

export function needsRehash(phc: string, params: Argon2Params = ARGON2_PARAMS): boolean {
  const p = paramsOf(phc);
  return (
    p === null ||
    p.algorithm !== 'argon2id' ||
    p.memoryCost !== params.memoryCost ||
    p.timeCost !== params.timeCost ||
    p.parallelism !== params.parallelism
  );
}

// Verified when there is no user (or no password): unknown accounts cost the same time.
let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password against a stored hash, or against a dummy hash of the same cost when
 * there is none, so that "no such user" and "wrong password" take the same time.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<PasswordCheck> {
  dummyHash ??= hashPassword('slotguard-dummy-password-never-matches');
  const target = stored ?? (await dummyHash);
  const ok = await verify(target, normalizePassword(password));
  if (stored === null) return { ok: false, needsRehash: false };
  return { ok, needsRehash: ok && needsRehash(stored) };
}
