import type { Case } from '../domain/case';
import { nextReminderAt, remindersDueFor, type ReminderPolicyConfig } from '../domain/reminders';
import type { ReminderKind } from '../domain/reminders/reminder-kinds';

export interface ReminderSlots {
  schedule(caseId: string, kind: ReminderKind, at: Date, attempt?: number): Promise<void>;
  cancel(caseId: string, kind: ReminderKind): Promise<void>;
}

/**
 * Keeps the pending reminders in step with a case: when a change makes a reminder due (application
 * submitted, transfer ordered, assignment declared) its first one is scheduled; when a change settles it
 * (codes entered, package active, assignment confirmed) it is cancelled. Called after a turn is saved and
 * after every change made outside a turn; a change that moves nothing costs no Redis call.
 */
export class ReminderPlanner {
  constructor(
    private readonly slots: ReminderSlots,
    private readonly policy: ReminderPolicyConfig,
    private readonly random: () => number = Math.random,
  ) {}

  async reconcile(before: Case | undefined, after: Case): Promise<void> {
    const was = dueByKind(before);
    const now = dueByKind(after);
    const work: Promise<void>[] = [];
    for (const [kind, since] of now) {
      if (was.get(kind)?.getTime() === since.getTime()) continue;
      work.push(
        this.slots.schedule(after.id, kind, nextReminderAt(this.policy, kind, 0, since, this.random), 0),
      );
    }
    for (const kind of was.keys()) if (!now.has(kind)) work.push(this.slots.cancel(after.id, kind));
    await Promise.all(work);
  }
}

function dueByKind(record: Case | undefined): Map<ReminderKind, Date> {
  return new Map(record ? remindersDueFor(record).map((r) => [r.kind, r.since] as const) : []);
}
