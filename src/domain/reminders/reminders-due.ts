import type { ReminderKind } from './reminder-kinds';
import { FINISHED, currentStep, type Case, type StepId } from '../case';

/** A reminder a case's state calls for, and the event its cadence counts from. */
export interface DueReminder {
  readonly kind: Exclude<ReminderKind, 'form_abandoned'>;
  readonly since: Date;
}

/**
 * When the step was last moved. A step without a timestamp (older data) falls back to the case's last
 * change, the latest moment we know of, so a reminder is rather late than early.
 */
function stepSince(c: Case, step: StepId): Date {
  return new Date(c.steps[step].updatedAt ?? c.updatedAt);
}

function isFinished(c: Case, step: StepId): boolean {
  return FINISHED.has(c.steps[step].status);
}

/** Submitted and under review, or approved with the codes not yet typed in. */
function awaitingIysCode(c: Case): DueReminder | undefined {
  if (c.data.iysCode !== undefined || isFinished(c, 'codes')) return undefined;
  const outcome = c.data.applicationOutcome;
  // A rejection or a correction request is the customer's move, not a wait for İYS.
  if (c.steps.preApplication.status === 'waiting' && (outcome === undefined || outcome === 'pending')) {
    return { kind: 'awaiting_iys_code', since: stepSince(c, 'preApplication') };
  }
  if (outcome === 'approved') {
    return { kind: 'awaiting_iys_code', since: stepSince(c, 'applicationStatus') };
  }
  return undefined;
}

/** A bank transfer with an order code, not yet seen as an active package. */
function paymentPending(c: Case): DueReminder | undefined {
  const { paymentMethod, orderCode, packageActiveAt } = c.data;
  if (c.steps.package.status !== 'waiting' || packageActiveAt !== undefined) return undefined;
  if (paymentMethod !== 'bank_transfer' || !orderCode) return undefined;
  return { kind: 'payment_pending', since: stepSince(c, 'package') };
}

/** The assignment declared and not yet confirmed, or the package active and the assignment not begun. */
function awaitingPartner(c: Case): DueReminder | undefined {
  const status = c.steps.partnerAssignment.status;
  if (status === 'waiting') {
    return { kind: 'awaiting_partner_confirmation', since: stepSince(c, 'partnerAssignment') };
  }
  const activeAt = c.data.packageActiveAt;
  if (status === 'not_started' && activeAt !== undefined) {
    return { kind: 'awaiting_partner_confirmation', since: new Date(activeAt) };
  }
  return undefined;
}

/**
 * The reminders the case's state calls for (form_abandoned is the dialogs' call and never appears). A
 * finished case calls for none; each kind disappears as soon as its step is done or skipped.
 */
export function remindersDueFor(c: Case): DueReminder[] {
  if (currentStep(c.steps) === null) return [];
  const due = [awaitingIysCode(c), paymentPending(c), awaitingPartner(c)];
  return due.filter((r): r is DueReminder => r !== undefined);
}
