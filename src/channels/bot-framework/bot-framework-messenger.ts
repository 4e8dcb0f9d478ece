import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { choicesCard } from '../../../dialogs/base/choices';
import type { ChannelAddress } from '../../domain/case';
import type { OutboundMessage, ProactiveMessenger, SendOutcome } from '../proactive-messenger';
import { ConnectorHttpError } from './activity-sender';

/** Channels reached through the Bot Framework connector (WhatsApp has its own messenger). */
export const BOT_FRAMEWORK_CHANNELS: readonly string[] = ['msteams', 'emulator', 'webchat', 'directline'];

/** Connector answers that mean the bot cannot write to this conversation any more. */
const UNREACHABLE_CODES = new Set([
  'BotNotInConversationRoster',
  'BotDisabledByAdmin',
  'ConversationBlocked',
]);

/**
 * Proactive messages on Bot Framework channels (Teams, Web Chat, Emulator) through the stored conversation
 * reference. 403 with a code that means "not reachable" is reported as such; 429 and 5xx were already
 * retried by the activity sender and surface as errors, so the job retries later.
 */
export class BotFrameworkMessenger implements ProactiveMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
  ) {}

  async send(address: ChannelAddress, message: OutboundMessage): Promise<SendOutcome> {
    const reference = address.reference as Partial<ConversationReference>;
    // The adapter hands errors inside the callback to onTurnError (which would apologise to the
    // customer); keep the error here instead and decide below.
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.appId ?? '', reference, async (context) => {
      try {
        await context.sendActivity(
          message.actions.length > 0
            ? choicesCard(
                message.text,
                message.actions.map((a) => a.title),
              )
            : message.text,
        );
      } catch (err) {
        failure = err;
      }
    });
    if (failure === undefined) return 'sent';
    if (isUnreachable(failure)) return 'unreachable';
    throw failure;
  }
}

/** One messenger for every Bot Framework channel, by channel id (the composition root adds WhatsApp's). */
export function botFrameworkMessengers(
  adapter: CloudAdapter,
  appId: string | undefined,
): Readonly<Record<string, ProactiveMessenger>> {
  const messenger = new BotFrameworkMessenger(adapter, appId);
  return Object.fromEntries(BOT_FRAMEWORK_CHANNELS.map((channel) => [channel, messenger]));
}

function isUnreachable(err: unknown): boolean {
  if (!(err instanceof ConnectorHttpError)) return false;
  return err.statusCode === 404 || (err.statusCode === 403 && UNREACHABLE_CODES.has(err.code ?? ''));
}
