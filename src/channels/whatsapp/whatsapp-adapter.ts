import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { Logger } from '../../observability/logger';
import type { ReplyJournal } from './inbox-queue';
import { renderReplies, type RenderOptions } from './outbound';
import { recipientOfAccount } from './whatsapp-messenger';
import { WHATSAPP_CHANNEL_ID, whatsAppUserId, type WaInboundMessage, type WhatsAppSender } from './types';

const OUTBOX = Symbol('iys.whatsapp.outbox');
const JOURNAL = Symbol('iys.whatsapp.journal');

type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * Runs WhatsApp messages through the same teams-ai Application and dialogs as Teams.
 *
 * Inbound: a webhook message becomes a message Activity whose `from.id` and `conversation.id` are the
 * customer's pseudonymous id (whatsAppUserId), so state keys, locks and logs never hold a phone number;
 * the Graph API recipient rides along in `from.properties.whatsapp` and so ends up in the case's
 * conversation reference, which is what proactive sends use later.
 *
 * Outbound: the replies of a turn are collected and sent together by `endTurn`, the channel's hook that the
 * turn pipeline calls before it releases the conversation's lock (so two turns never interleave their
 * replies); rendering the whole turn at once lets texts be merged against the per-user pair rate. Replies
 * made outside the pipeline (the error handler's apology, a continued conversation) are sent the same way
 * once the adapter's own run ends.
 */
export class WhatsAppAdapter extends BotAdapter {
  constructor(
    private readonly deps: {
      readonly sender: WhatsAppSender;
      readonly phoneNumberId: string;
      readonly logger: Logger;
      readonly render?: RenderOptions;
    },
  ) {
    super();
  }

  /**
   * Runs one customer message as a turn, then sends whatever it (or the error handler) replied. With a
   * journal, the rendered replies are recorded before they go out and each one as it went out, so a
   * process that dies while sending them is followed by the missing replies, not by the turn again.
   */
  async processMessage(message: WaInboundMessage, logic: TurnLogic, journal?: ReplyJournal): Promise<void> {
    const context = new TurnContext(this, this.toActivity(message));
    if (journal) context.turnState.set(JOURNAL, journal);
    try {
      await this.runMiddleware(context, logic);
    } finally {
      await this.endTurn(context);
    }
  }

  /** Sends the replies collected so far in this turn (ChannelTurnHooks). Safe to call more than once. */
  async endTurn(context: TurnContext): Promise<void> {
    const outbox = context.turnState.get(OUTBOX) as Partial<Activity>[] | undefined;
    if (!outbox || outbox.length === 0) return;
    const replies = outbox.splice(0, outbox.length);
    // Incoming turns and continued conversations both carry the customer as `from`.
    const to = recipientOfAccount(context.activity.from);
    if (!to) {
      this.deps.logger.warn(
        { replies: replies.length },
        'whatsapp replies dropped: no recipient on the turn',
      );
      return;
    }
    const messages = renderReplies(replies, this.deps.render);
    const journal = context.turnState.get(JOURNAL) as ReplyJournal | undefined;
    await journal?.commit(to, messages);
    for (const message of messages) {
      await this.deps.sender.send(to, message);
      await journal?.sent();
    }
  }

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    let outbox = context.turnState.get(OUTBOX) as Partial<Activity>[] | undefined;
    if (!outbox) {
      outbox = [];
      context.turnState.set(OUTBOX, outbox);
    }
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message) outbox.push(activity);
      responses.push({ id: randomUUID() });
    }
    return responses;
  }

  override updateActivity(): Promise<void> {
    return Promise.reject(new Error('WhatsApp messages cannot be edited'));
  }

  override deleteActivity(): Promise<void> {
    return Promise.reject(new Error('WhatsApp messages cannot be deleted'));
  }

  /** A turn the bot starts itself (an agent's message, a hand-back) in a stored WhatsApp conversation. */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: TurnLogic,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    const context = new TurnContext(this, activity);
    try {
      await this.runMiddleware(context, logic);
    } finally {
      await this.endTurn(context);
    }
  }

  private toActivity(message: WaInboundMessage): Partial<Activity> {
    const userId = whatsAppUserId(message.from.userKey);
    const media = message.media;
    return {
      type: ActivityTypes.Message,
      id: message.messageId,
      timestamp: message.timestamp,
      channelId: WHATSAPP_CHANNEL_ID,
      serviceUrl: `whatsapp://${message.phoneNumberId}`,
      from: {
        id: userId,
        name: '',
        role: 'user',
        properties: { whatsapp: { ...message.from } },
      },
      recipient: { id: message.phoneNumberId, name: '', role: 'bot' },
      conversation: { id: userId, name: '', isGroup: false, conversationType: 'personal' },
      text: message.text ?? '',
      ...(media
        ? {
            attachments: [
              {
                contentType: media.mimeType,
                ...(media.filename ? { name: media.filename } : {}),
                content: {
                  channelMedia: {
                    kind: media.kind,
                    mediaId: media.mediaId,
                    mimeType: media.mimeType,
                    ...(media.sha256 ? { sha256: media.sha256 } : {}),
                    ...(media.filename ? { filename: media.filename } : {}),
                  },
                },
              },
            ],
          }
        : {}),
      channelData: {
        whatsapp: {
          source: message.source,
          ...(message.unsupportedType ? { unsupportedType: message.unsupportedType } : {}),
        },
      },
    };
  }
}
