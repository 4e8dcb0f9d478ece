import { CardFactory, InputHints, MessageFactory, type Activity } from 'botbuilder';
import {
  ChoicePrompt,
  ListStyle,
  type Choice,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { choicesPrompt, outboundChoice, renderChoicesCard, type ChoicesPrompt } from '../../cards';
import type { MessageKey } from '../../src/i18n';
import { sessionOf } from '../ports';
import { text, withPrompt } from './say';

/** The verb lives with the card that carries it; the bot layer reads it from here. */
export { CHOICE_VERB } from '../../cards';

export const CHOICE_PROMPT = 'choicePrompt';

export interface ChoiceOption {
  readonly value: string;
  readonly title: MessageKey;
  /** Where space is short (a WhatsApp button ≤ 20 characters, a list row ≤ 24); else cut from the title. */
  readonly shortTitle?: MessageKey;
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
  const prompt = choicesPrompt(
    text(step.context, question, params),
    options.map((o, i) => {
      const title = choices[i]?.value ?? '';
      return outboundChoice(title, title, o.shortTitle && text(step.context, o.shortTitle));
    }),
  );
  if (!session.cardsSupported) {
    // The prompt adds the choices as suggested actions; the activity keeps the text and the prompt.
    const asked = withPrompt(MessageFactory.text(prompt.text, undefined, InputHints.ExpectingInput), prompt);
    return step.prompt(CHOICE_PROMPT, {
      prompt: asked,
      retryPrompt: asked,
      choices,
      style: ListStyle.suggestedAction,
    });
  }
  const card = choicesActivity(prompt);
  return step.prompt(CHOICE_PROMPT, { prompt: card, retryPrompt: card, choices, style: ListStyle.none });
}

/** A multiple choice as its card (see renderChoicesCard), carrying its prompt. */
export function choicesActivity(prompt: ChoicesPrompt): Partial<Activity> {
  return withPrompt(MessageFactory.attachment(CardFactory.adaptiveCard(renderChoicesCard(prompt))), prompt);
}

/** The question with one button per title; a pick reads as the title typed (proactive messages). */
export function choicesCard(question: string, titles: readonly string[]): Partial<Activity> {
  return choicesActivity(
    choicesPrompt(
      question,
      titles.map((title) => outboundChoice(title, title)),
    ),
  );
}

/** The id (`ChoiceOption.value`) picked in the previous `askChoice` of this waterfall. */
export function chosen(step: WaterfallStepContext): string | undefined {
  const index = (step.result as { index?: number } | undefined)?.index;
  const ids = (step.values as Record<string, unknown>)[CHOICE_IDS] as string[] | undefined;
  return index === undefined ? undefined : ids?.[index];
}

const CHOICE_IDS = 'choiceIds';
