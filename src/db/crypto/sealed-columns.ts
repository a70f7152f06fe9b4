import { USERS_KEY_SCOPE } from '../repositories/user-repository.js';
import type { KeyOwner } from './key-ring.js';

/**
 * Every column that holds sealed values, with how to find the owner of a row's key. Key
 * rotation re-encrypts exactly these; a new sealed column must be listed here.
 */
export interface SealedColumn {
  table: string;
  /** The column in the database (`*_enc`). */
  dbColumn: string;
  /** The column name bound into the ciphertext's associated data. */
  aadColumn: string;
  /** Extra columns a row needs for ownerOf. */
  ownerColumns: string[];
  ownerOf(row: Record<string, unknown>): KeyOwner;
}

const str = (v: unknown) => String(v);

const customerColumn = (column: string): SealedColumn => ({
  table: 'customers',
  dbColumn: `${column}_enc`,
  aadColumn: column,
  ownerColumns: ['org_id'],
  ownerOf: (r) => ({ orgId: str(r.org_id), type: 'customer', id: str(r.id) }),
});

const bookingColumn = (column: string): SealedColumn => ({
  table: 'bookings',
  dbColumn: `${column}_enc`,
  aadColumn: column,
  ownerColumns: ['org_id', 'customer_id'],
  ownerOf: (r) =>
    r.customer_id
      ? { orgId: str(r.org_id), type: 'customer', id: str(r.customer_id) }
      : { orgId: str(r.org_id), type: 'org', id: str(r.org_id) },
});

/** Sealed with the organization's own key. */
const orgColumn = (table: string, column: string): SealedColumn => ({
  table,
  dbColumn: `${column}_enc`,
  aadColumn: column,
  ownerColumns: ['org_id'],
  ownerOf: (r) => ({ orgId: str(r.org_id), type: 'org', id: str(r.org_id) }),
});

// Users' keys are not an organization's (a user may belong to several): see user-repository.ts.
const userOwner = (userId: unknown): KeyOwner => ({ orgId: USERS_KEY_SCOPE, type: 'user', id: str(userId) });

const userColumn = (column: string): SealedColumn => ({
  table: 'users',
  dbColumn: `${column}_enc`,
  aadColumn: column,
  ownerColumns: [],
  ownerOf: (r) => userOwner(r.id),
});

/** A queued message's personal part is sealed with its owner's key, named as enqueue names it (outbox-repository.ts). */
const outboxSealed: SealedColumn = {
  table: 'outbox_messages',
  dbColumn: 'sealed',
  aadColumn: 'sealed',
  ownerColumns: ['org_id', 'owner_type', 'owner_id'],
  ownerOf: (r) => ({ orgId: str(r.org_id), type: str(r.owner_type) as KeyOwner['type'], id: str(r.owner_id) }),
};

export const SEALED_COLUMNS: SealedColumn[] = [
  customerColumn('name'),
  customerColumn('email'),
  customerColumn('phone'),
  bookingColumn('notes'),
  bookingColumn('cancel_reason'),
  orgColumn('staff_members', 'email'),
  orgColumn('staff_members', 'phone'),
  orgColumn('webhook_endpoints', 'secret'),
  userColumn('email'),
  userColumn('name'),
  userColumn('phone'),
  userColumn('anti_phishing'),
  {
    table: 'mfa_factors',
    dbColumn: 'secret_enc',
    aadColumn: 'secret',
    ownerColumns: ['user_id'],
    ownerOf: (r) => userOwner(r.user_id),
  },
  outboxSealed,
];
