import type { Translator } from '../../src/i18n';
import type { FieldSpec, FieldValue, FormSpec, ParsedValues } from '../../src/domain/forms';
import { maskValue } from '../../src/domain/case';
import { choiceTitle, fieldLabel } from '../field-input';
import { isTypedChoice, promptChoices, questionMessage } from './prompt-choices';
import type { PromptMessage } from './prompt-types';

export interface QuestionContext {
  readonly tr: Translator;
  readonly position: number;
  readonly total: number;
  readonly canGoBack: boolean;
  /** Said before the question: a warning about the last answer, or why it was refused. */
  readonly preface?: readonly string[];
}

function choiceHints(tr: Translator, field: FieldSpec): string[] {
  const choices = promptChoices(field);
  if (field.kind === 'multiChoice') {
    const options = choices.map((c, i) => `${i + 1}) ${choiceTitle(tr, c)}`).join('\n');
    return [options, tr('cards.prompt.multiChoiceHint')];
  }
  if (!isTypedChoice(field)) return [];
  const examples = choices.slice(0, 3).map((c) => choiceTitle(tr, c));
  return [tr('cards.prompt.typeChoiceHint', { examples: examples.join(', ') })];
}

/** Card placeholders may start with "Örn." / "e.g."; the prompt already says "Örnek:". */
function withoutExampleMark(placeholder: string): string {
  return placeholder.replace(/^(örn\.|e\.g\.)\s*/i, '');
}

function hints(tr: Translator, field: FieldSpec, canGoBack: boolean): string[] {
  const list = choiceHints(tr, field);
  if (field.multiple) list.push(tr('cards.prompt.multipleHint'));
  if (field.placeholder && !field.choices)
    list.push(tr('cards.prompt.example', { example: withoutExampleMark(tr(field.placeholder)) }));
  if (!field.required) list.push(tr('cards.prompt.optionalHint'));
  if (canGoBack) list.push(tr('cards.prompt.backHint'));
  return list;
}

/** One field as a chat question: progress and label in bold, help, then how to answer. */
export function askField(field: FieldSpec, ctx: QuestionContext): PromptMessage {
  const { tr } = ctx;
  const title = `(${ctx.position}/${ctx.total}) *${fieldLabel(tr, field)}*`;
  const parts = [...(ctx.preface ?? []), title];
  if (field.help) parts.push(tr(field.help));
  parts.push(...hints(tr, field, ctx.canGoBack));
  return questionMessage(tr, field, parts.join('\n'));
}

function display(tr: Translator, field: FieldSpec, value: FieldValue | undefined): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (typeof value === 'boolean') return tr(value ? 'forms.choice.yes' : 'forms.choice.no');
  const titleOf = (id: string) => {
    const choice = field.choices?.find((c) => c.id === id);
    return choice ? choiceTitle(tr, choice) : id;
  };
  if (Array.isArray(value)) return value.map(titleOf).join(', ');
  const text = titleOf(String(value));
  return field.personal ? maskValue(field.id, text) : text;
}

/** The end-of-form summary with confirm / back / restart buttons; personal data is masked. */
export function summaryMessage(
  tr: Translator,
  spec: FormSpec,
  active: readonly FieldSpec[],
  values: ParsedValues,
  preface: readonly string[] = [],
): PromptMessage {
  const lines = active.map((field) => `• ${fieldLabel(tr, field)}: ${display(tr, field, values[field.id])}`);
  const text = [
    ...preface,
    tr('cards.prompt.summaryTitle', { form: tr(spec.title, spec.titleParams) }),
    ...lines,
    tr('cards.prompt.confirmQuestion'),
  ];
  return {
    text: text.join('\n'),
    style: 'buttons',
    choices: [
      { id: 'confirm', title: tr('cards.prompt.confirm') },
      { id: 'back', title: tr('cards.prompt.back') },
      { id: 'restart', title: tr('cards.prompt.restart') },
    ],
  };
}
