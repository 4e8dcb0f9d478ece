import { z } from 'zod/v4';
import type { ReminderKind } from './reminder-kinds';
import { isKnownTimeZone } from './zoned-time';

/** How one kind of reminder repeats. Durations are in days (fractions allowed) from the triggering event. */
export interface KindPolicy {
  /** Offsets of the first reminders from the triggering event, strictly increasing. */
  readonly offsetsDays: readonly number[];
  /** Gap between reminders once the offsets are used up. */
  readonly repeatEveryDays: number;
  /** Hand the case to support after this many reminders; null = never. */
  readonly escalateAfter: number | null;
  /** Gap between reminders once the case has been escalated. */
  readonly slowRepeatEveryDays: number;
  /** Stop after this many reminders; null = until the step is done. */
  readonly maxReminders: number | null;
}

const STANDARD: KindPolicy = {
  offsetsDays: [1, 3, 7],
  repeatEveryDays: 7,
  escalateAfter: 3,
  slowRepeatEveryDays: 14,
  maxReminders: null,
};

/** Defaults per kind. A half-filled form is the customer's own choice: two nudges, no agent. */
export const DEFAULT_KIND_POLICIES = {
  awaiting_iys_code: STANDARD,
  awaiting_partner_confirmation: STANDARD,
  payment_pending: STANDARD,
  form_abandoned: { ...STANDARD, offsetsDays: [1, 3], escalateAfter: null, maxReminders: 2 },
} as const satisfies Record<ReminderKind, KindPolicy>;

const days = z.number().positive().finite();
const count = z.number().int().positive();
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour clock)');

/** Every field defaults to that kind's default, so a configuration may override a single value. */
function kindPolicySchema(d: KindPolicy) {
  return z
    .object({
      offsetsDays: z
        .array(days)
        .min(1)
        .default(() => [...d.offsetsDays]),
      repeatEveryDays: days.default(d.repeatEveryDays),
      escalateAfter: count.nullable().default(d.escalateAfter),
      slowRepeatEveryDays: days.default(d.slowRepeatEveryDays),
      maxReminders: count.nullable().default(d.maxReminders),
    })
    .refine((p) => p.offsetsDays.every((v, i) => i === 0 || v > (p.offsetsDays[i - 1] ?? 0)), {
      message: 'offsetsDays must increase strictly',
      path: ['offsetsDays'],
    })
    .prefault({});
}

export function clockMinutes(hhmm: string): number {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

const BusinessHoursSchema = z
  .object({
    timeZone: z.string().refine(isKnownTimeZone, 'unknown IANA time zone').default('Europe/Istanbul'),
    /** ISO 8601 weekdays: 1 = Monday … 7 = Sunday. */
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .default(() => [1, 2, 3, 4, 5]),
    start: clockTime.default('09:00'),
    /** Exclusive: a reminder never goes out at or after this time. */
    end: clockTime.default('18:00'),
  })
  .refine((b) => clockMinutes(b.start) < clockMinutes(b.end), {
    message: 'start must be before end',
    path: ['end'],
  })
  .prefault({});

export const ReminderPolicyConfigSchema = z.object({
  businessHours: BusinessHoursSchema,
  /** Upper bound of the random delay added to each reminder, so large batches spread out. */
  jitterMinutes: z.number().min(0).max(600).default(30),
  kinds: z
    .object({
      awaiting_iys_code: kindPolicySchema(DEFAULT_KIND_POLICIES.awaiting_iys_code),
      awaiting_partner_confirmation: kindPolicySchema(DEFAULT_KIND_POLICIES.awaiting_partner_confirmation),
      payment_pending: kindPolicySchema(DEFAULT_KIND_POLICIES.payment_pending),
      form_abandoned: kindPolicySchema(DEFAULT_KIND_POLICIES.form_abandoned),
    } satisfies Record<ReminderKind, unknown>)
    .prefault({}),
});
export type ReminderPolicyConfig = z.output<typeof ReminderPolicyConfigSchema>;
/** What a configuration file or env JSON may contain: any subset of the full config. */
export type ReminderPolicyConfigInput = z.input<typeof ReminderPolicyConfigSchema>;
export type BusinessHours = ReminderPolicyConfig['businessHours'];

export class ReminderPolicyConfigError extends Error {
  override readonly name = 'ReminderPolicyConfigError';
}

/** Validates a reminder policy (from env JSON or a file, already parsed); throws a readable error. */
export function parseReminderPolicyConfig(input: unknown): ReminderPolicyConfig {
  const result = ReminderPolicyConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new ReminderPolicyConfigError(`Invalid reminder policy: ${detail}`);
}

/** The built-in policy: +1, +3, +7 days, then weekly; escalate after 3; weekdays 09:00–18:00 Istanbul. */
export function defaultReminderPolicyConfig(): ReminderPolicyConfig {
  return ReminderPolicyConfigSchema.parse({});
}
