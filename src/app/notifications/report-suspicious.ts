import type { Actor, AppContext } from '../ports.js';

export interface SuspiciousReport {
  received: true;
  /** Whether the reference names a message we sent: a message without a valid one was not ours. */
  genuine: boolean;
}

/** What the reporter noticed, as fixed choices: free text could plant personal data in our records. */
export const SUSPICIOUS_SIGNS = ['asked_for_secret', 'asked_for_payment', 'unexpected_link', 'not_my_booking', 'other'] as const;
export type SuspiciousSign = (typeof SUSPICIOUS_SIGNS)[number];

export interface SuspiciousReportInput {
  /** The `ref` of the message's report link; absent when the message had none. */
  ref?: string;
  what?: readonly SuspiciousSign[];
  /** The business may get in touch through the details it already holds (none are asked here). */
  contactMe?: boolean;
}

const MESSAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A recipient reports a message as suspicious (the link in every message's footer). The report
 * goes to the audit log of the message's organization, where admins see it; nothing the
 * reporter typed is stored, so a report cannot plant personal data or text in our records.
 */
export async function reportSuspiciousMessage(ctx: AppContext, input: SuspiciousReportInput, actor: Actor): Promise<SuspiciousReport> {
  return ctx.uow.write(async (repos) => {
    const ref = input.ref;
    const orgId = ref && MESSAGE_ID.test(ref) ? await repos.outbox.orgOf(ref) : null;
    const what = SUSPICIOUS_SIGNS.filter((s) => input.what?.includes(s));
    const reason = [
      orgId ? 'ours' : ref ? 'unknown_reference' : 'no_reference',
      ...(what.length > 0 ? [what.join(',')] : []),
      ...(orgId && input.contactMe === true ? ['contact_ok'] : []),
    ].join(':');
    await repos.audit.record({
      orgId,
      actor,
      action: 'message.reported_suspicious',
      objectType: 'message',
      objectIds: orgId && ref ? [ref] : [],
      outcome: 'success',
      reason,
    });
    return { received: true as const, genuine: orgId !== null };
  });
}
