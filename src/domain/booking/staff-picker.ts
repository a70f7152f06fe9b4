/** What the "any available staff" choice was based on, kept on the booking record. */
export interface AssignmentReason {
  rule: 'requested' | 'least_booked_then_round_robin';
  candidates: { staffId: string; bookingsThatDay: number; lastAssignedAt: number | null }[];
  chosen: string;
  explanation: string;
}

export interface StaffLoad {
  staffId: string;
  /** Live bookings the staff member has on the local day of the slot. */
  bookingsThatDay: number;
  /** When the staff member was last assigned by this rule (epoch ms), null if never. */
  lastAssignedAt: number | null;
}

/**
 * Fair choice among staff free at a slot: the least booked that day wins; ties go to whoever
 * was assigned longest ago (never assigned first), then to the smaller id for determinism.
 */
export function pickStaff(candidates: readonly StaffLoad[]): AssignmentReason {
  if (candidates.length === 0) throw new Error('pickStaff needs at least one candidate');
  const ranked = [...candidates].sort(
    (a, b) =>
      a.bookingsThatDay - b.bookingsThatDay ||
      (a.lastAssignedAt ?? -1) - (b.lastAssignedAt ?? -1) ||
      (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0),
  );
  const chosen = ranked[0] as StaffLoad;
  const tied = ranked.filter((c) => c.bookingsThatDay === chosen.bookingsThatDay).length;
  const explanation =
    tied > 1
      ? `${tied} free staff had ${chosen.bookingsThatDay} bookings that day; chosen by round robin (least recently assigned)`
      : `fewest bookings that day (${chosen.bookingsThatDay}) among ${candidates.length} free staff`;
  return {
    rule: 'least_booked_then_round_robin',
    candidates: candidates.map((c) => ({ ...c })),
    chosen: chosen.staffId,
    explanation,
  };
}
