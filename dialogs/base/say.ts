import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import {
  cardText,
  promptChannelData,
  textPrompt,
  type AdaptiveCardJson,
  type OutboundPrompt,
} from '../../cards';
import { t, type MessageKey, type MessageParams } from '../../src/i18n';
import { sessionOf } from '../ports';

/** Sends one catalog message in the customer's language. */
export async function say(context: TurnContext, key: MessageKey, params?: MessageParams): Promise<void> {
  await context.sendActivity(t(sessionOf(context).locale, key, params));
}

export function text(context: TurnContext, key: MessageKey, params?: MessageParams): string {
  return t(sessionOf(context).locale, key, params);
}

/**
 * Puts the message's prompt on it, the one way every dialog sender says what a message asks: the
 * activity itself (card, suggested actions) is its Bot Framework rendering; channels that render
 * differently (WhatsApp) read the prompt instead.
 */
export function withPrompt<A extends Partial<Activity>>(activity: A, prompt: OutboundPrompt): A {
  const channelData = (activity.channelData ?? {}) as Record<string, unknown>;
  return { ...activity, channelData: { ...channelData, ...promptChannelData(prompt) } };
}

/** A card, with its words as the prompt for channels that cannot show cards. */
export function cardActivity(card: AdaptiveCardJson): Partial<Activity> {
  return withPrompt(MessageFactory.attachment(CardFactory.adaptiveCard(card)), textPrompt(cardText(card)));
}

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(cardActivity(card));
}
