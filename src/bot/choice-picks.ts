import type { TurnContext } from 'botbuilder';
import { CHOICE_VERB } from '../../dialogs/base/choices';

/**
 * A choice button submitted without text (Web Chat, Emulator, Agents Playground send only the card's
 * data) becomes the message text the customer would have typed, so the prompts read both the same way.
 */
export function choicePickAsText(context: TurnContext): void {
  const { activity } = context;
  const value = activity.value as { verb?: unknown; choice?: unknown } | undefined;
  if (activity.text || !value || value.verb !== CHOICE_VERB || typeof value.choice !== 'string') return;
  activity.text = value.choice.slice(0, 200);
}
