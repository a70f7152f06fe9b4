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

export const SEALED_COLUMNS: SealedColumn[] = [
  customerColumn('name'),
  customerColumn('email'),
  customerColumn('phone'),
  bookingColumn('notes'),
  bookingColumn('cancel_reason'),
];
