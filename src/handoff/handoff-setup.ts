import type { CloudAdapter } from 'botbuilder';
import type { HandoffRouting } from '../bot/handoff-routes';
import type { CaseService } from '../cases/case-service';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import { ChannelMessengers, type ProactiveMessenger } from '../channels/proactive-messenger';
import { loadReminderPolicy } from '../reminders/reminder-setup';
import { AgentThread } from './agent-thread';
import { TurnCallbackOffers } from './callback-request';
import { BotFrameworkHandoffEvents } from './handoff-events';
import { ServiceHandoffPort } from './handoff-port';
import { HandoffService, type HandoffTimeouts } from './handoff-service';
import type { HandoffStore } from './handoff-store';
import { BotFrameworkSupportChannel } from './support-channel';
import type { TranscriptStore } from './transcript-store';

const SWEEP_EVERY_MS = 30_000;

/** Overrides for tests; everything else comes from `config.handoff`. */
export interface HandoffOptions {
  readonly timeouts?: Partial<HandoffTimeouts>;
  readonly adminUserIds?: readonly string[];
  readonly supportChannel?: Record<string, unknown>;
  readonly externalHub?: boolean;
  /** Messengers added to (or replacing) the composition root's, by channel id (tests). */
  readonly customerMessengers?: Readonly<Record<string, ProactiveMessenger>>;
  readonly sweepEveryMs?: number;
}

export interface Handoff {
  readonly service: HandoffService;
  readonly routing: HandoffRouting;
  readonly port: ServiceHandoffPort;
  /** The dialogs' callback-offer port (CallbackOfferPort), fed by the takeover gate. */
  readonly callbackOffers: TurnCallbackOffers;
  /** Timeouts: a periodic sweep in processes that run workers (idempotent across processes). */
  startSweep(): void;
  stopSweep(): Promise<void>;
  /** For the reminder worker: reminders pause while an agent owns the case. */
  isOwned(caseId: string): Promise<boolean>;
  /** For the reminder policy: unanswered reminders become a request (reason `reminders_unanswered`). */
  escalate(caseId: string, note: string): Promise<void>;
}

/** The backend kit's handoff records and transcripts (src/backend): Redis, or memory in the embedded mode. */
export interface HandoffStores {
  readonly handoffs: HandoffStore;
  /** Encrypted at rest when keys are configured. */
  readonly transcripts: TranscriptStore;
}

/**
 * Agent takeover on the backend kit's stores (shared by every process with Redis). Timeouts use a sweep
 * rather than per-case jobs: the idle deadline moves with every message, which would mean rescheduling a
 * job per message, while a sweep over the few open handoffs every 30 s costs little and needs no cleanup.
 */
interface HandoffSetupDeps {
  config: Config;
  adapter: CloudAdapter;
  /** Reaches customers by channel id (Bot Framework channels, WhatsApp), built by the composition root. */
  messengers: Readonly<Record<string, ProactiveMessenger>>;
  backend: HandoffStores;
  cases: Pick<CaseService, 'get' | 'moveToStep' | 'confirmPartnerAssignment' | 'recordHandoff'>;
  logger: Logger;
  options?: HandoffOptions;
}

export function createHandoff(deps: HandoffSetupDeps): Handoff {
  const { config, options = {} } = deps;
  const logger = deps.logger.child({ component: 'handoff' });
  const service = createService(deps, logger);
  const adminUserIds = options.adminUserIds ?? config.handoff.adminIds;
  const callbackOffers = new TurnCallbackOffers(service);
  const sweep = periodicSweep(service, logger, options.sweepEveryMs ?? SWEEP_EVERY_MS);
  return {
    service,
    callbackOffers,
    routing: {
      service,
      thread: new AgentThread(service, deps.cases),
      callbackOffers,
      ...(adminUserIds.length > 0 ? { adminUserIds } : {}),
    },
    port: new ServiceHandoffPort(service),
    startSweep: sweep.start,
    stopSweep: sweep.stop,
    isOwned: (caseId) => service.isOwned(caseId),
    escalate: (caseId, note) => service.escalate(caseId, note),
  };
}

function createService(deps: HandoffSetupDeps, logger: Logger): HandoffService {
  const { config, options = {} } = deps;
  const settings = config.handoff;
  const supportChannel = options.supportChannel ?? settings.supportChannel;
  const externalHub = options.externalHub ?? settings.externalHub;
  return new HandoffService({
    store: deps.backend.handoffs,
    transcripts: deps.backend.transcripts,
    cases: deps.cases,
    supportChannel: new BotFrameworkSupportChannel(deps.adapter, config.bot.appId),
    customerMessenger: new ChannelMessengers({ ...deps.messengers, ...options.customerMessengers }),
    policy: loadReminderPolicy(config.reminders.policyFile),
    timeouts: { unclaimedMs: settings.unclaimedMs, idleMs: settings.idleMs, ...options.timeouts },
    supportPhone: config.integrator.supportPhone,
    ...(supportChannel ? { configuredChannel: { ...supportChannel } } : {}),
    externalHub,
    ...(externalHub ? { events: new BotFrameworkHandoffEvents(deps.adapter, config.bot.appId, logger) } : {}),
    logger,
  });
}

/** The timeouts' sweep on a timer; one sweep at a time, a failed one (Redis away) logged and retried. */
function periodicSweep(service: HandoffService, logger: Logger, everyMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  const sweepOnce = () => {
    sweeping ??= service
      .sweep()
      .catch((err: unknown) =>
        logger.warn({ err: { message: (err as Error).message } }, 'handoff sweep failed'),
      )
      .finally(() => (sweeping = undefined));
    return sweeping;
  };
  return {
    start(): void {
      timer ??= setInterval(() => void sweepOnce(), everyMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await sweeping;
    },
  };
}
