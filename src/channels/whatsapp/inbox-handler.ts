import type { TurnContext } from 'botbuilder';
import { Counter } from 'prom-client';
import type { RequestLimits } from '../../http/request-limits';
import { resolveLocale, t, type MessageKey } from '../../i18n';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import type { DeliveryStatusStore } from './delivery-status';
import type { GraphClient } from './graph-client';
import { messageIdHash } from './inbox';
import { errorSummary, type TurnJournal } from './inbox-queue';
import {
  whatsAppUserId,
  type WaInbound,
  type WaInboundMessage,
  type WaOutbound,
  type WaRecipient,
  type WaStatus,
} from './types';
import type { WhatsAppAdapter } from './whatsapp-adapter';

export type TurnLogic = (context: TurnContext) => Promise<void>;

/** What the handler is built from once per process (the channel's parts); the turn logic comes later. */
export interface InboxHandlerParts {
  readonly graph: GraphClient;
  readonly adapter: WhatsAppAdapter;
  readonly deliveries: DeliveryStatusStore;
  readonly metrics: Metrics;
  readonly logger: Logger;
}

/** Counts messages met again after a process died with them, by what was done about them. */
export function recoveredCounter(metrics: Metrics): Counter<'outcome'> {
  return new Counter({
    name: 'iys_whatsapp_inbox_recovered_total',
    help: 'WhatsApp messages met again after a process died with them: already done, replies sent, run again',
    labelNames: ['outcome'] as const,
    registers: [metrics.registry],
  });
}

/**
 * Runs each queued WhatsApp event: a status is recorded, a message is resumed where an earlier attempt
 * left it, checked against the customer's budget and run as a turn of the shared bot.
 */
export class InboxHandler {
  constructor(
    private readonly parts: InboxHandlerParts,
    private readonly recovered: Counter<'outcome'>,
    private readonly turnLogic: TurnLogic,
    private readonly limits?: RequestLimits,
  ) {}

  async handle(event: WaInbound, journal: TurnJournal): Promise<void> {
    try {
      if (event.kind === 'status') await this.recordStatus(event);
      else await this.resume(event, journal);
    } catch (err) {
      // The turn's own errors were already answered by the adapter's error handler; this is the rest
      // (a failed send, Redis away while journaling). Logged, and the entry counts as processed.
      this.parts.logger.error({ err: errorSummary(err) }, 'whatsapp event failed');
    }
  }

  private async recordStatus(event: WaStatus): Promise<void> {
    this.parts.metrics.whatsAppStatuses.inc({ status: event.status });
    if (event.status === 'failed') {
      this.parts.logger.warn(
        { errorCodes: event.errorCodes, userId: event.userId },
        'whatsapp message not delivered',
      );
    }
    await this.parts.deliveries.record(event);
  }

  /** Picks a message up where an earlier attempt (of a process that died) left it. */
  private async resume(message: WaInboundMessage, journal: TurnJournal): Promise<void> {
    const progress = await journal.load();
    const ref = { messageIdHash: messageIdHash(message.messageId).slice(0, 16) };
    const { logger } = this.parts;
    if (progress.state === 'done') {
      logger.info(ref, 'whatsapp message already processed; not run again');
      this.recovered.inc({ outcome: 'already_done' });
      return;
    }
    if (progress.state === 'committed') {
      // The turn ran and saved its state; only (some of) its replies did not go out.
      const missing = progress.replies.slice(progress.sent);
      this.recovered.inc({ outcome: 'replies_sent' });
      logger.warn({ ...ref, replies: missing.length }, 'whatsapp replies of an interrupted turn sent now');
      await this.sendMissing(progress.to, missing, journal, ref);
      return;
    }
    if (progress.state === 'started') {
      // The turn may or may not have saved its state before the process died: run again (at worst a
      // second run of the same answer; see the queue's documentation).
      logger.warn(ref, 'whatsapp message interrupted mid-turn; running it again');
      this.recovered.inc({ outcome: 'run_again' });
    }
    await journal.start();
    await this.run(message, journal);
  }

  private async sendMissing(
    to: WaRecipient,
    missing: readonly WaOutbound[],
    journal: TurnJournal,
    ref: { messageIdHash: string },
  ): Promise<void> {
    for (const reply of missing) {
      try {
        await this.parts.graph.send(to, reply);
      } catch (err) {
        this.parts.logger.error(
          { ...ref, err: errorSummary(err) },
          'whatsapp reply of an interrupted turn not sent',
        );
      }
      await journal.sent();
    }
  }

  private async run(message: WaInboundMessage, journal: TurnJournal): Promise<void> {
    if (!(await this.withinBudget(message))) return;
    if (message.source === 'unsupported') {
      // Stickers, locations, voice notes: nothing a question can be answered with. Said without a turn,
      // so the open question stays as it is.
      await this.tell(message, 'bot.unsupportedMessage');
      return;
    }
    await this.parts.adapter.processMessage(message, this.turnLogic, journal);
  }

  /**
   * A customer (or a script on their phone) sending faster than anyone types: the message is not run as a
   * turn. They are told once a minute (across replicas, as on Teams) so they know to send it again.
   */
  private async withinBudget(message: WaInboundMessage): Promise<boolean> {
    const userId = whatsAppUserId(message.from.userKey);
    if (!this.limits || (await this.limits.userWithinBudget('whatsapp', userId))) return true;
    this.parts.logger.warn({ userId }, 'whatsapp message over the per-user rate; not processed');
    this.parts.metrics.rateLimited.inc({ route: 'whatsapp-user' });
    if (await this.limits.firstNoticeInWindow('whatsapp', userId)) await this.tell(message, 'bot.slowDown');
    return false;
  }

  private async tell(message: WaInboundMessage, key: MessageKey): Promise<void> {
    await this.parts.graph.send(message.from, {
      type: 'text',
      text: { body: t(resolveLocale(undefined), key) },
    });
  }
}
