import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/card-json';

export interface PostedThread {
  readonly reference: Record<string, unknown>;
  readonly cardActivityId: string;
  /** The conversation id the channel gives replies in this thread (Teams: `<channel>;messageid=<post>`). */
  readonly conversationId: string;
}

/** Where agents work: a Teams channel in which each request is a post (card) with its own reply thread. */
export interface SupportChannelPort {
  postCard(channel: Record<string, unknown>, card: AdaptiveCardJson): Promise<PostedThread>;
  updateCard(thread: Record<string, unknown>, cardActivityId: string, card: AdaptiveCardJson): Promise<void>;
  say(thread: Record<string, unknown>, text: string): Promise<void>;
}

/** The thread's conversation id: Teams suffixes the channel's id with the root post's id. */
export function threadConversationId(channelConversationId: string, postId: string): string {
  return `${channelConversationId.split(';')[0] ?? channelConversationId};messageid=${postId}`;
}

/** Posts to the support channel through the Bot Framework connector (proactively, outside any turn). */
export class BotFrameworkSupportChannel implements SupportChannelPort {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
  ) {}

  async postCard(channel: Record<string, unknown>, card: AdaptiveCardJson): Promise<PostedThread> {
    let postId = '';
    await this.continue(channel, async (context) => {
      const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      postId = sent?.id ?? '';
    });
    const channelId = (channel.conversation as { id: string }).id;
    const conversationId = threadConversationId(channelId, postId);
    return {
      reference: { ...channel, conversation: { ...(channel.conversation as object), id: conversationId } },
      cardActivityId: postId,
      conversationId,
    };
  }

  async updateCard(
    thread: Record<string, unknown>,
    cardActivityId: string,
    card: AdaptiveCardJson,
  ): Promise<void> {
    await this.continue(thread, async (context) => {
      await context.updateActivity({
        id: cardActivityId,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
      });
    });
  }

  async say(thread: Record<string, unknown>, text: string): Promise<void> {
    await this.continue(thread, async (context) => {
      await context.sendActivity(text);
    });
  }

  /** Runs `send` in the conversation; its failure is rethrown here instead of reaching onTurnError. */
  private async continue(reference: Record<string, unknown>, send: (c: TurnContext) => Promise<void>) {
    let failure: unknown;
    await this.adapter.continueConversationAsync(
      this.appId ?? '',
      reference as Partial<ConversationReference>,
      async (context) => {
        try {
          await send(context);
        } catch (err) {
          failure = err;
        }
      },
    );
    if (failure !== undefined) throw failure;
  }
}
