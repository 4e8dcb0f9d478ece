import { invalid, valid, type ValidationResult } from '../validation';
import { asText, stripSeparators } from './text-utils';

export function normalizeTckn(raw: string): string {
  return stripSeparators(raw);
}

/** True when 11 digits pass the T.C. Kimlik No checksum (rule in DOMAIN.md). */
export function isValidTckn(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const d = Array.from(digits, Number);
  const at = (i: number): number => d[i] ?? 0;
  const odd = at(0) + at(2) + at(4) + at(6) + at(8);
  const even = at(1) + at(3) + at(5) + at(7);
  // JS `%` keeps the sign, so a negative difference is brought back into 0..9.
  const tenth = (((7 * odd - even) % 10) + 10) % 10;
  const eleventh = d.slice(0, 10).reduce((sum, digit) => sum + digit, 0) % 10;
  return at(9) === tenth && at(10) === eleventh;
}

/** Turkish national identity number (T.C. Kimlik No). */
export function validateTckn(input: unknown): ValidationResult<string> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  const digits = normalizeTckn(text);
  if (!/^\d{11}$/.test(digits)) return invalid('validation.tckn.format');
  if (digits.startsWith('0')) return invalid('validation.tckn.leadingZero');
  if (!isValidTckn(digits)) return invalid('validation.tckn.checksum');
  return valid(digits);
}
