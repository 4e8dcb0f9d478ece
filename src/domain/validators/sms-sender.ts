import { invalid, valid, type ValidationResult } from '../validation';
import { asText, collapseSpaces } from './text-utils';

/** Turkish letters a GSM sender name (başlık) cannot carry, with the Latin letter to use instead. */
const TURKISH_LETTERS: Readonly<Record<string, string>> = {
  ç: 'c',
  Ç: 'C',
  ğ: 'g',
  Ğ: 'G',
  ı: 'i',
  İ: 'I',
  ö: 'o',
  Ö: 'O',
  ş: 's',
  Ş: 'S',
  ü: 'u',
  Ü: 'U',
};

/**
 * Conservative charset: operators differ on punctuation, so only the marks every Turkish operator is known to
 * accept in an alphanumeric sender are allowed.
 */
const ALLOWED = /^[A-Za-z0-9 .\-_&']+$/;
export const SMS_SENDER_MIN = 3;
export const SMS_SENDER_MAX = 11;

export function normalizeSmsSender(raw: string): string {
  return collapseSpaces(raw);
}

/** SMS sender name (başlık): 3–11 characters, Latin letters, digits, space and . - _ & ' only. */
export function validateSmsSender(input: unknown): ValidationResult<string> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  const value = normalizeSmsSender(text);
  const turkish = [...new Set(Array.from(value).filter((ch) => ch in TURKISH_LETTERS))];
  if (turkish.length > 0) {
    return invalid('validation.smsSender.turkishLetter', {
      letters: turkish.join(', '),
      replacements: turkish.map((ch) => `${ch} → ${TURKISH_LETTERS[ch] ?? ch}`).join(', '),
      suggestion: Array.from(value, (ch) => TURKISH_LETTERS[ch] ?? ch).join(''),
    });
  }
  const bad = Array.from(value).find((ch) => !ALLOWED.test(ch));
  if (bad !== undefined) return invalid('validation.smsSender.charset', { char: bad });
  const length = Array.from(value).length;
  if (length < SMS_SENDER_MIN || length > SMS_SENDER_MAX) {
    return invalid('validation.smsSender.length', { min: SMS_SENDER_MIN, max: SMS_SENDER_MAX, length });
  }
  return valid(value);
}
