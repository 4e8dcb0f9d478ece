import { clockMinutes, type BusinessHours, type ReminderPolicyConfig } from './policy-config';
import { addLocalDays, isoWeekday, toLocal, zonedInstant, type LocalDate } from './zoned-time';

const MINUTE_MS = 60_000;

interface Window {
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
}

function windowOn(hours: BusinessHours, date: LocalDate): Window | undefined {
  if (!hours.days.includes(isoWeekday(date))) return undefined;
  return {
    start: zonedInstant(date, clockMinutes(hours.start), hours.timeZone),
    end: zonedInstant(date, clockMinutes(hours.end), hours.timeZone),
  };
}

/** True when `at` falls on a business day in [start, end) on the zone's clocks. */
export function isWithinBusinessHours(config: ReminderPolicyConfig, at: Date): boolean {
  const hours = config.businessHours;
  const window = windowOn(hours, toLocal(at, hours.timeZone));
  return window !== undefined && window.start <= at && at < window.end;
}

/**
 * The first business window that is still open at `at` (today's when `at` is before its end, else the next
 * business day's). A week always holds one, since the schema requires at least one business day.
 */
function windowOpenAt(hours: BusinessHours, at: Date): Window {
  const today = toLocal(at, hours.timeZone);
  for (let ahead = 0; ahead <= 7; ahead += 1) {
    const window = windowOn(hours, addLocalDays(today, ahead));
    if (window && at < window.end) return window;
  }
  throw new RangeError('business hours have no business day');
}

/**
 * Moves `nominal` forward to the earliest business-hours moment not before it, then adds a random delay of
 * up to the configured jitter, clipped so the result stays inside the same window. `random` returns [0, 1).
 */
export function placeInBusinessHours(
  config: ReminderPolicyConfig,
  nominal: Date,
  random: () => number,
): Date {
  const window = windowOpenAt(config.businessHours, nominal);
  const base = Math.max(nominal.getTime(), window.start.getTime());
  const room = window.end.getTime() - base;
  const spread = Math.min(config.jitterMinutes * MINUTE_MS, room);
  // A misbehaving source (1, NaN, negative) must not push the time early or out of the window.
  const raw = random();
  const r = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), 1) : 0;
  const jitter = Math.min(Math.floor(r * spread), room - 1);
  return new Date(base + Math.max(jitter, 0));
}
