import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import { invalid, valid, type ValidationResult } from '../validation';
import { asText, collapseSpaces } from './text-utils';

/** Contact numbers İYS accepts on its forms: landlines, 0850/0 (VoIP), 444 lines as well as mobiles. */
const CONTACT_TYPES = new Set(['FIXED_LINE', 'MOBILE', 'FIXED_LINE_OR_MOBILE', 'VOIP', 'UAN', 'TOLL_FREE']);

function parseTurkish(text: string): PhoneNumber | undefined {
  // "0090…" is the international dialling prefix typed from Türkiye; make it "+90…" so it is not read as a
  // national number. Parsing with TR as default region covers "0532…", "532…" and "90 532…".
  const prepared = collapseSpaces(text).replace(/^00\s*/, '+');
  return parsePhoneNumberFromString(prepared, 'TR');
}

/**
 * E.164 form when the text is a possible Turkish number, otherwise the input trimmed with separators
 * collapsed. Idempotent: an E.164 string normalises to itself.
 */
export function normalizePhone(raw: string): string {
  const parsed = parseTurkish(raw);
  if (parsed?.country === 'TR' && parsed.isPossible()) return parsed.number;
  return collapseSpaces(raw);
}

function parseOrError(input: unknown): PhoneNumber | ValidationResult<string> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  if (/[^\d\s+()\-./]/.test(text)) return invalid('validation.phone.charset');
  const parsed = parseTurkish(text);
  if (!parsed) return invalid('validation.phone.invalid');
  if (parsed.countryCallingCode !== '90') return invalid('validation.phone.notTurkish');
  if (!parsed.isValid()) return invalid('validation.phone.invalid');
  return parsed;
}

/** Turkish GSM number (the signatory's mobile, SMS verification) → E.164 "+905XXXXXXXXX". */
export function validateMobile(input: unknown): ValidationResult<string> {
  const parsed = parseOrError(input);
  if (!('number' in parsed)) return parsed;
  if (parsed.getType() !== 'MOBILE' || !/^\+905\d{9}$/.test(parsed.number)) {
    return invalid('validation.mobile.notMobile');
  }
  return valid(parsed.number);
}

/** Company contact number: a Turkish landline or mobile → E.164. */
export function validateContactPhone(input: unknown): ValidationResult<string> {
  const parsed = parseOrError(input);
  if (!('number' in parsed)) return parsed;
  const type = parsed.getType();
  if (type !== undefined && !CONTACT_TYPES.has(type)) return invalid('validation.phone.invalid');
  return valid(parsed.number);
}
