import type { TurnContext } from 'botbuilder';
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
import {
  InMemoryConversationWindowStore,
  InMemoryMessageDedupe,
  RedisConversationWindowStore,
  RedisMessageDedupe,
} from './inbox';
import type { RequestLimits } from '../http/request-limits';
import { whatsAppUserId, type WaInbound, type WaInboundMessage, type ConversationWindowStore } from './types';
import { WhatsAppAdapter } from './whatsapp-adapter';
import { recipientOfAccount, WhatsAppMessenger } from './whatsapp-messenger';
import { registerWhatsAppWebhook, type WhatsAppWebhook } from './webhook-route';

type TurnLogic = (context: TurnContext) => Promise<void>;

/** Everything the WhatsApp channel needs, built once by the composition root. */
export interface WhatsAppChannel {
  readonly adapter: WhatsAppAdapter;
  readonly graph: GraphClient;
  readonly window: ConversationWindowStore;
  readonly deliveries: DeliveryStatusStore;
  /** Proactive sends: reminders use the reminder template outside the window, agents their own. */
  messenger(purpose: 'reminder' | 'agentMessage'): ProactiveMessenger;
  /** Serves /api/whatsapp; each new message runs through `turnLogic` as a turn of the shared bot. */
  register(server: Server, turnLogic: TurnLogic, limits?: RequestLimits): void;
  /** Waits for messages still being processed after their webhook was answered. */
  drain(): Promise<void>;
}

export function createWhatsAppChannel(deps: {
  config: WhatsAppConfig;
  bodyLimitBytes: number;
  redis?: RedisClient;
  keyPrefix: string;
  logger: Logger;
  metrics: Metrics;
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
  const dedupe = redis ? new RedisMessageDedupe(redis, keyPrefix) : new InMemoryMessageDedupe();
  const adapter = new WhatsAppAdapter({ sender: graph, phoneNumberId: config.phoneNumberId, logger });
  adapter.onTurnError = (context, error) => apologise(context, error, logger);
  let webhook: WhatsAppWebhook | undefined;
  const slowDownNotice = new OncePerWindow(60_000);

  const handleMessage = async (message: WaInboundMessage, turnLogic: TurnLogic, limits?: RequestLimits) => {
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
    await adapter.processMessage(message, turnLogic);
  };

  const handle = async (events: WaInbound[], turnLogic: TurnLogic, limits?: RequestLimits) => {
    for (const event of events) {
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
          await handleMessage(event, turnLogic, limits);
        }
      } catch (err) {
        // One failed event must not hold back the others of the batch; the turn's own errors were
        // already answered by the adapter's error handler.
        logger.error(
          { err: { name: (err as Error).name, message: (err as Error).message } },
          'whatsapp event failed',
        );
      }
    }
  };

  return {
    adapter,
    graph,
    window,
    deliveries,
    messenger: (purpose) =>
      new WhatsAppMessenger({ sender: graph, window, templates: config.templates, purpose }),
    register(server, turnLogic, limits) {
      webhook = registerWhatsAppWebhook(server, {
        config,
        bodyLimitBytes: deps.bodyLimitBytes,
        dedupe,
        window,
        handle: (events) => handle(events, turnLogic, limits),
        logger,
        ...(limits ? { limits } : {}),
      });
    },
    drain: () => webhook?.drain() ?? Promise.resolve(),
  };
}

/** Whether a turn came from WhatsApp and so has replies waiting in the adapter's outbox. */
export function isWhatsAppTurn(context: TurnContext): context is TurnContext & { adapter: WhatsAppAdapter } {
  return (
    context.adapter instanceof WhatsAppAdapter && recipientOfAccount(context.activity.from) !== undefined
  );
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
