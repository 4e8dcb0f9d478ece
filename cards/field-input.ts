import type { Translator } from '../src/i18n';
import type { ChoiceSpec, FieldSpec, FieldValue } from '../src/domain/forms';
import { formatFieldValue } from '../src/domain/forms';
import type { CardElement } from './card-json';

const TEXT_STYLES: Partial<Record<FieldSpec['kind'], string>> = { email: 'Email', phone: 'Tel', url: 'Url' };

export function fieldLabel(tr: Translator, field: FieldSpec): string {
  return tr(field.label, field.labelParams);
}

export function choiceTitle(tr: Translator, choice: ChoiceSpec): string {
  return 'text' in choice ? choice.text : tr(choice.label, choice.labelParams);
}

/** Client-side checks only where the card can know them; the server always validates again. */
function common(tr: Translator, field: FieldSpec, conditional: boolean) {
  const label = fieldLabel(tr, field);
  // A conditional field cannot be required on the card: the card does not know the other answer yet.
  const isRequired = field.required && !conditional;
  const needsMessage = isRequired || field.cardRegex !== undefined;
  return {
    id: field.id,
    label,
    ...(isRequired ? { isRequired: true } : {}),
    ...(needsMessage ? { errorMessage: tr('cards.form.invalidInput', { label }) } : {}),
  };
}

function textInput(tr: Translator, field: FieldSpec, raw: string, conditional: boolean): CardElement {
  const style = TEXT_STYLES[field.kind];
  return {
    type: 'Input.Text',
    ...common(tr, field, conditional),
    ...(field.placeholder ? { placeholder: tr(field.placeholder) } : {}),
    ...(field.kind === 'multiline' || field.multiple ? { isMultiline: true } : {}),
    ...(style && !field.multiple ? { style } : {}),
    maxLength: field.maxLength,
    ...(field.cardRegex ? { regex: field.cardRegex } : {}),
    ...(raw ? { value: raw } : {}),
  };
}

function numberInput(tr: Translator, field: FieldSpec, raw: string, conditional: boolean): CardElement {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  // Input.Number cannot show "1.500"; a value it cannot hold is offered as text so nothing typed is lost.
  if (raw.trim() !== '' && !Number.isSafeInteger(value)) return textInput(tr, field, raw, conditional);
  return {
    type: 'Input.Number',
    ...common(tr, field, conditional),
    min: 0,
    ...(field.placeholder ? { placeholder: tr(field.placeholder) } : {}),
    ...(Number.isSafeInteger(value) ? { value } : {}),
  };
}

function choiceInput(tr: Translator, field: FieldSpec, raw: string, conditional: boolean): CardElement {
  const multi = field.kind === 'multiChoice';
  const style = field.choiceStyle ?? (multi || (field.choices?.length ?? 0) <= 4 ? 'expanded' : 'compact');
  const known = new Set((field.choices ?? []).map((c) => c.id));
  const selected = multi ? raw.split(',').map((id) => id.trim()) : [raw.trim()];
  const value = selected.filter((id) => known.has(id)).join(',');
  return {
    type: 'Input.ChoiceSet',
    ...common(tr, field, conditional),
    style,
    ...(multi ? { isMultiSelect: true } : {}),
    ...(style !== 'expanded' ? { placeholder: tr(field.placeholder ?? 'cards.form.choose') } : {}),
    choices: (field.choices ?? []).map((choice) => ({ title: choiceTitle(tr, choice), value: choice.id })),
    ...(value ? { value } : {}),
  };
}

function toggleInput(tr: Translator, field: FieldSpec, raw: string): CardElement {
  // A required toggle is a declaration: the card asks for a label, the box itself carries the text.
  const required = field.required
    ? { label: tr('cards.form.declaration'), isRequired: true, errorMessage: tr('forms.issue.mustBeTicked') }
    : {};
  return {
    type: 'Input.Toggle',
    id: field.id,
    title: fieldLabel(tr, field),
    ...required,
    valueOn: 'true',
    valueOff: 'false',
    value: raw === 'true' ? 'true' : 'false',
    wrap: true,
  };
}

/** The Adaptive Card input for one field, prefilled with its current value. */
export function fieldInput(tr: Translator, field: FieldSpec, value: FieldValue | undefined): CardElement {
  const raw = formatFieldValue(value);
  const conditional = field.when !== undefined;
  switch (field.kind) {
    case 'toggle':
      return toggleInput(tr, field, raw);
    case 'number':
      return numberInput(tr, field, raw, conditional);
    case 'choice':
    case 'multiChoice':
    case 'yesNo':
      return choiceInput(tr, field, raw, conditional);
    default:
      return field.choices
        ? choiceInput(tr, field, raw, conditional)
        : textInput(tr, field, raw, conditional);
  }
}
