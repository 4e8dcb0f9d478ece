import { isWithinBusinessHours, placeInBusinessHours } from '../../../src/domain/reminders';
import { ALMOST_ONE, MINUTE, ZERO, config, istanbul } from './fixtures';

const policy = config();

describe('business hours (weekdays 09:00–18:00 Europe/Istanbul)', () => {
  it('reads 06:00Z as 09:00 in Istanbul and 15:00Z as 18:00', () => {
    expect(isWithinBusinessHours(policy, new Date('2025-03-03T06:00:00.000Z'))).toBe(true);
    expect(isWithinBusinessHours(policy, new Date('2025-03-03T05:59:59.999Z'))).toBe(false);
    expect(isWithinBusinessHours(policy, new Date('2025-03-03T14:59:59.999Z'))).toBe(true);
    expect(isWithinBusinessHours(policy, new Date('2025-03-03T15:00:00.000Z'))).toBe(false);
  });

  it('accepts a weekday inside the window and refuses evenings, nights and weekends', () => {
    expect(isWithinBusinessHours(policy, istanbul('2025-03-05T13:30:00'))).toBe(true);
    expect(isWithinBusinessHours(policy, istanbul('2025-03-04T18:30:00'))).toBe(false);
    expect(isWithinBusinessHours(policy, istanbul('2025-03-04T02:00:00'))).toBe(false);
    expect(isWithinBusinessHours(policy, istanbul('2025-03-08T14:00:00'))).toBe(false);
    expect(isWithinBusinessHours(policy, istanbul('2025-03-09T11:00:00'))).toBe(false);
  });

  it('follows the zone rules through Intl: Istanbul was UTC+2 in winter 2015 and UTC+3 in summer', () => {
    expect(isWithinBusinessHours(policy, new Date('2015-01-05T07:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(policy, new Date('2015-01-05T06:30:00Z'))).toBe(false);
    expect(isWithinBusinessHours(policy, new Date('2015-07-06T06:00:00Z'))).toBe(true);
  });

  it('honours another configured zone across its DST change', () => {
    const berlin = config({ businessHours: { timeZone: 'Europe/Berlin' } });
    expect(isWithinBusinessHours(berlin, new Date('2025-03-03T08:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(berlin, new Date('2025-03-03T07:30:00Z'))).toBe(false);
    expect(isWithinBusinessHours(berlin, new Date('2025-07-07T07:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(berlin, new Date('2025-07-07T06:30:00Z'))).toBe(false);
  });
});

describe('placing a time into business hours', () => {
  it('keeps a time inside the window and adds jitter within the bound', () => {
    const nominal = istanbul('2025-03-04T10:00:00');
    expect(placeInBusinessHours(policy, nominal, ZERO)).toEqual(nominal);
    const late = placeInBusinessHours(policy, nominal, ALMOST_ONE).getTime() - nominal.getTime();
    expect(late).toBeGreaterThan(29.99 * MINUTE);
    expect(late).toBeLessThan(30 * MINUTE);
  });

  it('moves Saturday 14:00 to Monday 09:00 plus jitter', () => {
    const at = placeInBusinessHours(policy, istanbul('2025-03-08T14:00:00'), ZERO);
    expect(at).toEqual(istanbul('2025-03-10T09:00:00'));
    const jittered = placeInBusinessHours(policy, istanbul('2025-03-08T14:00:00'), ALMOST_ONE);
    expect(jittered.getTime() - at.getTime()).toBeLessThan(30 * MINUTE);
  });

  it('moves Tuesday 18:30 to Wednesday 09:00 and an early morning to 09:00 the same day', () => {
    expect(placeInBusinessHours(policy, istanbul('2025-03-04T18:30:00'), ZERO)).toEqual(
      istanbul('2025-03-05T09:00:00'),
    );
    expect(placeInBusinessHours(policy, istanbul('2025-03-05T07:15:00'), ZERO)).toEqual(
      istanbul('2025-03-05T09:00:00'),
    );
  });

  it('treats the Monday morning edge exactly: 08:59 → 09:00, 09:00 stays', () => {
    expect(placeInBusinessHours(policy, istanbul('2025-03-10T08:59:00'), ZERO)).toEqual(
      istanbul('2025-03-10T09:00:00'),
    );
    expect(placeInBusinessHours(policy, istanbul('2025-03-10T09:00:00'), ZERO)).toEqual(
      istanbul('2025-03-10T09:00:00'),
    );
  });

  it('moves Friday 18:00 sharp to Monday, and clips jitter at the end of the window', () => {
    expect(placeInBusinessHours(policy, istanbul('2025-03-07T18:00:00'), ZERO)).toEqual(
      istanbul('2025-03-10T09:00:00'),
    );
    const nearEnd = istanbul('2025-03-07T17:50:00');
    const at = placeInBusinessHours(policy, nearEnd, ALMOST_ONE);
    expect(at.getTime()).toBeGreaterThanOrEqual(nearEnd.getTime());
    expect(at.getTime()).toBeLessThan(istanbul('2025-03-07T18:00:00').getTime());
    expect(isWithinBusinessHours(policy, at)).toBe(true);
  });

  it('survives a random source that misbehaves (1, negative, NaN)', () => {
    const nominal = istanbul('2025-03-07T17:59:59.999');
    for (const value of [1, 5, -1, Number.NaN]) {
      const at = placeInBusinessHours(policy, nominal, () => value);
      expect(at.getTime()).toBeGreaterThanOrEqual(nominal.getTime());
      expect(isWithinBusinessHours(policy, at)).toBe(true);
    }
  });

  it('adds no jitter when jitter is configured off', () => {
    const exact = config({ jitterMinutes: 0 });
    expect(placeInBusinessHours(exact, istanbul('2025-03-08T14:00:00'), ALMOST_ONE)).toEqual(
      istanbul('2025-03-10T09:00:00'),
    );
  });

  it('skips a configured non-business day in the middle of the week', () => {
    const noWednesday = config({ businessHours: { days: [1, 2, 4, 5] } });
    expect(placeInBusinessHours(noWednesday, istanbul('2025-03-04T19:00:00'), ZERO)).toEqual(
      istanbul('2025-03-06T09:00:00'),
    );
  });
});
