/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl, so the business window follows the
 * zone's rules (Turkey has kept UTC+3 all year since 2016, but a rule change must not need a code change).
 */

/** A calendar day in some time zone; `month` is 1–12. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface LocalDateTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const MINUTE_MS = 60_000;

// Building a DateTimeFormat costs far more than using one, and the worker converts thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `at` in `timeZone`. */
export function toLocal(at: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at the instant `utcMs`. */
function offsetMs(utcMs: number, timeZone: string): number {
  const l = toLocal(new Date(utcMs), timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant at which the clocks in `timeZone` show `minuteOfDay` on `date`. The offset is read twice
 * because the first guess may sit on the other side of a DST change; a wall time skipped by a change
 * resolves to the instant just after it.
 */
export function zonedInstant(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE_MS;
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return new Date(Math.max(first, second));
}

/** The calendar day `days` after `date` (negative goes back); month and year ends roll over. */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO 8601 weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const sundayZero = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}
