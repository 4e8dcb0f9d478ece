import { invalid, valid, type ValidationResult } from '../validation';
import { asText, stripSeparators } from './text-utils';
import { isValidTckn } from './tckn';

export type TaxNumberKind = 'vkn' | 'tckn';

export interface TaxNumber {
  readonly number: string;
  /** `tckn` when a sole proprietor gave the owner's 11-digit T.C. Kimlik No as the tax number. */
  readonly kind: TaxNumberKind;
}

export function normalizeVkn(raw: string): string {
  return stripSeparators(raw);
}

/** True when 10 digits pass the Vergi Kimlik No checksum (rule in DOMAIN.md). */
export function isValidVkn(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    const t = (Number(digits[i]) + 9 - i) % 10;
    if (t === 0) continue;
    const v = (t * 2 ** (9 - i)) % 9;
    sum += v === 0 ? 9 : v;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[9]);
}

/** Tax number: a 10-digit VKN, or an 11-digit TCKN for a sole proprietor (şahıs şirketi). */
export function validateVkn(input: unknown): ValidationResult<TaxNumber> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  const digits = normalizeVkn(text);
  if (/^\d{10}$/.test(digits)) {
    return isValidVkn(digits) ? valid({ number: digits, kind: 'vkn' }) : invalid('validation.vkn.checksum');
  }
  if (/^\d{11}$/.test(digits)) {
    return isValidTckn(digits)
      ? valid({ number: digits, kind: 'tckn' })
      : invalid('validation.vkn.tcknChecksum');
  }
  return invalid('validation.vkn.format');
}
