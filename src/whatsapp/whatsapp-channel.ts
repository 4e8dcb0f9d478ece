import type { TurnContext } from 'botbuilder';
import { Counter } from 'prom-client';
import type { Server } from 'restify';
import { apologise } from '../bot/adapter';
import type { WhatsAppConfig } from '../config';
import { resolveLocale, t } from '../i18n';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { ProactiveMessenger } from '../reminders/proactive-messenger';
import type { RedisClient } from '../state/redis-client';
import {
  InMemoryDeliveryStatusStore,
  RedisDeliveryStatusStore,
  type DeliveryStatusStore,
} from './delivery-status';
import { GraphClient } from './graph-client';
import { InMemoryConversationWindowStore, messageIdHash, RedisConversationWindowStore } from './inbox';
import { InMemoryInboxQueue, type InboxQueue, type TurnJournal } from './inbox-queue';
import { RedisInboxQueue, type RedisInboxQueueOptions } from './redis-inbox-queue';
import type { RequestLimits } from '../http/request-limits';
import type { ValueCipher } from '../state/value-cipher';
import { whatsAppUserId, type WaInbound, type WaInboundMessage, type ConversationWindowStore } from './types';
import { WhatsAppAdapter } from './whatsapp-adapter';
import { WhatsAppMessenger } from './whatsapp-messenger';
import { registerWhatsAppWebhook } from './webhook-route';

type TurnLogic = (context: TurnContext) => Promise<void>;

/** Everything the WhatsApp channel needs, built once by the composition root. */
export interface WhatsAppChannel {
  readonly adapter: WhatsAppAdapter;
  readonly graph: GraphClient;
  readonly window: ConversationWindowStore;
  readonly deliveries: DeliveryStatusStore;
  /** Proactive sends: reminders use the reminder template outside the window, agents their own. */
  messenger(purpose: 'reminder' | 'agentMessage'): ProactiveMessenger;
  /** The accepted-messages queue (Redis Stream, or its in-memory twin in the embedded mode). */
  readonly inbox: InboxQueue;
  /**
   * Serves /api/whatsapp; each new message runs through `turnLogic` as a turn of the shared bot. The
   * queue's consumer starts when the server starts listening, so every process that takes webhooks also
   * runs them (and a worker-only process, which does not listen, does not).
   */
  register(server: Server, turnLogic: TurnLogic, limits?: RequestLimits): void;
  /** Stops taking queued messages and waits for those taken to be processed. */
  drain(): Promise<void>;
}

export function createWhatsAppChannel(deps: {
  config: WhatsAppConfig;
  bodyLimitBytes: number;
  redis?: RedisClient;
  keyPrefix: string;
  logger: Logger;
  metrics: Metrics;
  /** Encrypts queued messages and journaled replies in Redis. */
  cipher?: ValueCipher;
  /** Tuning of the Redis queue (tests). */
  inbox?: Partial<Pick<RedisInboxQueueOptions, 'claimIdleMs' | 'claimEveryMs' | 'blockMs'>>;
}): WhatsAppChannel {
  const { config, redis, keyPrefix } = deps;
  const logger = deps.logger.child({ channel: 'whatsapp' });
  const graph = new GraphClient({
    baseUrl: config.graphBaseUrl,
    version: config.graphVersion,
    phoneNumberId: config.phoneNumberId,
    accessToken: config.accessToken,
  });
  const window = redis
    ? new RedisConversationWindowStore(redis, keyPrefix)
    : new InMemoryConversationWindowStore();
  const deliveries = redis
    ? new RedisDeliveryStatusStore(redis, keyPrefix)
    : new InMemoryDeliveryStatusStore();
  const inbox: InboxQueue = redis
    ? new RedisInboxQueue(redis, {
        keyPrefix,
        logger,
        ...(deps.cipher ? { cipher: deps.cipher } : {}),
        ...deps.inbox,
      })
    : new InMemoryInboxQueue(undefined, { logger });
  const adapter = new WhatsAppAdapter({ sender: graph, phoneNumberId: config.phoneNumberId, logger });
  adapter.onTurnError = (context, error) => apologise(context, error, logger);
  const recovered = new Counter({
    name: 'iys_whatsapp_inbox_recovered_total',
    help: 'WhatsApp messages met again after a process died with them: already done, replies sent, run again',
    labelNames: ['outcome'] as const,
    registers: [deps.metrics.registry],
  });
  const slowDownNotice = new OncePerWindow(60_000);

  const handleMessage = async (
    message: WaInboundMessage,
    turnLogic: TurnLogic,
    journal: TurnJournal,
    limits?: RequestLimits,
  ) => {
    const userId = whatsAppUserId(message.from.userKey);
    if (limits && !(await limits.userWithinBudget('whatsapp', userId))) {
      // A customer (or a script on their phone) sending faster than anyone types: the message is not run
      // as a turn. They are told once a minute (by this process) so they know to send it again.
      logger.warn({ userId }, 'whatsapp message over the per-user rate; not processed');
      deps.metrics.rateLimited.inc({ route: 'whatsapp-user' });
      if (slowDownNotice.shouldTell(userId)) {
        await graph.send(message.from, {
          type: 'text',
          text: { body: t(resolveLocale(undefined), 'bot.slowDown') },
        });
      }
      return;
    }
    if (message.source === 'unsupported') {
      // Stickers, locations, voice notes: nothing a question can be answered with. Said without a turn,
      // so the open question stays as it is.
      await graph.send(message.from, {
        type: 'text',
        text: { body: t(resolveLocale(undefined), 'bot.unsupportedMessage') },
      });
      return;
    }
    await adapter.processMessage(message, turnLogic, journal);
  };

  /** Picks a message up where an earlier attempt (of a process that died) left it. */
  const resumeMessage = async (
    message: WaInboundMessage,
    turnLogic: TurnLogic,
    journal: TurnJournal,
    limits?: RequestLimits,
  ) => {
    const progress = await journal.load();
    const ref = { messageIdHash: messageIdHash(message.messageId).slice(0, 16) };
    if (progress.state === 'done') {
      logger.info(ref, 'whatsapp message already processed; not run again');
      recovered.inc({ outcome: 'already_done' });
      return;
    }
    if (progress.state === 'committed') {
      // The turn ran and saved its state; only (some of) its replies did not go out.
      const missing = progress.replies.slice(progress.sent);
      recovered.inc({ outcome: 'replies_sent' });
      logger.warn({ ...ref, replies: missing.length }, 'whatsapp replies of an interrupted turn sent now');
      for (const reply of missing) {
        try {
          await graph.send(progress.to, reply);
        } catch (err) {
          logger.error({ ...ref, err: errorSummary(err) }, 'whatsapp reply of an interrupted turn not sent');
        }
        await journal.sent();
      }
      return;
    }
    if (progress.state === 'started') {
      // The turn may or may not have saved its state before the process died: run again (at worst a
      // second run of the same answer; see the queue's documentation).
      logger.warn(ref, 'whatsapp message interrupted mid-turn; running it again');
      recovered.inc({ outcome: 'run_again' });
    }
    await journal.start();
    await handleMessage(message, turnLogic, journal, limits);
  };

  const handle = async (
    event: WaInbound,
    journal: TurnJournal,
    turnLogic: TurnLogic,
    limits?: RequestLimits,
  ) => {
    try {
      if (event.kind === 'status') {
        deps.metrics.whatsAppStatuses.inc({ status: event.status });
        if (event.status === 'failed') {
          logger.warn(
            { errorCodes: event.errorCodes, userId: event.userId },
            'whatsapp message not delivered',
          );
        }
        await deliveries.record(event);
      } else {
        await resumeMessage(event, turnLogic, journal, limits);
      }
    } catch (err) {
      // The turn's own errors were already answered by the adapter's error handler; this is the rest
      // (a failed send, Redis away while journaling). Logged, and the entry counts as processed.
      logger.error({ err: errorSummary(err) }, 'whatsapp event failed');
    }
  };

  return {
    adapter,
    graph,
    window,
    deliveries,
    inbox,
    messenger: (purpose) =>
      new WhatsAppMessenger({ sender: graph, window, templates: config.templates, purpose }),
    register(server, turnLogic, limits) {
      registerWhatsAppWebhook(server, {
        config,
        bodyLimitBytes: deps.bodyLimitBytes,
        inbox,
        window,
        logger,
        ...(limits ? { limits } : {}),
      });
      server.server.once('listening', () =>
        inbox.start((event, journal) => handle(event, journal, turnLogic, limits)),
      );
    },
    drain: () => inbox.stop(),
  };
}

function errorSummary(err: unknown): { name: string; message: string } {
  return err instanceof Error
    ? { name: err.name, message: err.message }
    : { name: 'Error', message: String(err) };
}

/** Remembers whom it told something recently, so a flood gets one notice, not one per message. */
class OncePerWindow {
  private readonly told = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  shouldTell(key: string, now = Date.now()): boolean {
    for (const [k, at] of this.told) if (now - at >= this.windowMs) this.told.delete(k);
    if (this.told.has(key)) return false;
    this.told.set(key, now);
    return true;
  }
}
