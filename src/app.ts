import type { Storage, TurnContext } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { MainDialog } from '../dialogs/main-dialog';
import type { DialogDeps } from '../dialogs/ports';
import { createStepDialogs } from '../dialogs/steps';
import { CaseRepository } from './cases/case-repository';
import { CaseService } from './cases/case-service';
import { loadPackageCatalog } from './cases/package-catalog-file';
import { iysClientFromConfig } from './iys/client-from-config';
import { iysCodeCheck } from './iys/code-check';
import { createHandoff, type Handoff, type HandoffOptions } from './handoff/handoff-setup';
import { WebhookNotifier } from './integrator/webhook-notifier';
import type { ReminderScheduler } from './reminders/reminder-scheduler';
import { createReminders } from './reminders/reminder-setup';
import { ActivitySender } from './bot/activity-sender';
import { publishAfterSave } from './bot/after-save';
import { createAdapter } from './bot/adapter';
import { createBotApplication } from './bot/bot-application';
import { createTurnHandler } from './bot/turn-handler';
import type { Config } from './config';
import { caseCurrentStep, type Case } from './domain/case';
import { registerHealthRoutes, type Readiness } from './http/health-routes';
import { registerMessagesRoute } from './http/messages-route';
import { registerMetricsRoute } from './http/metrics-route';
import { registerQueueBoardRoute } from './http/queue-board-route';
import { createRequestLimits } from './http/request-limits';
import { CaseListing, isListableStorage } from './cases/case-listing';
import { registerOperations } from './admin/admin-setup';
import { BullMqReminderScheduler } from './reminders/bullmq-scheduler';
import { closeServer, createHttpServer, listen } from './http/server';
import { createLogger, type Logger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { InMemoryStorage } from './state/in-memory-storage';
import {
  closeRedisClient,
  connectInBackground,
  createRedisClient,
  type RedisClient,
} from './state/redis-client';
import { RedisStorage } from './state/redis-storage';
import { RedisTurnLock } from './state/redis-turn-lock';
import { ValueCipher } from './state/value-cipher';
import { createPrivacy, type KeyScanner, type Privacy } from './privacy';
import { WHATSAPP_CHANNEL_ID } from './whatsapp/types';
import { createWhatsAppChannel, isWhatsAppTurn } from './whatsapp/whatsapp-channel';
import { RedisConversationWindowStore } from './whatsapp/inbox';
import { InProcessTurnLock, type TurnLock } from './state/turn-lock';

export interface RunningApp {
  /** The port actually bound (useful with PORT=0 in tests). */
  readonly port: number;
  stop(): Promise<void>;
}

export interface App {
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Cases outside a turn, for agents, workers, the admin API and tests. */
  readonly cases: CaseService;
  /** Pending reminders (for the admin API and tests). */
  readonly reminders: ReminderScheduler;
  /** Agent takeover (for the admin API and tests). */
  readonly handoff: Handoff;
  /** KVKK erasure (admin API: DELETE /api/admin/cases/:id) and the retention sweep. */
  readonly privacy: Privacy;
  start(): Promise<RunningApp>;
}

interface StateLayer {
  readonly storage: Storage & KeyScanner;
  readonly lock: TurnLock;
  readonly redis?: RedisClient;
  readiness(): Promise<Readiness>;
}

/** The composition root: builds every collaborator from Config and wires them together. */
export function createApp(
  config: Config,
  options: {
    logger?: Logger;
    handoff?: HandoffOptions;
    /** How outbound Bot Framework tokens are obtained; default: Azure AD (MSAL). Tests: a local endpoint. */
    botCredentials?: ServiceClientCredentialsFactory;
  } = {},
): App {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = new Metrics({ defaultMetrics: config.env !== 'test' });
  const state = createStateLayer(config, logger, metrics);

  const sender = new ActivitySender();
  const whatsapp = config.whatsapp
    ? createWhatsAppChannel({
        config: config.whatsapp,
        bodyLimitBytes: config.http.bodyLimitBytes,
        ...(state.redis ? { redis: state.redis } : {}),
        keyPrefix: config.redis?.keyPrefix ?? '',
        logger,
        metrics,
        ...cipherOf(config),
      })
    : undefined;
  const adapter = createAdapter(config.bot, sender, logger, {
    ...(options.botCredentials ? { credentialsFactory: options.botCredentials } : {}),
  });
  const handoff = createHandoff({
    config,
    adapter,
    ...(state.redis ? { redis: state.redis } : {}),
    cases: () => cases,
    logger,
    ...cipherOf(config),
    // Agents' replies reach WhatsApp customers through the WhatsApp messenger (the agent template outside
    // the 24-hour window); tests may add their own messengers.
    options: {
      ...options.handoff,
      customerMessengers: {
        ...(whatsapp ? { [WHATSAPP_CHANNEL_ID]: whatsapp.messenger('agentMessage') } : {}),
        ...options.handoff?.customerMessengers,
      },
    },
  });
  const iys = iysClientFromConfig(config);
  const dialogDeps: DialogDeps = {
    integrator: config.integrator,
    packageCatalog: loadPackageCatalog(config.onboarding.packagesFile),
    handoff: { requestAgent: (request) => handoff.port.requestAgent(request) },
    privacyNoticeVersion: config.onboarding.privacyNoticeVersion,
    now: () => new Date(),
    ...(iys ? { codeCheck: iysCodeCheck(iys) } : {}),
  };
  const mainDialog = new MainDialog(dialogDeps, createStepDialogs(dialogDeps));
  const bot = createBotApplication({ storage: state.storage, mainDialog, handoff: handoff.routing });
  const events = new WebhookNotifier(
    {
      ...(config.integrator.webhookUrl ? { url: config.integrator.webhookUrl } : {}),
      ...(config.integrator.webhookSecret ? { secret: config.integrator.webhookSecret } : {}),
    },
    logger,
  );
  const repository = new CaseRepository(state.storage);
  // The service and the reminders know each other: a confirmation settles reminders, and the worker
  // confirms what İYS shows. The service calls the planner only later, at run time.
  const reconcileReminders = (before: Case | undefined, after: Case) =>
    reminders.planner.reconcile(before, after);
  const cases = new CaseService(repository, () => new Date(), reconcileReminders);
  const reminders = createReminders({
    confirmPartner: async (caseId, brands) => {
      await cases.confirmPartnerAssignment(caseId, 'iys_api', { kind: 'system', id: 'iys-api' }, brands);
    },
    config,
    cases: repository,
    adapter,
    ...(state.redis ? { redis: state.redis } : {}),
    ...(whatsapp ? { messengers: { [WHATSAPP_CHANNEL_ID]: whatsapp.messenger('reminder') } } : {}),
    ...(iys ? { iys } : {}),
    handoff,
    metrics,
    logger,
  });
  const privacy = createPrivacy({
    storage: state.storage,
    repository,
    reminders: reminders.scheduler,
    transcripts: handoff.service.deps.transcripts,
    handoffs: handoff.service.deps.store,
    // Without WhatsApp configured now, records from an earlier configuration are still erased.
    ...(whatsapp
      ? { windows: whatsapp.window }
      : state.redis
        ? { windows: new RedisConversationWindowStore(state.redis, config.redis?.keyPrefix ?? '') }
        : {}),
    lock: state.lock,
    ...(state.redis ? { redis: state.redis } : {}),
    keyPrefix: config.redis?.keyPrefix ?? '',
    policy: config.retention,
    logger,
  });
  const eraseCase = async (ctx: TurnContext, caseId: string): Promise<void> => {
    const { channelId, recipient, conversation, from } = ctx.activity;
    const here = { channelId, botId: recipient.id, conversationId: conversation.id, userId: from.id };
    await privacy.eraser.eraseInTurn(caseId, { kind: 'customer', id: caseId }, here);
  };
  const turnLogic = createTurnHandler({
    lock: state.lock,
    run: async (ctx) => {
      await bot.run(ctx);
      await publishAfterSave(ctx, { events, reconcileReminders, eraseCase });
      // WhatsApp replies go out together at the end of the turn, before the conversation is unlocked.
      if (isWhatsAppTurn(ctx)) await ctx.adapter.flush(ctx);
    },
    metrics,
    logger,
  });

  metrics.observeOpenHandoffs(async () => (await handoff.service.deps.store.active()).length);
  if (isListableStorage(state.storage)) {
    const listing = new CaseListing(state.storage);
    metrics.observeCasesPerStep(async () => {
      const counts: Record<string, number> = {};
      await listing.forEach((record) => {
        const step = caseCurrentStep(record) ?? 'finished';
        counts[step] = (counts[step] ?? 0) + 1;
      });
      return counts;
    });
  }

  const server = createHttpServer(logger);
  const limits = createRequestLimits({
    rates: config.httpRates,
    ...(state.redis ? { redis: state.redis } : {}),
    keyPrefix: config.redis?.keyPrefix ?? '',
    logger,
  });
  registerHealthRoutes(server, () => state.readiness());
  registerMetricsRoute(server, metrics);
  if (config.admin && reminders.scheduler instanceof BullMqReminderScheduler) {
    registerQueueBoardRoute(server, {
      queues: [reminders.scheduler.queue],
      adminToken: config.admin.token,
      limits,
    });
  }
  if (config.admin) {
    registerOperations(server, {
      adminToken: config.admin.token,
      storage: state.storage,
      repository,
      cases,
      onChange: reconcileReminders,
      reminders: reminders.scheduler,
      transcripts: handoff.service.deps.transcripts,
      eraser: { erase: (caseId, actor) => privacy.erase(caseId, actor) },
      limits,
      bodyLimitBytes: config.http.bodyLimitBytes,
      logger,
    });
  }
  whatsapp?.register(server, turnLogic, limits);
  registerMessagesRoute(server, {
    adapter,
    turnLogic,
    bodyLimitBytes: config.http.bodyLimitBytes,
    authRequired: Boolean(config.bot.appId),
    logger,
    limits,
  });

  return {
    logger,
    metrics,
    cases,
    reminders: reminders.scheduler,
    handoff,
    privacy,
    async start() {
      if (state.redis) void connectInBackground(state.redis, logger);
      if (config.role !== 'web') reminders.startWorker();
      if (config.role !== 'web') handoff.startSweep();
      if (config.role !== 'web') privacy.retention.start();
      const port = config.role === 'worker' ? 0 : await listen(server, config.http.port, config.http.host);
      logger.info(
        {
          port,
          role: config.role,
          mode: state.redis ? 'redis' : 'embedded',
          auth: Boolean(config.bot.appId),
        },
        'bot started',
      );
      return {
        port,
        // HTTP first (no new turns), then the reminder worker and queue, then Redis.
        async stop() {
          if (config.role !== 'worker') await closeServer(server);
          await whatsapp?.drain();
          await handoff.stopSweep();
          await privacy.retention.stop();
          await reminders.scheduler.close();
          sender.close();
          if (state.redis) await closeRedisClient(state.redis);
          logger.info('bot stopped');
        },
      };
    },
  };
}

function createStateLayer(config: Config, logger: Logger, metrics: Metrics): StateLayer {
  if (!config.redis) {
    return {
      storage: new InMemoryStorage({ ttlSeconds: config.state.ttlSeconds, ...cipherOf(config) }),
      lock: new InProcessTurnLock(),
      readiness: async () => ({ ready: true }),
    };
  }
  const redis = createRedisClient(config.redis.url, logger);
  const keyPrefix = config.redis.keyPrefix;
  return {
    redis,
    storage: new RedisStorage(redis, {
      keyPrefix,
      ttlSeconds: config.state.ttlSeconds,
      onRoundTrip: (op) => metrics.stateRoundTrips.inc({ op }),
      ...cipherOf(config),
    }),
    lock: new RedisTurnLock(redis, {
      keyPrefix,
      leaseMs: config.state.lockLeaseMs,
      waitMs: config.state.lockWaitMs,
    }),
    readiness: () => redisReadiness(redis),
  };
}

async function redisReadiness(redis: RedisClient): Promise<Readiness> {
  if (!redis.isReady) return { ready: false, reason: 'redis: not connected' };
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1_000).unref()),
    ]);
    return { ready: true };
  } catch (err) {
    return { ready: false, reason: `redis: ${(err as Error).message}` };
  }
}

/** Every stored state document is encrypted when ENCRYPTION_KEYS is set (always in production). */
function cipherOf(config: Config): { cipher?: ValueCipher } {
  return config.encryption ? { cipher: new ValueCipher(config.encryption.keys) } : {};
}
