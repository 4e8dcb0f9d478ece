import { createHash, randomUUID } from 'node:crypto';
import { recordReminder, type Actor, type Case, type ChannelAddress } from '../domain/case';
import {
  escalationNote,
  isWithinBusinessHours,
  nextReminderAt,
  placeInBusinessHours,
  reminderMessage,
  remindersDueFor,
  remindersExhausted,
  shouldEscalate,
  type ReminderPolicyConfig,
} from '../domain/reminders';
import type { CaseRepository } from '../cases/case-repository';
import type { Logger } from '../observability/logger';
import type { DeliveryStore } from './delivery-store';
import type { ProactiveMessenger, SendOutcome } from '../channels/proactive-messenger';
import type { ReminderKind } from '../domain/reminders/reminder-kinds';
import { summariseAssignment, type PartnerCheck } from './partner-check';
import { t } from '../i18n';

/** A reminder that came due, as the scheduler hands it over. */
export interface DueJob {
  readonly caseId: string;
  readonly kind: ReminderKind;
  readonly attempt: number;
  readonly deliveryKey: string;
  /**
   * Names this processing run of the job (one BullMQ lock token, one in-process firing): a later run that
   * finds this run's unfinished send knows it was interrupted. A fresh id per call when absent.
   */
  readonly runId?: string;
}

/** Where stuck cases go: the support channel (the agent takeover's escalate). */
export interface EscalationPort {
  escalate(caseId: string, note: string): Promise<void>;
}

export interface ReminderWorkerDeps {
  readonly cases: CaseRepository;
  readonly schedule: (caseId: string, kind: ReminderKind, at: Date, attempt: number) => Promise<void>;
  readonly messenger: ProactiveMessenger;
  readonly deliveries: DeliveryStore;
  readonly escalation: EscalationPort;
  readonly policy: ReminderPolicyConfig;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly random?: () => number;
  /** With İYS API credentials: checks the partner assignment before reminding about it. */
  readonly partnerCheck?: PartnerCheck;
  /** Records brands İYS shows as authorising us (CaseService.confirmPartnerAssignment, by 'iys_api'). */
  readonly confirmPartner?: (caseId: string, brands: readonly string[]) => Promise<void>;
  /** True while a support agent owns the case: the agent talks, reminders pause. */
  readonly isOwned?: (caseId: string) => Promise<boolean>;
  /** Told every job's outcome (metrics). */
  readonly onOutcome?: (kind: ReminderKind, outcome: JobOutcome) => void;
  /** Told when a run sends again what an interrupted run may already have sent (metrics). */
  readonly onResendAfterCrash?: (kind: ReminderKind, target: ResendTarget) => void;
}

/**
 * `resumed`: an earlier run sent the message and died before finishing; this run finished recording,
 * escalating and scheduling the next one. `duplicate`: an earlier run finished everything.
 */
export type JobOutcome =
  'sent' | 'resumed' | 'deferred' | 'duplicate' | 'skipped' | 'unreachable' | 'settled' | 'paused';

/** What was sent again: the customer's reminder, or the escalation to support. */
export type ResendTarget = 'customer' | 'support';

/** While an agent owns the chat a reminder is looked at again this much later. */
const PAUSE_MS = 60 * 60_000;

const SYSTEM: Actor = { kind: 'system', id: 'reminders' };

/**
 * Fires one reminder: re-reads the case (skips an erased case or a step already done), keeps to business
 * hours, sends once per delivery key through the customer's latest channel, records it on the case,
 * escalates after the configured count and schedules the next one.
 */
export class ReminderWorker {
  private readonly now: () => Date;
  private readonly random: () => number;

  constructor(private readonly deps: ReminderWorkerDeps) {
    this.now = deps.now ?? (() => new Date());
    this.random = deps.random ?? Math.random;
  }

  async handle(job: DueJob): Promise<JobOutcome> {
    const record = await this.deps.cases.get(job.caseId);
    const due = record && remindersDueFor(record).find((r) => r.kind === job.kind);
    if (!record || !due) return this.done(job, 'skipped');
    // Before anything that could move the reminder: an earlier run may have sent it and died after.
    const progress = await this.deps.deliveries.progress(job.deliveryKey);
    if (progress === 'done') return this.done(job, 'duplicate');
    if (progress === 'sent') return this.resume(job, due.since);
    const now = this.now();
    if (await this.deps.isOwned?.(job.caseId)) {
      // Same attempt number: a paused reminder is neither sent nor counted towards escalation.
      const later = placeInBusinessHours(this.deps.policy, new Date(now.getTime() + PAUSE_MS), this.random);
      await this.deps.schedule(job.caseId, job.kind, later, job.attempt);
      return this.done(job, 'paused');
    }
    if (!isWithinBusinessHours(this.deps.policy, now)) {
      await this.deps.schedule(
        job.caseId,
        job.kind,
        placeInBusinessHours(this.deps.policy, now, this.random),
        job.attempt,
      );
      return this.done(job, 'deferred');
    }
    const missing = await this.checkPartner(record, job);
    if (missing === 'settled') return this.done(job, 'settled');
    const address = latestAddress(record);
    if (!address) {
      await this.escalate(record, job, due.since, 'no channel');
      return this.done(job, 'unreachable');
    }
    const runId = job.runId ?? randomUUID();
    const claim = await this.deps.deliveries.begin(job.deliveryKey, runId);
    if (claim === 'done') return this.done(job, 'duplicate');
    if (claim === 'sent') return this.resume(job, due.since);
    if (claim === 'interrupted') this.resendAfterCrash(job, 'customer');
    const outcome = await this.deliver(record, address, job, missing ?? [], runId);
    if (outcome === 'unreachable') {
      await this.escalate(record, job, due.since, 'unreachable');
      return this.done(job, outcome);
    }
    await this.afterSent(job, due.since);
    return this.done(job, 'sent');
  }

  /** Finishes what an interrupted run left after its send; each step is skipped when it was done. */
  private async resume(job: DueJob, since: Date): Promise<JobOutcome> {
    await this.afterSent(job, since);
    return this.done(job, 'resumed');
  }

  /**
   * For a partner-assignment reminder with İYS access: brands İYS already shows are confirmed on the case
   * (every brand: the step is done and no reminder goes out); otherwise the reminder names what is missing.
   */
  private async checkPartner(record: Case, job: DueJob): Promise<'settled' | string[] | undefined> {
    if (
      job.kind !== 'awaiting_partner_confirmation' ||
      !this.deps.partnerCheck ||
      !this.deps.confirmPartner
    ) {
      return undefined;
    }
    const status = await this.deps.partnerCheck(record);
    if (!status) return undefined;
    const { confirmed, missing } = summariseAssignment(status);
    if (confirmed.length > 0) await this.deps.confirmPartner(record.id, confirmed);
    return status.allConfirmed ? 'settled' : missing;
  }

  private async deliver(
    record: Case,
    address: ChannelAddress,
    job: DueJob,
    missing: readonly string[],
    runId: string,
  ): Promise<SendOutcome> {
    const base = reminderMessage(job.kind, record.locale, {
      ...(record.data.tradeTitle ? { tradeTitle: record.data.tradeTitle } : {}),
      ...(record.data.orderCode ? { orderCode: record.data.orderCode } : {}),
    });
    const message =
      missing.length === 0
        ? base
        : {
            ...base,
            text: `${base.text}\n\n${t(record.locale, 'reminders.partner.stillMissing', { items: missing.join(', ') })}`,
          };
    let outcome: SendOutcome;
    try {
      outcome = await this.deps.messenger.send(address, message);
    } catch (err) {
      await this.deps.deliveries.abandon(job.deliveryKey, runId);
      throw err;
    }
    // Nothing reached an unreachable chat: a rerun after a crash may try again and escalate.
    if (outcome === 'unreachable') await this.deps.deliveries.abandon(job.deliveryKey, runId);
    else await this.deps.deliveries.markSent(job.deliveryKey);
    return outcome;
  }

  /**
   * Records the reminder, escalates when due and schedules the next one. Safe to run again after a crash
   * anywhere in it: the audit trail of this cadence shows what was recorded, escalations have their own
   * delivery key, and the next reminder's time depends on this delivery only, so scheduling it again
   * names the same delivery.
   */
  private async afterSent(job: DueJob, since: Date): Promise<void> {
    const sent = job.attempt + 1;
    const detail = `${job.kind} #${sent}`;
    const at = this.now().toISOString();
    const updated = await this.deps.cases.update(job.caseId, (c) =>
      recorded(c, 'reminder.sent', detail, since)
        ? undefined
        : recordReminder(c, 'reminder.sent', detail, SYSTEM, at),
    );
    if (updated && shouldEscalate(this.deps.policy, job.kind, sent)) {
      await this.escalate(updated, { ...job, attempt: sent }, since, 'unanswered');
    }
    if (!remindersExhausted(this.deps.policy, job.kind, sent)) {
      const random = this.deps.random ?? keyedRandom(job.deliveryKey);
      const next = nextReminderAt(this.deps.policy, job.kind, sent, since, random);
      await this.deps.schedule(job.caseId, job.kind, next, sent);
    }
    await this.deps.deliveries.markDone(job.deliveryKey);
  }

  /** Once per cadence and reason, even when a run dies half-way (see `DeliveryStore`). */
  private async escalate(record: Case, job: DueJob, since: Date, reason: string): Promise<void> {
    const detail = `${job.kind}: ${reason}`;
    if (recorded(record, 'reminder.escalated', detail, since)) return;
    const key = `${job.deliveryKey}:escalation`;
    const runId = job.runId ?? randomUUID();
    const claim = await this.deps.deliveries.begin(key, runId);
    if (claim === 'fresh' || claim === 'interrupted') {
      if (claim === 'interrupted') this.resendAfterCrash(job, 'support');
      const note = escalationNote(job.kind, 'tr', { caseId: record.id, remindersSent: job.attempt, since });
      try {
        await this.deps.escalation.escalate(record.id, `${note} (${reason})`);
      } catch (err) {
        await this.deps.deliveries.abandon(key, runId);
        throw err;
      }
      await this.deps.deliveries.markSent(key);
    }
    const at = this.now().toISOString();
    await this.deps.cases.update(record.id, (c) =>
      recorded(c, 'reminder.escalated', detail, since)
        ? undefined
        : recordReminder(c, 'reminder.escalated', detail, SYSTEM, at),
    );
  }

  /** The one unavoidable duplicate window: an earlier run died after the channel may have accepted. */
  private resendAfterCrash(job: DueJob, target: ResendTarget): void {
    this.deps.onResendAfterCrash?.(job.kind, target);
    this.deps.logger.warn(
      { caseId: job.caseId, kind: job.kind, attempt: job.attempt, target },
      'reminder: an interrupted run may have sent this already; sending again',
    );
  }

  private done(job: DueJob, outcome: JobOutcome): JobOutcome {
    this.deps.onOutcome?.(job.kind, outcome);
    this.deps.logger.info({ caseId: job.caseId, kind: job.kind, attempt: job.attempt, outcome }, 'reminder');
    return outcome;
  }
}

/** True when this cadence (the one counted from `since`) already has the audit entry. */
function recorded(record: Case, type: 'reminder.sent' | 'reminder.escalated', detail: string, since: Date) {
  return record.audit.some(
    (e) => e.type === type && e.detail === detail && Date.parse(e.at) >= since.getTime(),
  );
}

/** A fixed number in [0, 1) per delivery: its next reminder gets the same time however often it is planned. */
function keyedRandom(deliveryKey: string): () => number {
  const value = parseInt(createHash('sha256').update(deliveryKey).digest('hex').slice(0, 12), 16) / 2 ** 48;
  return () => value;
}

/** The conversation the customer used last. */
function latestAddress(record: Case): ChannelAddress | undefined {
  const seen = (a: ChannelAddress) => Date.parse(a.lastSeenAt ?? a.addedAt);
  return [...record.channels].sort((a, b) => seen(b) - seen(a))[0];
}
