import { invalid, valid, type ValidationResult } from '../validation';
import { asText, stripSeparators } from './text-utils';

export function normalizePassport(raw: string): string {
  return stripSeparators(raw).toUpperCase();
}

/** Passport number of a foreign signatory: 5–20 Latin letters or digits (formats differ by country). */
export function validatePassport(input: unknown): ValidationResult<string> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  const value = normalizePassport(text);
  if (!/^[A-Z0-9]+$/.test(value)) return invalid('validation.passport.charset');
  if (value.length < 5 || value.length > 20) {
    return invalid('validation.passport.length', { min: 5, max: 20, length: value.length });
  }
  return valid(value);
}
