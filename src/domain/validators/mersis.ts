import { invalid, valid, warning, type ValidationContext, type ValidationResult } from '../validation';
import { asText, stripSeparators } from './text-utils';
import { normalizeVkn } from './vkn';

export function normalizeMersis(raw: string): string {
  return stripSeparators(raw);
}

/**
 * MERSİS number: 16 digits. Digits 2–11 usually repeat the VKN, but that rule is not documented, so a
 * mismatch is only a warning (DOMAIN.md: uncertain facts never block).
 */
export function validateMersis(input: unknown, context?: ValidationContext): ValidationResult<string> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  const digits = normalizeMersis(text);
  if (!/^\d{16}$/.test(digits)) return invalid('validation.mersis.format', { length: digits.length });
  const vkn = context?.vkn === undefined ? undefined : normalizeVkn(context.vkn);
  // Only a 10-digit VKN is comparable; a sole proprietor's TCKN says nothing about the MERSİS layout.
  if (vkn !== undefined && /^\d{10}$/.test(vkn) && digits.slice(1, 11) !== vkn) {
    return valid(digits, [warning('validation.mersis.vknMismatch', { vkn })]);
  }
  return valid(digits);
}
