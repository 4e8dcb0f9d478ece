import { randomUUID } from 'node:crypto';
import type { LocalConnector, ReceivedActivity } from './local-connector';

export interface AdaptiveCardLike {
  readonly type: string;
  readonly body?: unknown[];
  readonly actions?: { type: string; title?: string; data?: Record<string, unknown> }[];
}

export interface SendOptions {
  readonly locale?: string;
  readonly value?: unknown;
  readonly authorization?: string;
}

/**
 * Talks to the bot as the Bot Framework Emulator does: posts activities to `/api/messages` with the local
 * connector as `serviceUrl`, and reads the bot's answers from that connector.
 */
export class ChannelSimulator {
  readonly conversationId: string;
  readonly userId: string;
  private counter = 0;
  /** Channels never reuse an activity id; two simulators on one conversation must not either. */
  private readonly idSeed = randomUUID().slice(0, 8);

  constructor(
    private readonly botUrl: string,
    private readonly connector: LocalConnector,
    options: { conversationId?: string; userId?: string } = {},
  ) {
    this.conversationId = options.conversationId ?? `conv-${randomUUID()}`;
    this.userId = options.userId ?? `user-${randomUUID()}`;
  }

  activity(text: string, options: SendOptions = {}): Record<string, unknown> {
    this.counter += 1;
    return {
      type: 'message',
      id: `${this.conversationId}-in-${this.idSeed}-${this.counter}`,
      timestamp: new Date().toISOString(),
      channelId: 'emulator',
      serviceUrl: this.connector.url,
      from: { id: this.userId, name: 'Test Kullanıcı', role: 'user' },
      recipient: { id: 'bot', name: 'İYS Asistanı', role: 'bot' },
      conversation: { id: this.conversationId },
      locale: options.locale ?? 'tr-TR',
      text,
      ...(options.value !== undefined ? { value: options.value } : {}),
    };
  }

  /** Posts one message and returns the HTTP status the bot answered with. */
  async post(text: string, options: SendOptions = {}, url = this.botUrl): Promise<number> {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.authorization ? { authorization: options.authorization } : {}),
      },
      body: JSON.stringify(this.activity(text, options)),
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** Sends a message and waits until the bot has sent `expectedReplies` more messages. */
  async say(text: string, expectedReplies = 1, options: SendOptions = {}): Promise<ReceivedActivity[]> {
    const before = this.connector.messages(this.conversationId).length;
    const status = await this.post(text, options);
    if (status >= 300) throw new Error(`bot answered HTTP ${status}`);
    const all = await this.connector.waitForMessages(this.conversationId, before + expectedReplies);
    return all.slice(before);
  }

  /**
   * Sends one message (text and/or card submit value) and returns everything the bot sent in that turn.
   * In the default delivery mode the bot answers the POST only after its replies reached the connector.
   */
  async send(text: string, options: SendOptions = {}): Promise<ReceivedActivity[]> {
    const before = this.connector.messages(this.conversationId).length;
    const status = await this.post(text, options);
    if (status >= 300) throw new Error(`bot answered HTTP ${status}`);
    return this.connector.messages(this.conversationId).slice(before);
  }

  /** Submits the most recent Adaptive Card form the bot sent, with these input values (all strings). */
  async submitCard(
    inputs: Record<string, string>,
    verb = 'form.submit',
    options: Omit<SendOptions, 'value'> = {},
  ): Promise<ReceivedActivity[]> {
    const data = this.lastCardAction(verb);
    return this.send('', { ...options, value: { ...inputs, ...data } });
  }

  /** The `data` of the named action on the last Adaptive Card the bot sent (verb, formId, nonce). */
  lastCardAction(verb = 'form.submit'): Record<string, unknown> {
    const messages = this.connector.messages(this.conversationId);
    for (let i = messages.length - 1; i >= 0; i--) {
      for (const attachment of (messages[i]?.attachments ?? []) as {
        contentType?: string;
        content?: AdaptiveCardLike;
      }[]) {
        if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
        const action = attachment.content?.actions?.find((a) => a.data?.verb === verb);
        if (action?.data) return action.data;
      }
    }
    throw new Error(`no card with a ${verb} action in ${this.conversationId}`);
  }

  /** Adaptive Card attachments of some replies (for assertions on what the card shows). */
  static cards(replies: readonly ReceivedActivity[]): AdaptiveCardLike[] {
    return replies.flatMap((r) =>
      ((r.attachments ?? []) as { contentType?: string; content?: AdaptiveCardLike }[])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content)
        .map((a) => a.content as AdaptiveCardLike),
    );
  }

  texts(): string[] {
    return this.connector.messages(this.conversationId).map((a) => a.text ?? '');
  }
}
