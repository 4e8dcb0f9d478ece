import { maskValue } from './mask';

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/gu;
/** A Turkish IBAN, written in groups of four or run together. */
const TR_IBAN = /\bTR(\d{2})(?:[ ]?\d{4}){5}[ ]?(\d{2})\b/giu;
/** A Turkish number with its prefix (+90, 0090, 0) or a bare 10-digit one; the callback decides. */
const TR_PHONE =
  /(?<![\d+*])(?:(?:\+|00)90[\s-]?|0[\s-]?)?\(?[2-5]\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?![\d*])/gu;
/** Any other number written with a country code. */
const INTERNATIONAL_PHONE = /(?<![\d*])\+\d[\d\s()-]{6,16}\d(?![\d*])/gu;
/** An 11-digit identity number (T.C. Kimlik No never starts with 0). */
const TCKN = /(?<![\d*+])[1-9]\d{10}(?![\d*])/gu;

/**
 * Masks personal data inside free text (chat lines for transcripts, agent cards, handoff events): e-mail
 * addresses, Turkish IBANs, phone numbers and 11-digit identity numbers, with the same masks as the case
 * fields. Company data stays readable, since agents need it: a VKN (10 digits run together, not starting
 * with 5) and a MERSİS number (16 digits) are left alone.
 */
export function maskText(text: string): string {
  return text
    .replace(EMAIL, (m) => maskValue('signatoryEmail', m))
    .replace(TR_IBAN, (_m, check: string, tail: string) => `TR${check} **** **** **** **** **** ${tail}`)
    .replace(TR_PHONE, maskTurkishPhone)
    .replace(INTERNATIONAL_PHONE, (m) => maskValue('signatoryMobile', `+${m.replace(/\D/g, '')}`))
    .replace(TCKN, (m) => maskValue('signatoryTckn', m));
}

function maskTurkishPhone(match: string): string {
  const digits = match.replace(/\D/g, '');
  const national = digits.slice(-10);
  const prefixed = digits.length > 10;
  // Ten digits run together without a prefix are a VKN unless they start like a mobile number.
  if (!prefixed && /^\d{10}$/.test(match) && !national.startsWith('5')) return match;
  return maskValue('signatoryMobile', `+90${national}`);
}
