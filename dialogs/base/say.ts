import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards';
import { t, type MessageKey, type MessageParams } from '../../src/i18n';
import { sessionOf } from '../ports';

/** Sends one catalog message in the customer's language. */
export async function say(context: TurnContext, key: MessageKey, params?: MessageParams): Promise<void> {
  await context.sendActivity(t(sessionOf(context).locale, key, params));
}

export function text(context: TurnContext, key: MessageKey, params?: MessageParams): string {
  return t(sessionOf(context).locale, key, params);
}

export function cardActivity(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(cardActivity(card));
}
