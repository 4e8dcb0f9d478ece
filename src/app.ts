import type { Storage } from 'botbuilder';
import { MainDialog } from '../dialogs/main-dialog';
import type { DialogDeps } from '../dialogs/ports';
import { createStepDialogs } from '../dialogs/steps';
import { CaseRepository } from './cases/case-repository';
import { CaseService } from './cases/case-service';
import { loadPackageCatalog } from './cases/package-catalog-file';
import { UnavailableHandoff } from './handoff/unavailable-handoff';
import { WebhookNotifier } from './integrator/webhook-notifier';
import type { ReminderScheduler } from './reminders/reminder-scheduler';
import { createReminders } from './reminders/reminder-setup';
import { ActivitySender } from './bot/activity-sender';
import { publishAfterSave } from './bot/after-save';
import { createAdapter } from './bot/adapter';
import { createBotApplication } from './bot/bot-application';
import { createTurnHandler } from './bot/turn-handler';
import type { Config } from './config';
import type { Case } from './domain/case';
import { registerHealthRoutes, type Readiness } from './http/health-routes';
import { registerMessagesRoute } from './http/messages-route';
import { registerMetricsRoute } from './http/metrics-route';
import { registerQueueBoardRoute } from './http/queue-board-route';
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
  start(): Promise<RunningApp>;
}

interface StateLayer {
  readonly storage: Storage;
  readonly lock: TurnLock;
  readonly redis?: RedisClient;
  readiness(): Promise<Readiness>;
}

/** The composition root: builds every collaborator from Config and wires them together. */
export function createApp(config: Config, options: { logger?: Logger } = {}): App {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = new Metrics({ defaultMetrics: config.env !== 'test' });
  const state = createStateLayer(config, logger, metrics);

  const sender = new ActivitySender();
  const adapter = createAdapter(config.bot, sender, logger);
  const dialogDeps: DialogDeps = {
    integrator: config.integrator,
    packageCatalog: loadPackageCatalog(config.onboarding.packagesFile),
    handoff: new UnavailableHandoff(logger),
    privacyNoticeVersion: config.onboarding.privacyNoticeVersion,
    now: () => new Date(),
  };
  const mainDialog = new MainDialog(dialogDeps, createStepDialogs(dialogDeps));
  const bot = createBotApplication({ storage: state.storage, mainDialog });
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
    logger,
  });
  const turnLogic = createTurnHandler({
    lock: state.lock,
    run: async (ctx) => {
      await bot.run(ctx);
      await publishAfterSave(ctx, { events, reconcileReminders });
    },
    metrics,
    logger,
  });

  const server = createHttpServer(logger);
  registerHealthRoutes(server, () => state.readiness());
  registerMetricsRoute(server, metrics);
  if (config.admin && reminders.scheduler instanceof BullMqReminderScheduler) {
    registerQueueBoardRoute(server, { queues: [reminders.scheduler.queue], adminToken: config.admin.token });
  }
  registerMessagesRoute(server, {
    adapter,
    turnLogic,
    bodyLimitBytes: config.http.bodyLimitBytes,
    authRequired: Boolean(config.bot.appId),
    logger,
  });

  return {
    logger,
    metrics,
    cases,
    reminders: reminders.scheduler,
    async start() {
      if (state.redis) void connectInBackground(state.redis, logger);
      if (config.role !== 'web') reminders.startWorker();
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
      storage: new InMemoryStorage({ ttlSeconds: config.state.ttlSeconds }),
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
