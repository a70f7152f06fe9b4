import { describe, expect, it } from 'vitest';
import { assertTransition, canReschedule, canTransition, occupiesTime } from './booking-status.js';

describe('booking state machine', () => {
  it('lets a hold become a confirmed or pending booking', () => {
    expect(canTransition('held', 'confirmed')).toBe(true);
    expect(canTransition('held', 'pending')).toBe(true);
  });

  it('lets a pending booking be approved or declined', () => {
    expect(canTransition('pending', 'confirmed')).toBe(true);
    expect(canTransition('pending', 'declined')).toBe(true);
  });

  it('never revives a cancelled booking', () => {
    expect(() => assertTransition('cancelled', 'confirmed')).toThrow(/cannot become confirmed/);
    expect(canTransition('cancelled', 'cancelled')).toBe(false);
  });

  it('marks completed or no-show only after confirmation', () => {
    expect(canTransition('confirmed', 'completed')).toBe(true);
    expect(canTransition('confirmed', 'no_show')).toBe(true);
    expect(canTransition('pending', 'completed')).toBe(false);
  });

  it('counts held, pending and confirmed bookings as taking time', () => {
    expect(occupiesTime('held')).toBe(true);
    expect(occupiesTime('pending')).toBe(true);
    expect(occupiesTime('confirmed')).toBe(true);
    expect(occupiesTime('cancelled')).toBe(false);
    expect(occupiesTime('expired')).toBe(false);
  });

  it('reschedules only live bookings', () => {
    expect(canReschedule('confirmed')).toBe(true);
    expect(canReschedule('completed')).toBe(false);
  });
});
