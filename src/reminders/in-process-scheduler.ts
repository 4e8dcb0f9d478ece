import { randomUUID } from 'node:crypto';
import { reminderDeliveryKey } from './job-id';
import type { PendingReminder, ReminderKind } from '../domain/reminders/reminder-kinds';
import {
  DEFAULT_DELIVERY_TRIES,
  DEFAULT_RETRY_BACKOFF_MS,
  retryDelayMs,
  UnrecoverableReminderError,
  type DueReminder,
  type ReminderDeliveryOptions,
  type ReminderHandler,
  type ReminderScheduler,
} from './reminder-scheduler';

/** Time and timers, injectable so tests can move time by hand. */
export interface ReminderClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Wall-clock timers, unref'd: a pending reminder never keeps the process alive on its own. */
export const systemClock: ReminderClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Node timers overflow above 2^31-1 ms (~24.8 days); longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface InProcessReminderSchedulerOptions extends ReminderDeliveryOptions {
  readonly clock?: ReminderClock;
}

interface Entry {
  readonly reminder: PendingReminder;
  /** Failed tries so far. */
  tries: number;
  /** When the timer may fire: the scheduled time, or a retry's time. */
  dueAt: number;
  timer?: unknown;
}

/**
 * The embedded scheduler: timers in this process, nothing persisted, so pending reminders die with the
 * process. For a single-process deployment without Redis; the BullMQ one is for everything else.
 */
export class InProcessReminderScheduler implements ReminderScheduler {
  private readonly byCase = new Map<string, Map<ReminderKind, Entry>>();
  private readonly running = new Set<Promise<void>>();
  private readonly clock: ReminderClock;
  private handler?: ReminderHandler;
  private closed = false;

  constructor(private readonly options: InProcessReminderSchedulerOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  async schedule(caseId: string, kind: ReminderKind, at: Date, attempt = 0): Promise<void> {
    if (this.closed) throw new Error('reminder scheduler is closed');
    this.remove(caseId, kind);
    const reminder: PendingReminder = { caseId, kind, at: new Date(at.getTime()), attempt };
    const entry: Entry = { reminder, tries: 0, dueAt: at.getTime() };
    this.put(entry);
    this.arm(entry);
  }

  async cancel(caseId: string, kind: ReminderKind): Promise<void> {
    this.remove(caseId, kind);
  }

  async pending(caseId: string): Promise<PendingReminder[]> {
    const entries = [...(this.byCase.get(caseId)?.values() ?? [])];
    return entries
      .map((e) => ({ ...e.reminder, at: new Date(e.reminder.at.getTime()) }))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  start(handler: ReminderHandler): void {
    if (this.handler) throw new Error('reminder scheduler already started');
    this.handler = handler;
    for (const kinds of this.byCase.values()) for (const entry of kinds.values()) this.arm(entry);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const kinds of this.byCase.values()) for (const entry of kinds.values()) this.disarm(entry);
    await Promise.allSettled([...this.running]);
  }

  private put(entry: Entry): void {
    const { caseId, kind } = entry.reminder;
    let kinds = this.byCase.get(caseId);
    if (!kinds) this.byCase.set(caseId, (kinds = new Map()));
    kinds.set(kind, entry);
  }

  private remove(caseId: string, kind: ReminderKind): void {
    const kinds = this.byCase.get(caseId);
    const entry = kinds?.get(kind);
    if (!kinds || !entry) return;
    this.disarm(entry);
    kinds.delete(kind);
    if (kinds.size === 0) this.byCase.delete(caseId);
  }

  private isCurrent(entry: Entry): boolean {
    return this.byCase.get(entry.reminder.caseId)?.get(entry.reminder.kind) === entry;
  }

  private arm(entry: Entry): void {
    if (!this.handler || this.closed) return;
    const wait = Math.min(Math.max(0, entry.dueAt - this.clock.now()), MAX_TIMER_MS);
    entry.timer = this.clock.setTimer(() => this.onTimer(entry), wait);
  }

  private disarm(entry: Entry): void {
    if (entry.timer !== undefined) this.clock.clearTimer(entry.timer);
    entry.timer = undefined;
  }

  private onTimer(entry: Entry): void {
    entry.timer = undefined;
    if (!this.isCurrent(entry) || this.closed) return;
    // Timers may wake a millisecond early, and long waits come in steps: never fire before the time.
    if (this.clock.now() < entry.dueAt) return this.arm(entry);
    // From here on the reminder is running, not pending: a schedule() from the handler adds the next one.
    this.remove(entry.reminder.caseId, entry.reminder.kind);
    const run: Promise<void> = this.deliver(entry).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private async deliver(entry: Entry): Promise<void> {
    const { caseId, kind, attempt, at } = entry.reminder;
    const due: DueReminder = {
      caseId,
      kind,
      attempt,
      scheduledFor: new Date(at.getTime()),
      deliveryKey: reminderDeliveryKey(caseId, kind, attempt, at),
      runId: randomUUID(),
    };
    try {
      await (this.handler as ReminderHandler)(due);
    } catch (err) {
      this.afterFailure(entry, due, err);
    }
  }

  private afterFailure(entry: Entry, due: DueReminder, err: unknown): void {
    entry.tries += 1;
    const superseded = this.byCase.get(due.caseId)?.has(due.kind) ?? false;
    const willRetry =
      !(err instanceof UnrecoverableReminderError) &&
      entry.tries < (this.options.deliveryTries ?? DEFAULT_DELIVERY_TRIES) &&
      !superseded &&
      !this.closed;
    this.options.onDeliveryFailed?.(due, err, willRetry);
    if (!willRetry) return;
    const backoff = retryDelayMs(this.options.retryBackoffMs ?? DEFAULT_RETRY_BACKOFF_MS, entry.tries);
    entry.dueAt = this.clock.now() + backoff;
    this.put(entry);
    this.arm(entry);
  }
}
