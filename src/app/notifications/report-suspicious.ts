import type { Actor, AppContext } from '../ports.js';

export interface SuspiciousReport {
  received: true;
  /** Whether the reference names a message we sent: a message without a valid one was not ours. */
  genuine: boolean;
}

const MESSAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A recipient reports a message as suspicious (the link in every message's footer). The report
 * goes to the audit log of the message's organization, where admins see it; nothing the
 * reporter typed is stored, so a report cannot plant personal data or text in our records.
 */
export async function reportSuspiciousMessage(ctx: AppContext, ref: string, actor: Actor): Promise<SuspiciousReport> {
  return ctx.uow.write(async (repos) => {
    const orgId = MESSAGE_ID.test(ref) ? await repos.outbox.orgOf(ref) : null;
    await repos.audit.record({
      orgId,
      actor,
      action: 'message.reported_suspicious',
      objectType: 'message',
      objectIds: orgId ? [ref] : [],
      outcome: 'success',
      reason: orgId ? 'ours' : 'unknown_reference',
    });
    return { received: true as const, genuine: orgId !== null };
  });
}
