import type { ChoiceSpec } from './form-spec';
import { invalid, valid, type ValidationResult, type Validator } from '../validation';

/**
 * Form-level checks every kind needs (length, list membership, yes/no). Domain rules (TCKN, VKN, phone, …)
 * live in `src/domain/validators`; these only cover what a generic input can get wrong.
 */
export function textLength(min: number, max: number): Validator<string> {
  return (input) => {
    if (typeof input !== 'string') return invalid('forms.issue.wrongType');
    const text = input.trim().replace(/\s+/g, ' ');
    if (text.length < min) return invalid('forms.issue.tooShort', { min });
    if (text.length > max) return invalid('forms.issue.tooLong', { max });
    return valid(text);
  };
}

/** Multi-line text keeps its line breaks but loses trailing spaces. */
export function multilineLength(min: number, max: number): Validator<string> {
  return (input) => {
    if (typeof input !== 'string') return invalid('forms.issue.wrongType');
    const text = input
      .split(/\r?\n/)
      .map((line) => line.trim())
      .join('\n')
      .trim();
    if (text.length < min) return invalid('forms.issue.tooShort', { min });
    if (text.length > max) return invalid('forms.issue.tooLong', { max });
    return valid(text);
  };
}

export function oneOfChoices(choices: readonly ChoiceSpec[]): Validator<string> {
  return (input): ValidationResult<string> => {
    if (typeof input !== 'string') return invalid('forms.issue.wrongType');
    const id = input.trim();
    return choices.some((choice) => choice.id === id) ? valid(id) : invalid('forms.issue.notInList');
  };
}

/** Toggles submit "true"/"false"; yes/no choice sets use the same ids. */
export const booleanInput: Validator<boolean> = (input) => {
  if (typeof input === 'boolean') return valid(input);
  if (input === 'true') return valid(true);
  if (input === 'false') return valid(false);
  return invalid('forms.issue.wrongType');
};
