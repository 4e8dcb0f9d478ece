import type { ReminderKind } from './reminder-kinds';
import { placeInBusinessHours } from './business-hours';
import type { KindPolicy, ReminderPolicyConfig } from './policy-config';

const DAY_MS = 24 * 60 * 60_000;

/*
 * Throughout, `attempt` is the number of reminders of this kind already sent for the case (the
 * `PendingReminder.attempt` of the job that fired is the count *before* it was sent).
 */

function assertAttempt(attempt: number): void {
  if (!Number.isInteger(attempt) || attempt < 0) {
    throw new RangeError(`attempt must be a non-negative integer, got ${attempt}`);
  }
}

/** Gap in days between reminder `index - 1` and reminder `index` (both 0-based), for index ≥ 1. */
function gapBefore(policy: KindPolicy, index: number): number {
  if (policy.escalateAfter !== null && index >= policy.escalateAfter) return policy.slowRepeatEveryDays;
  const current = policy.offsetsDays[index];
  const previous = policy.offsetsDays[index - 1];
  if (current !== undefined && previous !== undefined) return current - previous;
  return policy.repeatEveryDays;
}

/** Days from the triggering event to reminder number `attempt` (0-based), before business hours apply. */
export function nominalOffsetDays(policy: KindPolicy, attempt: number): number {
  let offset = policy.offsetsDays[0] ?? policy.repeatEveryDays;
  for (let index = 1; index <= attempt; index += 1) offset += gapBefore(policy, index);
  return offset;
}

/** True once `attempt` reminders have been sent and the kind allows no more (form_abandoned: after 2). */
export function remindersExhausted(
  config: ReminderPolicyConfig,
  kind: ReminderKind,
  attempt: number,
): boolean {
  const max = config.kinds[kind].maxReminders;
  return max !== null && attempt >= max;
}

/**
 * When reminder number `attempt` (0 = the first) is due, counted from the triggering event `since`: the
 * cadence's nominal time shifted forward into business hours, plus jitter that stays inside the window.
 * Never earlier than the nominal time. May lie in the past when `since` is old: the scheduler fires such
 * a reminder at once. Throws RangeError when the kind allows no more reminders (see remindersExhausted).
 */
export function nextReminderAt(
  config: ReminderPolicyConfig,
  kind: ReminderKind,
  attempt: number,
  since: Date,
  random: () => number,
): Date {
  assertAttempt(attempt);
  if (remindersExhausted(config, kind, attempt)) {
    throw new RangeError(`${kind} allows no reminder after ${attempt}`);
  }
  const offsetMs = Math.ceil(nominalOffsetDays(config.kinds[kind], attempt) * DAY_MS);
  const nominal = new Date(since.getTime() + offsetMs);
  return placeInBusinessHours(config, nominal, random);
}

/**
 * True exactly once per case and kind: when `attempt` reminders have been sent and that is the configured
 * escalation count. From then on the slower cadence applies.
 */
export function shouldEscalate(config: ReminderPolicyConfig, kind: ReminderKind, attempt: number): boolean {
  assertAttempt(attempt);
  const policy = config.kinds[kind];
  if (policy.escalateAfter === null || attempt !== policy.escalateAfter) return false;
  return policy.maxReminders === null || attempt <= policy.maxReminders;
}
