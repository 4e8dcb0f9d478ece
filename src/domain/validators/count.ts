import { invalid, valid, type ValidationResult } from '../validation';
import { asText } from './text-utils';

/**
 * Reads a whole number the way Turkish and English users type it. Counts are never fractional, so a ".", ","
 * or space followed by groups of exactly three digits is a thousands separator ("1.500", "1,500" and "1 500"
 * are all 1500); one or two zeros after a different mark are a zero fraction from a spreadsheet ("1.500,00",
 * "1500.0"). Anything else ("1,5", "1.50", "1000.000") is ambiguous and refused rather than guessed.
 */
export function parseCount(raw: string): number | undefined {
  const text = raw.trim().replace(/\u00a0/gu, ' ');
  const match = /^(\d{1,3}(?:([.,\s])\d{3})+|\d+)(?:([.,])0{1,2})?$/u.exec(text);
  if (!match) return undefined;
  const [, integer = '', group, decimal] = match;
  // "1.500.00": the same mark cannot both group thousands and start the fraction.
  if (decimal !== undefined && decimal === group) return undefined;
  // "1.500,000": mixed grouping marks are a typo, not a number.
  if (new Set(integer.replace(/\d/gu, '')).size > 1) return undefined;
  const value = Number(integer.replace(/[.,\s]/gu, ''));
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Canonical digits when the text reads as a count, otherwise the trimmed text. Idempotent. */
export function normalizeCount(raw: string): string {
  const value = parseCount(raw);
  return value === undefined ? raw.trim() : String(value);
}

/** Non-negative whole number (statistics, approved address counts). */
export function validateCount(input: unknown): ValidationResult<number> {
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input)) return invalid('validation.count.notInteger');
    return input < 0 ? invalid('validation.count.negative') : valid(input);
  }
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  if (/^\s*-/.test(text)) return invalid('validation.count.negative');
  const value = parseCount(text);
  return value === undefined ? invalid('validation.count.notInteger') : valid(value);
}
