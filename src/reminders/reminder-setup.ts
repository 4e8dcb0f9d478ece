import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseRepository } from '../cases/case-repository';
import type { Config } from '../config';
import type { Case } from '../domain/case';
import {
  defaultReminderPolicyConfig,
  parseReminderPolicyConfig,
  type ReminderPolicyConfig,
} from '../domain/reminders';
import type { Logger } from '../observability/logger';
import { RateLimitedMessenger, type ChannelRateLimiter } from './channel-rate-limiter';
import type { DeliveryStore } from './delivery-store';
import { ChannelMessengers, type ProactiveMessenger } from '../channels/proactive-messenger';
import type { DueReminder, ReminderDeliveryOptions, ReminderScheduler } from './reminder-scheduler';
import { withLogContext } from '../observability/log-context';
import { ReminderPlanner } from './reminder-planner';
import { ReminderWorker } from './reminder-worker';
import type { IysClient } from '../iys';
import type { Metrics } from '../observability/metrics';
import { iysPartnerCheck } from './partner-check';

export interface Reminders {
  readonly scheduler: ReminderScheduler;
  readonly planner: ReminderPlanner;
  /** Starts firing due reminders in this process (roles `all` and `worker`). */
  startWorker(): void;
}

export function loadReminderPolicy(file: string | undefined): ReminderPolicyConfig {
  if (!file) return defaultReminderPolicyConfig();
  return parseReminderPolicyConfig(JSON.parse(readFileSync(path.resolve(file), 'utf8')));
}

/**
 * What reminders keep where, from the backend kit (src/backend): with Redis a BullMQ queue (delayed jobs
 * survive restarts and are shared by all workers), per-channel rates across workers and delivery records
 * in Redis; in the embedded mode in-process timers and memory.
 */
export interface ReminderStores {
  createReminderScheduler(options: ReminderDeliveryOptions): ReminderScheduler;
  /** Each channel's send rate: per channel rather than BullMQ's queue-wide limiter (one rate for all). */
  readonly channelLimiter: ChannelRateLimiter;
  readonly reminderDeliveries: DeliveryStore;
}

/** Reminders on the backend kit's scheduler and stores; sends keep to each channel's rate. */
interface ReminderSetupDeps {
  config: Config;
  cases: CaseRepository;
  backend: ReminderStores;
  logger: Logger;
  /** Every channel's messenger (Bot Framework channels, WhatsApp) by channel id, from the composition root. */
  messengers: Readonly<Record<string, ProactiveMessenger>>;
  /** Records brands İYS shows as authorising the integrator (CaseService.confirmPartnerAssignment). */
  confirmPartner: (caseId: string, brands: readonly string[]) => Promise<void>;
  /** The `caseChanged` event (CaseService): the planner keeps pending reminders in step with each change. */
  caseChanges: { onCaseChanged(listener: (before: Case | undefined, after: Case) => Promise<void>): void };
  /** The integrator's İYS API client, when configured: partner reminders then ask İYS first. */
  iys?: IysClient;
  /** Agent takeover: owned chats get no reminders; stuck cases go to the support channel. */
  handoff?: {
    isOwned(caseId: string): Promise<boolean>;
    escalate(caseId: string, note: string): Promise<void>;
  };
  metrics?: Metrics;
}

export function createReminders(deps: ReminderSetupDeps): Reminders {
  const policy = loadReminderPolicy(deps.config.reminders.policyFile);
  const scheduler = createScheduler(deps.backend, deps.metrics);
  const worker = createWorker(deps, scheduler, policy);
  const planner = new ReminderPlanner(scheduler, policy);
  deps.caseChanges.onCaseChanged((before, after) => planner.reconcile(before, after));
  return {
    scheduler,
    planner,
    startWorker: () =>
      scheduler.start(async (due) => {
        await withLogContext({ jobId: due.deliveryKey }, () => worker.handle(due));
      }),
  };
}

function createScheduler(backend: ReminderStores, metrics: Metrics | undefined): ReminderScheduler {
  const onDeliveryFailed = (due: DueReminder, _error: unknown, willRetry: boolean) =>
    metrics?.reminderFailures.inc({ kind: due.kind, retry: String(willRetry) });
  return backend.createReminderScheduler({ onDeliveryFailed });
}

function createWorker(
  deps: ReminderSetupDeps,
  scheduler: ReminderScheduler,
  policy: ReminderPolicyConfig,
): ReminderWorker {
  const { logger, metrics } = deps;
  return new ReminderWorker({
    cases: deps.cases,
    schedule: (caseId, kind, at, attempt) => scheduler.schedule(caseId, kind, at, attempt),
    messenger: new RateLimitedMessenger(new ChannelMessengers(deps.messengers), deps.backend.channelLimiter),
    deliveries: deps.backend.reminderDeliveries,
    escalation: deps.handoff ?? {
      escalate: async (caseId, note) => logger.warn({ caseId, note }, 'case escalated to support'),
    },
    ...(deps.handoff ? { isOwned: deps.handoff.isOwned.bind(deps.handoff) } : {}),
    ...(metrics
      ? {
          onOutcome: (kind, outcome) => metrics.reminders.inc({ kind, outcome }),
          onResendAfterCrash: (kind, target) => metrics.reminderResends.inc({ kind, target }),
        }
      : {}),
    policy,
    logger: logger.child({ component: 'reminders' }),
    ...(deps.iys ? { partnerCheck: iysPartnerCheck(deps.iys), confirmPartner: deps.confirmPartner } : {}),
  });
}
