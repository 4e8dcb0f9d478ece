import {
  ReminderPolicyConfigError,
  defaultReminderPolicyConfig,
  parseReminderPolicyConfig,
} from '../../../src/domain/reminders';

describe('reminder policy configuration', () => {
  it('has sane defaults', () => {
    const policy = defaultReminderPolicyConfig();
    expect(policy.businessHours).toEqual({
      timeZone: 'Europe/Istanbul',
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
    });
    expect(policy.jitterMinutes).toBe(30);
    expect(policy.kinds.awaiting_iys_code).toEqual({
      offsetsDays: [1, 3, 7],
      repeatEveryDays: 7,
      escalateAfter: 3,
      slowRepeatEveryDays: 14,
      maxReminders: null,
    });
    expect(policy.kinds.form_abandoned).toMatchObject({ offsetsDays: [1, 3], maxReminders: 2 });
  });

  it('lets one value be overridden and keeps that kind’s other defaults', () => {
    const policy = parseReminderPolicyConfig({
      jitterMinutes: 5,
      businessHours: { end: '17:30' },
      kinds: { form_abandoned: { offsetsDays: [0.5] } },
    });
    expect(policy.jitterMinutes).toBe(5);
    expect(policy.businessHours).toMatchObject({ start: '09:00', end: '17:30', timeZone: 'Europe/Istanbul' });
    expect(policy.kinds.form_abandoned).toMatchObject({ offsetsDays: [0.5], maxReminders: 2 });
    expect(policy.kinds.payment_pending.escalateAfter).toBe(3);
  });

  it('treats a missing configuration as the defaults', () => {
    expect(parseReminderPolicyConfig(undefined)).toEqual(defaultReminderPolicyConfig());
  });

  it.each([
    [{ businessHours: { timeZone: 'Mars/Olympus' } }, 'businessHours.timeZone'],
    [{ businessHours: { start: '18:00', end: '09:00' } }, 'businessHours.end'],
    [{ businessHours: { start: '9am' } }, 'businessHours.start'],
    [{ businessHours: { days: [] } }, 'businessHours.days'],
    [{ kinds: { awaiting_iys_code: { offsetsDays: [3, 1] } } }, 'kinds.awaiting_iys_code.offsetsDays'],
    [{ kinds: { payment_pending: { escalateAfter: 0 } } }, 'kinds.payment_pending.escalateAfter'],
    [{ jitterMinutes: -1 }, 'jitterMinutes'],
  ])('refuses %j with a readable error naming %s', (input, path) => {
    expect(() => parseReminderPolicyConfig(input)).toThrow(ReminderPolicyConfigError);
    expect(() => parseReminderPolicyConfig(input)).toThrow(path);
  });
});
