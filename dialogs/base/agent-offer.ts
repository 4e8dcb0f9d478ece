import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { choicesPrompt, outboundChoice, renderChoicesCard } from '../../cards';
import { t, type Locale, type MessageKey, type MessageParams } from '../../src/i18n';
import { sessionOf } from '../ports';
import { withPrompt } from './say';

/** The command word the "talk to an agent" button sends, whatever its title says. */
export const AGENT_COMMAND = 'temsilci';

/**
 * A message with a one-tap "Temsilciyle görüş / Talk to an agent" button: on channels with cards an
 * Adaptive Card button whose submit carries the command word (the bot reads it as typed text), elsewhere
 * a suggested action; WhatsApp shows the prompt's choice as a reply button.
 */
export function agentOfferActivity(text: string, locale: Locale, cards: boolean): Partial<Activity> {
  const title = t(locale, 'handoff.customer.talkToAgent');
  const prompt = choicesPrompt(text, [outboundChoice(AGENT_COMMAND, title)]);
  if (!cards) {
    return withPrompt(
      MessageFactory.suggestedActions([{ type: 'imBack', title, value: AGENT_COMMAND }], text),
      prompt,
    );
  }
  // The text stays the message's own text (read the same way as any reply); the card only adds the button.
  const card = CardFactory.adaptiveCard(renderChoicesCard(prompt, false));
  return withPrompt(MessageFactory.attachment(card, text), prompt);
}

/** Sends one catalog message in the customer's language with the agent button under it (e.g. help). */
export async function sayWithAgentOffer(
  context: TurnContext,
  key: MessageKey,
  params?: MessageParams,
): Promise<void> {
  const session = sessionOf(context);
  await context.sendActivity(
    agentOfferActivity(t(session.locale, key, params), session.locale, session.cardsSupported),
  );
}
