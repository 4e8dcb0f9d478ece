/**
 * What a reminder nudges the customer about; each lives from one case event until another:
 * - awaiting_iys_code: application submitted → İYSKod entered;
 * - awaiting_partner_confirmation: package active / assignment declared → assignment confirmed;
 * - payment_pending: bank-transfer order code issued → package active;
 * - form_abandoned: a form left half-filled for a day → the form is finished.
 */
export const REMINDER_KINDS = [
  'awaiting_iys_code',
  'awaiting_partner_confirmation',
  'payment_pending',
  'form_abandoned',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A reminder waiting to fire. Job data carries ids and counters only, never personal data. */
export interface PendingReminder {
  readonly caseId: string;
  readonly kind: ReminderKind;
  readonly at: Date;
  /** How many reminders of this kind were already sent for this case (0 for the first). */
  readonly attempt: number;
}
