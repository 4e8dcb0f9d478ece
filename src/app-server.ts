import type { Server } from 'restify';
import { registerOperations } from './admin/admin-setup';
import type { ActivitySender } from './channels/bot-framework/activity-sender';
import type { ProactiveMessenger } from './channels/proactive-messenger';
import type { BotHttpAdapter } from './bot/adapter';
import type { TurnLogic } from './bot/turn-handler';
import type { Backend } from './backend';
import { CaseListing, isListableStorage } from './cases/case-listing';
import type { CaseRepository } from './cases/case-repository';
import type { CaseService } from './cases/case-service';
import type { Config } from './config';
import { caseCurrentStep } from './domain/case';
import type { Handoff } from './handoff/handoff-setup';
import { registerHealthRoutes } from './http/health-routes';
import { registerMessagesRoute } from './http/messages-route';
import { registerMetricsRoute } from './http/metrics-route';
import { registerQueueBoardRoute } from './http/queue-board-route';
import { RequestLimits } from './http/request-limits';
import { closeServer, createHttpServer, listen } from './http/server';
import type { Logger } from './observability/logger';
import type { Metrics } from './observability/metrics';
import type { Privacy } from './privacy';
import { BullMqReminderScheduler } from './reminders/bullmq-scheduler';
import type { Reminders } from './reminders/reminder-setup';
import type { WhatsAppChannel } from './channels/whatsapp/whatsapp-channel';

/** What the channels share: the Bot Framework adapter (and its sender) and, when configured, WhatsApp. */
export interface Channels {
  readonly sender: ActivitySender;
  readonly adapter: BotHttpAdapter;
  readonly whatsapp?: WhatsAppChannel;
  /** Proactive sends by channel id: the Bot Framework channels' messenger and WhatsApp's for `purpose`. */
  messengers(purpose: 'reminder' | 'agentMessage'): Readonly<Record<string, ProactiveMessenger>>;
}

/** The parts of the application the HTTP server serves and its lifecycle starts and stops. */
export interface ServedParts {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly backend: Backend;
  readonly channels: Channels;
  readonly repository: CaseRepository;
  readonly cases: CaseService;
  readonly handoff: Handoff;
  readonly reminders: Reminders;
  readonly privacy: Privacy;
}

export interface RunningApp {
  /** The port actually bound (useful with PORT=0 in tests). */
  readonly port: number;
  stop(): Promise<void>;
}

export function observeGauges({ metrics, backend }: ServedParts): void {
  metrics.observeOpenHandoffs(async () => (await backend.handoffs.active()).length);
  if (!isListableStorage(backend.storage)) return;
  const listing = new CaseListing(backend.storage);
  metrics.observeCasesPerStep(async () => {
    const counts: Record<string, number> = {};
    await listing.forEach((record) => {
      const step = caseCurrentStep(record) ?? 'finished';
      counts[step] = (counts[step] ?? 0) + 1;
    });
    return counts;
  });
}

export function createServer(parts: ServedParts, turnLogic: TurnLogic): Server {
  const { config, backend, metrics, channels, logger } = parts;
  const server = createHttpServer(logger);
  // Counters in Redis when the bot has one (shared by replicas), else in this process.
  const limits = new RequestLimits(backend.requestLimiter, config.httpRates, logger);
  registerHealthRoutes(server, () => backend.readiness());
  registerMetricsRoute(server, metrics);
  if (config.admin) registerAdmin(server, parts, config.admin.token, limits);
  channels.whatsapp?.register(server, turnLogic, limits);
  registerMessagesRoute(server, {
    adapter: channels.adapter,
    turnLogic,
    bodyLimitBytes: config.http.bodyLimitBytes,
    authRequired: Boolean(config.bot.appId),
    logger,
    limits,
  });
  return server;
}

function registerAdmin(server: Server, parts: ServedParts, adminToken: string, limits: RequestLimits): void {
  const { config, backend, repository, cases, reminders, privacy, logger } = parts;
  if (reminders.scheduler instanceof BullMqReminderScheduler) {
    registerQueueBoardRoute(server, { queues: [reminders.scheduler.queue], adminToken, limits });
  }
  registerOperations(server, {
    adminToken,
    backend,
    repository,
    cases,
    onChange: (before, after) => cases.caseChanged(before, after),
    reminders: reminders.scheduler,
    eraser: { erase: (caseId, actor) => privacy.erase(caseId, actor) },
    limits,
    bodyLimitBytes: config.http.bodyLimitBytes,
    logger,
  });
}

export async function startApp(parts: ServedParts, server: Server): Promise<RunningApp> {
  const { config, backend, reminders, handoff, privacy, channels, logger } = parts;
  backend.connect();
  if (config.role !== 'web') reminders.startWorker();
  if (config.role !== 'web') handoff.startSweep();
  if (config.role !== 'web') privacy.retention.start();
  const port = config.role === 'worker' ? 0 : await listen(server, config.http.port, config.http.host);
  logger.info(
    { port, role: config.role, mode: backend.mode, auth: Boolean(config.bot.appId) },
    'bot started',
  );
  return {
    port,
    // HTTP first (no new turns), then the reminder worker and queue, then Redis.
    async stop() {
      if (config.role !== 'worker') await closeServer(server);
      await channels.whatsapp?.drain();
      await handoff.stopSweep();
      await privacy.retention.stop();
      await reminders.scheduler.close();
      channels.sender.close();
      await backend.close();
      logger.info('bot stopped');
    },
  };
}
