import { createHash } from 'node:crypto';
import { z } from 'zod';
import { REMINDER_KINDS, type ReminderKind } from '../domain/reminders/reminder-kinds';

/**
 * Each (case, kind) owns two fixed job slots. A running job keeps its id until it finishes, so while one
 * slot is firing, the next reminder of the same (case, kind) goes into the other; at most one slot ever
 * holds a job that is not running.
 */
export const JOB_SLOTS = ['a', 'b'] as const;
export type JobSlot = (typeof JOB_SLOTS)[number];

/** sha256 → base64url (43 characters): fixed length, and free of ':' which BullMQ forbids in custom ids. */
function digest(parts: readonly (string | number)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** The deterministic BullMQ job id of one slot of (case, kind). */
export function reminderJobId(caseId: string, kind: ReminderKind, slot: JobSlot): string {
  return `${digest([caseId, kind])}${slot}`;
}

/** Both slot ids of (case, kind), in slot order. */
export function reminderJobIds(caseId: string, kind: ReminderKind): [string, string] {
  return [reminderJobId(caseId, kind, 'a'), reminderJobId(caseId, kind, 'b')];
}

/** Stable for one (case, kind, attempt, scheduledFor): a redelivered reminder carries the same key. */
export function reminderDeliveryKey(
  caseId: string,
  kind: ReminderKind,
  attempt: number,
  scheduledFor: Date,
): string {
  return digest(['reminder', caseId, kind, attempt, scheduledFor.getTime()]);
}

/** What a job stores: ids, the kind, the counter and the time. Never personal data. */
export const reminderJobDataSchema = z
  .object({
    caseId: z.string().min(1),
    kind: z.enum(REMINDER_KINDS),
    attempt: z.number().int().nonnegative(),
    /** Scheduled time, epoch milliseconds. */
    at: z.number().int().nonnegative(),
  })
  .strict();
export type ReminderJobData = z.infer<typeof reminderJobDataSchema>;
