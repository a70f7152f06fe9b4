import { DomainError } from '../domain/errors.js';
import type { AuditEntry, UnitOfWork } from './ports.js';

/**
 * Runs a use case and, when it fails, records the failure in the audit log (a success is
 * recorded by the use case inside its own transaction, so it commits with the change).
 */
export async function audited<T>(
  uow: UnitOfWork,
  entry: Omit<AuditEntry, 'outcome' | 'reason'>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = e instanceof DomainError ? e.code : 'internal_error';
    const outcome = code === 'forbidden' || code === 'unauthenticated' ? 'denied' : 'failure';
    await uow.write((r) => r.audit.record({ ...entry, outcome, reason: code }));
    throw e;
  }
}
