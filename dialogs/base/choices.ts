import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import {
  ChoicePrompt,
  ListStyle,
  type Choice,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { MessageKey } from '../../src/i18n';
import { sessionOf } from '../ports';
import { text } from './say';

export const CHOICE_PROMPT = 'choicePrompt';
/** Verb of a choice button's submit data. */
export const CHOICE_VERB = 'choice.pick';

export interface ChoiceOption {
  readonly value: string;
  readonly title: MessageKey;
  /** Other words that pick this option (both languages are always accepted). */
  readonly synonyms?: readonly string[];
}

/** A ChoicePrompt for every step dialog: buttons on cards channels, suggested replies elsewhere. */
export function choicePrompt(): ChoicePrompt {
  const prompt = new ChoicePrompt(CHOICE_PROMPT);
  // Numbers are not read as picks: "Mesaj 1" or a phone number must never accept option one.
  prompt.recognizerOptions = { recognizeOrdinals: false, recognizeNumbers: false };
  return prompt;
}

/** Asks one multiple-choice question; the step's result is `{ value }` of the chosen option. */
export async function askChoice(
  step: WaterfallStepContext,
  question: MessageKey,
  options: readonly ChoiceOption[],
  params?: Record<string, string | number>,
): Promise<DialogTurnResult> {
  const session = sessionOf(step.context);
  // botbuilder shows `value` as the button title, so the value is the localised title and the option ids
  // are kept beside the waterfall's values for `chosen`.
  (step.values as Record<string, unknown>)[CHOICE_IDS] = options.map((o) => o.value);
  const choices: Choice[] = options.map((o) => {
    const title = text(step.context, o.title);
    return { value: title, synonyms: [o.value, ...(o.synonyms ?? [])] };
  });
  const asked = text(step.context, question, params);
  if (!session.cardsSupported) {
    return step.prompt(CHOICE_PROMPT, {
      prompt: asked,
      retryPrompt: asked,
      choices,
      style: ListStyle.suggestedAction,
    });
  }
  const card = choicesCard(
    asked,
    choices.map((c) => c.value),
  );
  return step.prompt(CHOICE_PROMPT, { prompt: card, retryPrompt: card, choices, style: ListStyle.none });
}

/**
 * The question as an Adaptive Card with one Action.Submit per option: every client that renders cards
 * (Teams, Web Chat, Emulator, Agents Playground) submits `value.choice`, which the bot turns into the
 * message text before the prompt reads it. (Hero-card imBack/messageBack buttons do not work everywhere.)
 */
export function choicesCard(question: string, titles: readonly string[]): Partial<Activity> {
  return MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [{ type: 'TextBlock', text: question, wrap: true }],
      actions: titles.map((title) => ({
        type: 'Action.Submit',
        title,
        data: { verb: CHOICE_VERB, choice: title },
      })),
    }),
  );
}

/** The id (`ChoiceOption.value`) picked in the previous `askChoice` of this waterfall. */
export function chosen(step: WaterfallStepContext): string | undefined {
  const index = (step.result as { index?: number } | undefined)?.index;
  const ids = (step.values as Record<string, unknown>)[CHOICE_IDS] as string[] | undefined;
  return index === undefined ? undefined : ids?.[index];
}

const CHOICE_IDS = 'choiceIds';
