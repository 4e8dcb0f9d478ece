import { AppError } from '../errors';
import type { PendingReminder, ReminderKind } from '../domain/reminders/reminder-kinds';

/** One firing of a reminder, as the handler receives it. Ids, counters and times only. */
export interface DueReminder {
  readonly caseId: string;
  readonly kind: ReminderKind;
  /** How many reminders of this kind were already sent for this case (0 for the first). */
  readonly attempt: number;
  readonly scheduledFor: Date;
  /**
   * The same for every delivery try of one (case, kind, attempt, scheduledFor), including a redelivery after
   * a crashed worker, so the handler's delivery store can recognise a message it already sent.
   */
  readonly deliveryKey: string;
  /**
   * Different for every run of the handler (a retry, a redelivery after a crashed or force-closed worker),
   * so the delivery store can tell a send begun by an earlier run, which is no longer running, from its own.
   */
  readonly runId: string;
}

/**
 * Receives due reminders. Throwing retries the delivery with backoff (up to `deliveryTries`); throwing
 * `UnrecoverableReminderError` gives up at once.
 */
export type ReminderHandler = (due: DueReminder) => Promise<void>;

/**
 * Schedules reminders: at most one pending reminder per (case, kind).
 *
 * A reminder whose handler is running is no longer pending: scheduling the same (case, kind) from inside
 * the handler (the usual "schedule the next one") adds a new pending reminder and does not disturb the
 * running one; cancelling does not stop a running handler (it re-checks the case when it loads it).
 * A delivery waiting for a retry counts as pending, and is replaced or cancelled like any other; a retry
 * that finds a newer reminder of its (case, kind) already pending is dropped in favour of the newer one.
 * Callers serialise schedule/cancel per case (the per-conversation turn lock does): concurrent calls for
 * one (case, kind) never leave two pending reminders, but which of them wins is unspecified.
 */
export interface ReminderScheduler {
  /** Schedules, or replaces, the pending reminder of (caseId, kind). */
  schedule(caseId: string, kind: ReminderKind, at: Date, attempt?: number): Promise<void>;
  /** Removes the pending reminder of (caseId, kind), leaving nothing behind; a no-op when there is none. */
  cancel(caseId: string, kind: ReminderKind): Promise<void>;
  /** The case's pending reminders, at most one per kind. */
  pending(caseId: string): Promise<PendingReminder[]>;
  /** Begins firing due reminders into the handler; call once. */
  start(handler: ReminderHandler): void;
  /**
   * Stops firing, waits for running handlers, closes connections. `force` (BullMQ) does not wait: the
   * running jobs are redelivered to a live worker later, whose handler finishes what they began.
   */
  close(options?: { force?: boolean }): Promise<void>;
}

/** Options both implementations share. */
export interface ReminderDeliveryOptions {
  /** How many times one delivery is tried in all, the first included (default 5). */
  readonly deliveryTries?: number;
  /** Backoff before the first retry, doubled for each later one, with jitter (default 30 s). */
  readonly retryBackoffMs?: number;
  /** Told about every failed try; `willRetry` false means the reminder is given up. */
  readonly onDeliveryFailed?: (due: DueReminder, error: unknown, willRetry: boolean) => void;
}

export const DEFAULT_DELIVERY_TRIES = 5;
export const DEFAULT_RETRY_BACKOFF_MS = 30_000;
/** Share of a backoff that is randomised, so retries of many reminders do not arrive together. */
export const RETRY_JITTER = 0.5;

/** A delivery that no retry can fix (the case is gone, the channel is unreachable): not retried. */
export class UnrecoverableReminderError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('reminder_unrecoverable', message, options);
  }
}

/** Backoff before retry number `retry` (1 for the first), as BullMQ's exponential backoff with jitter. */
export function retryDelayMs(baseMs: number, retry: number, random: () => number = Math.random): number {
  const full = baseMs * 2 ** (retry - 1);
  return Math.floor(full * (1 - RETRY_JITTER) + random() * full * RETRY_JITTER);
}
