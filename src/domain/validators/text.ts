import { invalid, valid, type ValidationResult } from '../validation';
import { asText, collapseSpaces } from './text-utils';

export interface TextRule {
  readonly min: number;
  readonly max: number;
  /** Issue code used when the length is out of range (params: min, max, length). */
  readonly code: string;
}

/** Builds a validator for free text: whitespace collapsed, length checked in characters, not UTF-16 units. */
export function textValidator(rule: TextRule): (input: unknown) => ValidationResult<string> {
  return (input) => {
    const text = asText(input);
    if (text === undefined || text.trim() === '') return invalid('validation.required');
    const value = collapseSpaces(text);
    const length = Array.from(value).length;
    if (length < rule.min || length > rule.max) {
      return invalid(rule.code, { min: rule.min, max: rule.max, length });
    }
    return valid(value);
  };
}

export const validateTradeTitle = textValidator({ min: 2, max: 250, code: 'validation.tradeTitle.length' });
export const validateTaxOffice = textValidator({ min: 2, max: 100, code: 'validation.text.length' });
export const validateDistrict = textValidator({ min: 2, max: 100, code: 'validation.text.length' });
export const validateAddress = textValidator({ min: 5, max: 500, code: 'validation.address.length' });
export const validateBrandName = textValidator({ min: 1, max: 150, code: 'validation.text.length' });

/** Person's full name: at least two characters and one letter (digits-only answers are a mistake). */
export function validatePersonName(input: unknown): ValidationResult<string> {
  const result = textValidator({ min: 2, max: 150, code: 'validation.text.length' })(input);
  if (result.ok && !/\p{L}/u.test(result.value)) return invalid('validation.personName.invalid');
  return result;
}
