import {
  isWithinBusinessHours,
  nextReminderAt,
  nominalOffsetDays,
  remindersExhausted,
  shouldEscalate,
} from '../../../src/domain/reminders';
import { REMINDER_KINDS } from '../../../src/domain/reminders/reminder-kinds';
import { ALMOST_ONE, DAY, MINUTE, ZERO, config, istanbul, seeded } from './fixtures';

const policy = config();
/** Monday 3 March 2025, 10:00 in Istanbul: every default offset lands on a weekday inside the window. */
const since = istanbul('2025-03-03T10:00:00');

describe('reminder cadence', () => {
  it('fires at +1, +3, +7 days, then escalates and slows to every 14 days', () => {
    const at = [0, 1, 2, 3, 4].map((attempt) =>
      nextReminderAt(policy, 'awaiting_iys_code', attempt, since, ZERO),
    );
    expect(at).toEqual([
      istanbul('2025-03-04T10:00:00'),
      istanbul('2025-03-06T10:00:00'),
      istanbul('2025-03-10T10:00:00'),
      istanbul('2025-03-24T10:00:00'),
      istanbul('2025-04-07T10:00:00'),
    ]);
  });

  it('goes weekly after the first offsets while the case is not escalated', () => {
    const later = config({ kinds: { payment_pending: { escalateAfter: 5 } } });
    const offsets = [0, 1, 2, 3, 4, 5, 6].map((a) => nominalOffsetDays(later.kinds.payment_pending, a));
    expect(offsets).toEqual([1, 3, 7, 14, 21, 35, 49]);
    expect(nextReminderAt(later, 'payment_pending', 3, since, ZERO)).toEqual(istanbul('2025-03-17T10:00:00'));
  });

  it('stays weekly forever when escalation is off', () => {
    const never = config({ kinds: { awaiting_partner_confirmation: { escalateAfter: null } } });
    const offsets = [0, 1, 2, 3, 4, 5].map((a) =>
      nominalOffsetDays(never.kinds.awaiting_partner_confirmation, a),
    );
    expect(offsets).toEqual([1, 3, 7, 14, 21, 28]);
  });

  it('uses the slower cadence even inside the first offsets once escalated', () => {
    const early = config({ kinds: { awaiting_iys_code: { escalateAfter: 2 } } });
    const offsets = [0, 1, 2, 3].map((a) => nominalOffsetDays(early.kinds.awaiting_iys_code, a));
    expect(offsets).toEqual([1, 3, 17, 31]);
  });

  it('nudges an abandoned form after 1 day, once more, then stops', () => {
    expect(nextReminderAt(policy, 'form_abandoned', 0, since, ZERO)).toEqual(istanbul('2025-03-04T10:00:00'));
    expect(nextReminderAt(policy, 'form_abandoned', 1, since, ZERO)).toEqual(istanbul('2025-03-06T10:00:00'));
    expect(remindersExhausted(policy, 'form_abandoned', 1)).toBe(false);
    expect(remindersExhausted(policy, 'form_abandoned', 2)).toBe(true);
    expect(() => nextReminderAt(policy, 'form_abandoned', 2, since, ZERO)).toThrow(RangeError);
    expect(remindersExhausted(policy, 'awaiting_iys_code', 500)).toBe(false);
  });

  it('shifts a nominal time on the weekend or in the evening into the next window', () => {
    // Friday 14:00 + 1 day = Saturday 14:00 → Monday 09:00.
    expect(nextReminderAt(policy, 'awaiting_iys_code', 0, istanbul('2025-03-07T14:00:00'), ZERO)).toEqual(
      istanbul('2025-03-10T09:00:00'),
    );
    // Monday 18:30 + 1 day = Tuesday 18:30 → Wednesday 09:00.
    expect(nextReminderAt(policy, 'awaiting_iys_code', 0, istanbul('2025-03-03T18:30:00'), ZERO)).toEqual(
      istanbul('2025-03-05T09:00:00'),
    );
  });

  it('keeps jitter within 0 and 30 minutes (random 0 and 0.999…)', () => {
    const base = istanbul('2025-03-04T10:00:00').getTime();
    expect(nextReminderAt(policy, 'payment_pending', 0, since, ZERO).getTime()).toBe(base);
    const late = nextReminderAt(policy, 'payment_pending', 0, since, ALMOST_ONE).getTime() - base;
    expect(late).toBeGreaterThan(29.99 * MINUTE);
    expect(late).toBeLessThan(30 * MINUTE);
  });

  it('is never earlier than the nominal time and always inside business hours', () => {
    const random = seeded(42);
    const start = istanbul('2025-03-01T00:00:00').getTime();
    for (let i = 0; i < 800; i += 1) {
      const from = new Date(start + i * 37 * MINUTE);
      for (const kind of REMINDER_KINDS) {
        for (const attempt of [0, 1]) {
          const at = nextReminderAt(policy, kind, attempt, from, random);
          const nominal = from.getTime() + nominalOffsetDays(policy.kinds[kind], attempt) * DAY;
          expect(at.getTime()).toBeGreaterThanOrEqual(nominal);
          expect(at.getTime() - nominal).toBeLessThan(3 * DAY);
          expect(isWithinBusinessHours(policy, at)).toBe(true);
        }
      }
    }
  });

  it('refuses a negative or fractional attempt', () => {
    expect(() => nextReminderAt(policy, 'awaiting_iys_code', -1, since, ZERO)).toThrow(RangeError);
    expect(() => shouldEscalate(policy, 'awaiting_iys_code', 1.5)).toThrow(RangeError);
  });
});

describe('escalation', () => {
  it('is true exactly once, when the third reminder has been sent', () => {
    const attempts = Array.from({ length: 12 }, (_, attempt) => attempt);
    for (const kind of ['awaiting_iys_code', 'awaiting_partner_confirmation', 'payment_pending'] as const) {
      expect(attempts.filter((a) => shouldEscalate(policy, kind, a))).toEqual([3]);
    }
  });

  it('follows a configured N and never escalates an abandoned form', () => {
    const five = config({ kinds: { awaiting_iys_code: { escalateAfter: 5 } } });
    const attempts = Array.from({ length: 12 }, (_, attempt) => attempt);
    expect(attempts.filter((a) => shouldEscalate(five, 'awaiting_iys_code', a))).toEqual([5]);
    expect(attempts.filter((a) => shouldEscalate(policy, 'form_abandoned', a))).toEqual([]);
  });

  it('does not escalate past the last allowed reminder', () => {
    const capped = config({ kinds: { payment_pending: { maxReminders: 2 } } });
    expect(shouldEscalate(capped, 'payment_pending', 3)).toBe(false);
  });
});
