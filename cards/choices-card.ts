import { adaptiveCard, type AdaptiveCardJson } from './card-json';
import { textBlock } from './card-parts';
import type { ChoicesPrompt } from './outbound-prompt';

/** Verb of a choice button's submit data; the bot reads `choice` as the text the customer would type. */
export const CHOICE_VERB = 'choice.pick';

/**
 * A multiple choice as an Adaptive Card with one Action.Submit per choice: every client that renders cards
 * (Teams, Web Chat, Emulator, Agents Playground) submits `{ verb, choice }`, which the bot turns into the
 * message text before the prompt reads it. (Hero-card imBack/messageBack buttons do not work everywhere.)
 * `withText: false` leaves the question out, for a message that says it in its own text.
 */
export function renderChoicesCard(prompt: ChoicesPrompt, withText = true): AdaptiveCardJson {
  return adaptiveCard(
    withText ? [textBlock(prompt.text)] : [],
    prompt.choices.map((c) => ({
      type: 'Action.Submit',
      title: c.title,
      data: { verb: CHOICE_VERB, choice: c.value },
    })),
  );
}
