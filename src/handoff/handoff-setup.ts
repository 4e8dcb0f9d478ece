import type { ValueCipher } from '../state/value-cipher';
import type { CloudAdapter } from 'botbuilder';
import { BOT_FRAMEWORK_CHANNELS, BotFrameworkMessenger } from '../bot/bot-framework-messenger';
import type { HandoffRouting } from '../bot/handoff-routes';
import type { CaseService } from '../cases/case-service';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import { ChannelMessengers, type ProactiveMessenger } from '../reminders/proactive-messenger';
import { loadReminderPolicy } from '../reminders/reminder-setup';
import type { RedisClient } from '../state/redis-client';
import { AgentThread } from './agent-thread';
import { BotFrameworkHandoffEvents } from './handoff-events';
import { ServiceHandoffPort } from './handoff-port';
import { HandoffService, type HandoffTimeouts } from './handoff-service';
import { InMemoryHandoffStore } from './handoff-store';
import { RedisHandoffStore } from './redis-handoff-store';
import { BotFrameworkSupportChannel } from './support-channel';
import { InMemoryTranscriptStore, RedisTranscriptStore } from './transcript-store';

const SWEEP_EVERY_MS = 30_000;

/** Overrides for tests; everything else comes from `config.handoff`. */
export interface HandoffOptions {
  readonly timeouts?: Partial<HandoffTimeouts>;
  readonly adminUserIds?: readonly string[];
  readonly supportChannel?: Record<string, unknown>;
  readonly externalHub?: boolean;
  /** Reaches customers on channels outside the Bot Framework (WhatsApp's messenger, purpose agentMessage). */
  readonly customerMessengers?: Readonly<Record<string, ProactiveMessenger>>;
  readonly sweepEveryMs?: number;
}

export interface Handoff {
  readonly service: HandoffService;
  readonly routing: HandoffRouting;
  readonly port: ServiceHandoffPort;
  /** Timeouts: a periodic sweep in processes that run workers (idempotent across processes). */
  startSweep(): void;
  stopSweep(): Promise<void>;
  /** For the reminder worker: reminders pause while an agent owns the case. */
  isOwned(caseId: string): Promise<boolean>;
  /** For the reminder policy: unanswered reminders become a request (reason `reminders_unanswered`). */
  escalate(caseId: string, note: string): Promise<void>;
}

/**
 * Agent takeover on Redis (shared by every process) or in memory (embedded mode). Timeouts use a sweep
 * rather than per-case jobs: the idle deadline moves with every message, which would mean rescheduling a
 * job per message, while a sweep over the few open handoffs every 30 s costs little and needs no cleanup.
 */
export function createHandoff(deps: {
  config: Config;
  adapter: CloudAdapter;
  redis?: RedisClient;
  /** Late-bound: the case service is built after the dialogs that already need the handoff port. */
  cases: () => CaseService;
  logger: Logger;
  /** Encrypts transcript lines at rest when keys are configured. */
  cipher?: ValueCipher;
  options?: HandoffOptions;
}): Handoff {
  const { config, options = {} } = deps;
  const settings = config.handoff;
  const prefix = config.redis?.keyPrefix ?? '';
  const logger = deps.logger.child({ component: 'handoff' });
  const botFramework = new BotFrameworkMessenger(deps.adapter, config.bot.appId);
  const supportChannel = options.supportChannel ?? settings.supportChannel;
  const externalHub = options.externalHub ?? settings.externalHub;
  const service = new HandoffService({
    store: deps.redis ? new RedisHandoffStore(deps.redis, prefix) : new InMemoryHandoffStore(),
    transcripts: deps.redis
      ? new RedisTranscriptStore(deps.redis, prefix, deps.cipher)
      : new InMemoryTranscriptStore(),
    cases: {
      get: (id) => deps.cases().get(id),
      moveToStep: (...args) => deps.cases().moveToStep(...args),
      confirmPartnerAssignment: (...args) => deps.cases().confirmPartnerAssignment(...args),
      recordHandoff: (...args) => deps.cases().recordHandoff(...args),
    },
    supportChannel: new BotFrameworkSupportChannel(deps.adapter, config.bot.appId),
    customerMessenger: new ChannelMessengers({
      ...Object.fromEntries(BOT_FRAMEWORK_CHANNELS.map((c) => [c, botFramework])),
      ...options.customerMessengers,
    }),
    policy: loadReminderPolicy(config.reminders.policyFile),
    timeouts: { unclaimedMs: settings.unclaimedMs, idleMs: settings.idleMs, ...options.timeouts },
    supportPhone: config.integrator.supportPhone,
    ...(supportChannel ? { configuredChannel: { ...supportChannel } } : {}),
    externalHub,
    ...(externalHub ? { events: new BotFrameworkHandoffEvents(deps.adapter, config.bot.appId, logger) } : {}),
    logger,
  });
  const adminUserIds = options.adminUserIds ?? settings.adminIds;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  const sweepOnce = () => {
    // One sweep at a time; a failed one (Redis away) is logged and the next tick tries again.
    sweeping ??= service
      .sweep()
      .catch((err: unknown) =>
        logger.warn({ err: { message: (err as Error).message } }, 'handoff sweep failed'),
      )
      .finally(() => (sweeping = undefined));
    return sweeping;
  };
  return {
    service,
    routing: {
      service,
      thread: new AgentThread(service),
      ...(adminUserIds.length > 0 ? { adminUserIds } : {}),
    },
    port: new ServiceHandoffPort(service),
    startSweep() {
      timer ??= setInterval(() => void sweepOnce(), options.sweepEveryMs ?? SWEEP_EVERY_MS);
      timer.unref();
    },
    async stopSweep() {
      clearInterval(timer);
      timer = undefined;
      await sweeping;
    },
    isOwned: (caseId) => service.isOwned(caseId),
    escalate: (caseId, note) => service.escalate(caseId, note),
  };
}
