import {
  EventFactory,
  type Activity,
  type TurnContext,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import type { ChannelAddress } from '../domain/case';
import type { Logger } from '../observability/logger';
import type { TranscriptLine } from './transcript-store';

/** The transcript attachment of `handoff.initiate`, as the Bot Framework handoff protocol names it. */
export const TRANSCRIPT_CONTENT_TYPE = 'application/vnd.microsoft.activity.transcript';

/** Channels that speak the Bot Framework activity protocol (an agent hub can listen there). */
const BOT_FRAMEWORK_CHANNELS = new Set(['msteams', 'emulator', 'webchat', 'directline']);

export type HandoffStatusState = 'accepted' | 'completed' | 'failed';

/** What an agent hub learns about the request: never personal data (the case id is a hash). */
export interface HandoffContext {
  readonly skill: string;
  readonly caseId: string;
  readonly reason: string;
  readonly step?: string;
  readonly locale: string;
  readonly note?: string;
}

/**
 * Bot Framework handoff events for an external agent hub (HANDOFF_EXTERNAL_HUB): `handoff.initiate` with
 * the masked transcript when a request opens, `handoff.status` when it is taken, ends or times out.
 */
export interface HandoffEventsPort {
  initiate(
    address: ChannelAddress | undefined,
    context: HandoffContext,
    transcript: readonly TranscriptLine[],
    turn?: TurnContext,
  ): Promise<void>;
  status(
    address: ChannelAddress | undefined,
    state: HandoffStatusState,
    message: string,
    caseId: string,
  ): Promise<void>;
}

/** Without an external hub nothing is emitted. */
export const NO_HANDOFF_EVENTS: HandoffEventsPort = {
  initiate: async () => undefined,
  status: async () => undefined,
};

/** Transcript lines (already masked when stored) as the message activities a hub replays. */
export function transcriptActivities(lines: readonly TranscriptLine[]): Partial<Activity>[] {
  return lines.map((line) => ({
    type: 'message',
    timestamp: new Date(line.at),
    ...(line.channel ? { channelId: line.channel } : {}),
    from: {
      id: line.from,
      name: line.by ?? line.from,
      role: line.from === 'customer' ? 'user' : 'bot',
    },
    text: line.text,
  }));
}

/**
 * Emits the events into the customer's conversation with botbuilder's EventFactory. Inside the customer's
 * turn the initiation goes out with the turn's replies; otherwise (an escalation from reminders, a claim, a
 * timeout) through the conversation reference. Failures are logged, never passed on: the hub is an extra
 * listener and must not break the takeover in the support channel.
 */
export class BotFrameworkHandoffEvents implements HandoffEventsPort {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
    private readonly logger: Logger,
  ) {}

  async initiate(
    address: ChannelAddress | undefined,
    context: HandoffContext,
    transcript: readonly TranscriptLine[],
    turn?: TurnContext,
  ): Promise<void> {
    const build = (ctx: TurnContext) => {
      const event = EventFactory.createHandoffInitiation(ctx, context, {
        activities: transcriptActivities(transcript) as Activity[],
      });
      // botbuilder labels the transcript `application/json`; the handoff protocol's hubs look for this type.
      for (const attachment of event.attachments ?? []) attachment.contentType = TRANSCRIPT_CONTENT_TYPE;
      return event;
    };
    if (turn && BOT_FRAMEWORK_CHANNELS.has(turn.activity.channelId)) {
      await this.guard('initiate', context.caseId, () => turn.sendActivity(build(turn)));
      return;
    }
    await this.inConversation(address, 'initiate', context.caseId, (ctx) => ctx.sendActivity(build(ctx)));
  }

  async status(
    address: ChannelAddress | undefined,
    state: HandoffStatusState,
    message: string,
    caseId: string,
  ): Promise<void> {
    await this.inConversation(address, `status ${state}`, caseId, (ctx) =>
      ctx.sendActivity(EventFactory.createHandoffStatus(ctx.activity.conversation, state, message)),
    );
  }

  private async inConversation(
    address: ChannelAddress | undefined,
    what: string,
    caseId: string | undefined,
    send: (context: TurnContext) => Promise<unknown>,
  ): Promise<void> {
    if (!address || !BOT_FRAMEWORK_CHANNELS.has(address.channelId)) return;
    const reference = address.reference as Partial<ConversationReference>;
    await this.guard(what, caseId, async () => {
      let failure: unknown;
      await this.adapter.continueConversationAsync(this.appId ?? '', reference, async (ctx) => {
        try {
          await send(ctx);
        } catch (err) {
          failure = err;
        }
      });
      if (failure !== undefined) throw failure;
    });
  }

  private async guard(what: string, caseId: string | undefined, send: () => Promise<unknown>) {
    try {
      await send();
    } catch (err) {
      this.logger.warn({ caseId, err: { message: (err as Error).message } }, `handoff event ${what} failed`);
    }
  }
}
