import { z } from 'zod/v4';
import { WHATSAPP_LIMITS, type PromptMessage } from './prompts/prompt-types';

/**
 * What a bot message asks of the customer, said once and channel-neutrally: plain text, a multiple choice,
 * or a question of a form asked one at a time. Dialogs attach it to every message they send (channelData
 * under OUTBOUND_PROMPT_KEY); each channel renders it its own way: Teams and Web Chat through the Adaptive
 * Card the dialogs built from it, WhatsApp as text, reply buttons or a list. Texts are Bot Framework
 * markdown, like an activity's text.
 */
export type OutboundPrompt = TextPrompt | ChoicesPrompt | FormQuestionPrompt;

export interface TextPrompt {
  readonly kind: 'text';
  readonly text: string;
}

export interface ChoicesPrompt {
  readonly kind: 'choices';
  readonly text: string;
  readonly choices: readonly OutboundChoice[];
}

export interface FormQuestionPrompt {
  readonly kind: 'form-question';
  readonly text: string;
  /** How the question wants its answer: typed, one of a few buttons, or a row of a list. */
  readonly answer: 'typed' | 'buttons' | 'list';
  readonly choices: readonly OutboundChoice[];
}

export interface OutboundChoice {
  /** What the bot reads back when this choice is picked (the button's id, the text a tap sends). */
  readonly value: string;
  /** The whole title (cards, numbered lists). */
  readonly title: string;
  /**
   * The title where space is short: a reply button when ≤ 20 characters, a list row (≤ 24) otherwise.
   * When it is not the whole title, the whole title is shown under it where it can be.
   */
  readonly shortTitle: string;
  readonly description?: string;
}

/** The one place an activity carries its prompt: `channelData.iysPrompt`. */
export const OUTBOUND_PROMPT_KEY = 'iysPrompt';

export function textPrompt(text: string): TextPrompt {
  return { kind: 'text', text };
}

export function choicesPrompt(text: string, choices: readonly OutboundChoice[]): ChoicesPrompt {
  return { kind: 'choices', text, choices };
}

/**
 * A choice whose short title is the caller's, or else the whole title when it fits a list row and its
 * first 23 characters and "…" when not (short titles are chat text: no asterisks, single spaces).
 */
export function outboundChoice(value: string, title: string, shortTitle?: string): OutboundChoice {
  return { value, title, shortTitle: shortTitle ? chatTitle(shortTitle) : shorten(chatTitle(title)) };
}

/** A question of the prompt machine, whose choices already fit WhatsApp (short titles are its titles). */
export function formQuestionPrompt(message: PromptMessage): FormQuestionPrompt {
  const choices = (message.choices ?? []).map((c) => ({
    value: c.id,
    title: c.title,
    shortTitle: c.title,
    ...(c.description !== undefined ? { description: c.description } : {}),
  }));
  const answer = message.style === 'text' || choices.length === 0 ? 'typed' : message.style;
  return { kind: 'form-question', text: message.text, answer, choices: answer === 'typed' ? [] : choices };
}

/** The channelData that carries a prompt. */
export function promptChannelData(prompt: OutboundPrompt): Record<string, OutboundPrompt> {
  return { [OUTBOUND_PROMPT_KEY]: prompt };
}

const choiceSchema = z.object({
  value: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  description: z.string().optional(),
});

const promptSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('choices'), text: z.string(), choices: z.array(choiceSchema) }),
  z.object({
    kind: z.literal('form-question'),
    text: z.string(),
    answer: z.enum(['typed', 'buttons', 'list']),
    choices: z.array(choiceSchema),
  }),
]);

/** The prompt an activity's channelData carries, if any (checked: channelData is anyone's to fill). */
export function outboundPromptOf(channelData: unknown): OutboundPrompt | undefined {
  if (!channelData || typeof channelData !== 'object') return undefined;
  const carried = (channelData as Record<string, unknown>)[OUTBOUND_PROMPT_KEY];
  if (carried === undefined) return undefined;
  const parsed = promptSchema.safeParse(carried);
  return parsed.success ? parsed.data : undefined;
}

function chatTitle(title: string): string {
  return title.replace(/\*/g, '').replace(/\s+/g, ' ').trim();
}

/** Cut to a list row's length in UTF-16 units (never less than WhatsApp's count), never inside a pair. */
function shorten(title: string, max: number = WHATSAPP_LIMITS.rowTitle): string {
  if (title.length <= max) return title;
  let end = max - 1;
  const code = title.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${title.slice(0, end).trimEnd()}…`;
}
