import { MS_PER_HOUR, MS_PER_MINUTE } from '../../domain/time/units.js';

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

/** security.md (ASVS 7.3, HIPAA automatic logoff): people who run a business get shorter sessions. */
export const STAFF_TIMEOUTS: SessionTimeouts = { idleMs: 15 * MS_PER_MINUTE, absoluteMs: 12 * MS_PER_HOUR };
export const CUSTOMER_TIMEOUTS: SessionTimeouts = { idleMs: 60 * MS_PER_MINUTE, absoluteMs: 24 * MS_PER_HOUR };
/** A session that may only finish sign-in (enrol a factor, replace a password) ends sooner. */
export const RESTRICTED_TIMEOUTS: SessionTimeouts = { idleMs: 10 * MS_PER_MINUTE, absoluteMs: 30 * MS_PER_MINUTE };

/** Sensitive actions need an authentication at most this old (step-up). */
export const STEP_UP_MAX_AGE_MS = 15 * MS_PER_MINUTE;
