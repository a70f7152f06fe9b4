import { DomainError, slotUnavailable } from '../domain/errors.js';

/** PostgreSQL's exclusion-constraint violation: two live bookings would overlap. */
const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';

export class UniqueViolation extends Error {
  constructor(readonly constraint: string | undefined) {
    super('unique violation');
    this.name = 'UniqueViolation';
  }
}

function codeOf(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}

/** Turns engine-specific constraint errors into errors the app understands; rethrows the rest. */
export function mapWriteError(e: unknown): never {
  if (e instanceof DomainError) throw e;
  const code = codeOf(e);
  if (code === EXCLUSION_VIOLATION) throw slotUnavailable();
  if (code === UNIQUE_VIOLATION || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
    const constraint =
      typeof e === 'object' && e !== null && 'constraint' in e && typeof e.constraint === 'string' ? e.constraint : undefined;
    throw new UniqueViolation(constraint);
  }
  throw e;
}

/** A `.catch` handler that turns a unique violation into the given error, others as mapWriteError. */
export function uniqueViolationAs(make: () => Error): (e: unknown) => never {
  return (e: unknown) => {
    try {
      return mapWriteError(e);
    } catch (mapped) {
      throw mapped instanceof UniqueViolation ? make() : mapped;
    }
  };
}
