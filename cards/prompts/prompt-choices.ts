import type { Translator } from '../../src/i18n';
import type { ChoiceSpec, FieldSpec } from '../../src/domain/forms';
import { choiceTitle } from '../field-input';
import { fit, fold } from './prompt-text';
import { WHATSAPP_LIMITS as L, type PromptChoice, type PromptMessage } from './prompt-types';

/** Yes/no and toggles share these ids with the card route ("true"/"false"). */
const YES_NO: readonly ChoiceSpec[] = [
  { id: 'true', label: 'forms.choice.yes' },
  { id: 'false', label: 'forms.choice.no' },
];

export function promptChoices(field: FieldSpec): readonly ChoiceSpec[] {
  if (field.kind === 'toggle') return YES_NO;
  return field.choices ?? [];
}

/** Choices are offered as buttons or list rows only up to the list limit; longer lists are typed. */
export function isTypedChoice(field: FieldSpec): boolean {
  return promptChoices(field).length > L.maxRows || field.kind === 'multiChoice';
}

/** Maps one typed token (an id, a 1-based number or a title) to a choice id. */
function matchToken(tr: Translator, choices: readonly ChoiceSpec[], token: string): string | undefined {
  const text = token.trim();
  const exact = choices.find((c) => c.id === text);
  if (exact) return exact.id;
  if (/^\d{1,2}$/.test(text)) return choices[Number(text) - 1]?.id;
  const key = fold(text);
  return choices.find((c) => fold(choiceTitle(tr, c)) === key || fold(c.id) === key)?.id;
}

/**
 * Turns a chat answer into the raw value a card would submit: choice ids (comma-joined for multi-select).
 * Unmatched answers pass through unchanged so the field validator explains what is wrong.
 */
export function toRawAnswer(tr: Translator, field: FieldSpec, input: string): string {
  const choices = promptChoices(field);
  if (choices.length === 0) return input;
  if (field.kind !== 'multiChoice') return matchToken(tr, choices, input) ?? input;
  const tokens = input.split(/[,;\n]+/).filter((token) => token.trim() !== '');
  const ids = tokens.map((token) => matchToken(tr, choices, token));
  return ids.every((id): id is string => id !== undefined) ? ids.join(',') : input;
}

function asButtons(tr: Translator, choices: readonly ChoiceSpec[]): PromptChoice[] | undefined {
  if (choices.length > L.maxButtons) return undefined;
  const titles = choices.map((c) => choiceTitle(tr, c));
  if (titles.some((title) => Array.from(title).length > L.buttonTitle)) return undefined;
  return choices.map((c, i) => ({ id: c.id, title: titles[i] ?? c.id }));
}

function asRows(tr: Translator, choices: readonly ChoiceSpec[]): PromptChoice[] {
  return choices.map((c) => {
    const title = choiceTitle(tr, c);
    const cut = Array.from(title).length > L.rowTitle;
    return {
      id: c.id,
      title: fit(title, L.rowTitle),
      ...(cut ? { description: fit(title, L.rowDescription) } : {}),
    };
  });
}

/** The question as WhatsApp can show it: buttons when ≤ 3 short choices, a list up to 10, else typed text. */
export function questionMessage(tr: Translator, field: FieldSpec, text: string): PromptMessage {
  const choices = promptChoices(field);
  if (choices.length === 0 || isTypedChoice(field)) return { text, style: 'text' };
  const buttons = asButtons(tr, choices);
  if (buttons) return { text, choices: buttons, style: 'buttons' };
  return { text, choices: asRows(tr, choices), style: 'list' };
}
