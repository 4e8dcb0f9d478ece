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
import type { ProactiveMessenger } from './proactive-messenger';
import type { ReminderKind } from './reminder-kinds';
import { summariseAssignment, type PartnerCheck } from './partner-check';
import { t } from '../i18n';

/** A reminder that came due, as the scheduler hands it over. */
export interface DueJob {
  readonly caseId: string;
  readonly kind: ReminderKind;
  readonly attempt: number;
  readonly deliveryKey: string;
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
}

export type JobOutcome = 'sent' | 'deferred' | 'duplicate' | 'skipped' | 'unreachable' | 'settled' | 'paused';

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
    if (!(await this.deps.deliveries.begin(job.deliveryKey))) return this.done(job, 'duplicate');
    const outcome = await this.deliver(record, address, job, missing ?? []);
    if (outcome === 'unreachable') {
      await this.escalate(record, job, due.since, 'unreachable');
      return this.done(job, outcome);
    }
    await this.afterSent(job, due.since);
    return this.done(job, 'sent');
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

  private async deliver(record: Case, address: ChannelAddress, job: DueJob, missing: readonly string[]) {
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
    try {
      const outcome = await this.deps.messenger.send(address, message);
      await this.deps.deliveries.markSent(job.deliveryKey);
      return outcome;
    } catch (err) {
      await this.deps.deliveries.abandon(job.deliveryKey);
      throw err;
    }
  }

  private async afterSent(job: DueJob, since: Date): Promise<void> {
    const sent = job.attempt + 1;
    const at = this.now().toISOString();
    const updated = await this.deps.cases.update(job.caseId, (c) =>
      recordReminder(c, 'reminder.sent', `${job.kind} #${sent}`, SYSTEM, at),
    );
    if (updated && shouldEscalate(this.deps.policy, job.kind, sent)) {
      await this.escalate(updated, { ...job, attempt: sent }, since, 'unanswered');
    }
    if (!remindersExhausted(this.deps.policy, job.kind, sent)) {
      const next = nextReminderAt(this.deps.policy, job.kind, sent, since, this.random);
      await this.deps.schedule(job.caseId, job.kind, next, sent);
    }
  }

  private async escalate(record: Case, job: DueJob, since: Date, reason: string): Promise<void> {
    const note = escalationNote(job.kind, 'tr', { caseId: record.id, remindersSent: job.attempt, since });
    await this.deps.escalation.escalate(record.id, `${note} (${reason})`);
    const at = this.now().toISOString();
    await this.deps.cases.update(record.id, (c) =>
      recordReminder(c, 'reminder.escalated', `${job.kind}: ${reason}`, SYSTEM, at),
    );
  }

  private done(job: DueJob, outcome: JobOutcome): JobOutcome {
    this.deps.onOutcome?.(job.kind, outcome);
    this.deps.logger.info({ caseId: job.caseId, kind: job.kind, attempt: job.attempt, outcome }, 'reminder');
    return outcome;
  }
}

/** The conversation the customer used last. */
function latestAddress(record: Case): ChannelAddress | undefined {
  const seen = (a: ChannelAddress) => Date.parse(a.lastSeenAt ?? a.addedAt);
  return [...record.channels].sort((a, b) => seen(b) - seen(a))[0];
}
