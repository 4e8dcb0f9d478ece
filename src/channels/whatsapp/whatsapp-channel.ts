import type { TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { WhatsAppConfig } from '../../config';
import type { RequestLimits } from '../../http/request-limits';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import type { ProactiveMessenger } from '../proactive-messenger';
import type { DeliveryStatusStore } from './delivery-status';
import { GraphClient } from './graph-client';
import { InboxHandler, recoveredCounter, type InboxHandlerParts, type TurnLogic } from './inbox-handler';
import type { InboxQueue } from './inbox-queue';
import type { ConversationWindowStore } from './types';
import { WhatsAppAdapter } from './whatsapp-adapter';
import { WhatsAppMessenger } from './whatsapp-messenger';
import { registerWhatsAppWebhook } from './webhook-route';

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

/**
 * The backend kit's WhatsApp stores (src/backend): the service windows, the delivery reports and the
 * accepted-messages queue, in Redis (a stream whose script also drops duplicates) or in memory.
 */
export interface WhatsAppStores {
  readonly whatsAppWindows: ConversationWindowStore;
  readonly whatsAppStatuses: DeliveryStatusStore;
  createWhatsAppInbox(logger: Logger): InboxQueue;
}

export interface WhatsAppChannelDeps {
  readonly config: WhatsAppConfig;
  readonly bodyLimitBytes: number;
  readonly backend: WhatsAppStores;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Answers a failed turn (the composition root passes the bot's apology), with the channel's logger. */
  readonly onTurnError: (context: TurnContext, error: Error, logger: Logger) => Promise<void>;
}

export function createWhatsAppChannel(deps: WhatsAppChannelDeps): WhatsAppChannel {
  const { config, backend } = deps;
  const logger = deps.logger.child({ channel: 'whatsapp' });
  const graph = graphClientOf(config);
  const window = backend.whatsAppWindows;
  const inbox = backend.createWhatsAppInbox(logger);
  const adapter = new WhatsAppAdapter({ sender: graph, phoneNumberId: config.phoneNumberId, logger });
  adapter.onTurnError = (context, error) => deps.onTurnError(context, error, logger);
  const parts: InboxHandlerParts = {
    graph,
    adapter,
    deliveries: backend.whatsAppStatuses,
    metrics: deps.metrics,
    logger,
  };
  const recovered = recoveredCounter(deps.metrics);
  return {
    adapter,
    graph,
    window,
    deliveries: parts.deliveries,
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
      const handler = new InboxHandler(parts, recovered, turnLogic, limits);
      server.server.once('listening', () => inbox.start((event, journal) => handler.handle(event, journal)));
    },
    drain: () => inbox.stop(),
  };
}

function graphClientOf(config: WhatsAppConfig): GraphClient {
  return new GraphClient({
    baseUrl: config.graphBaseUrl,
    version: config.graphVersion,
    phoneNumberId: config.phoneNumberId,
    accessToken: config.accessToken,
  });
}
