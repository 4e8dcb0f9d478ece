import { invalid, valid, warning, type ValidationIssue, type ValidationResult } from '../validation';
import { asText, stripSeparators } from './text-utils';

export function normalizeCode(raw: string): string {
  return stripSeparators(raw);
}

/**
 * İYSKod and BrandKod are integers of undocumented length; 1–10 digits are accepted and anything outside the
 * 5–8 digits seen so far is flagged for a second look.
 */
function validateNumericCode(input: unknown, prefix: 'iysCode' | 'brandCode'): ValidationResult<string> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  const value = normalizeCode(text);
  if (!/^\d{1,10}$/.test(value)) return invalid(`validation.${prefix}.format`);
  const warnings: ValidationIssue[] = [];
  if (value.length < 5 || value.length > 8) {
    warnings.push(warning(`validation.${prefix}.unusualLength`, { length: value.length }));
  }
  return valid(value, warnings);
}

export function validateIysCode(input: unknown): ValidationResult<string> {
  return validateNumericCode(input, 'iysCode');
}

export function validateBrandCode(input: unknown): ValidationResult<string> {
  return validateNumericCode(input, 'brandCode');
}

export function normalizeApplicationNo(raw: string): string {
  return stripSeparators(raw).toUpperCase();
}

/**
 * Pre-application number (e.g. MX3ZB5JA): 6–12 letters or digits. Customers often confuse it with the
 * İYSKod, so a reminder that it is not the İYSKod always travels with it.
 */
export function validateApplicationNo(input: unknown): ValidationResult<string> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  const value = normalizeApplicationNo(text);
  const notIysCode = warning('validation.applicationNo.notIysCode');
  if (!/^[A-Z0-9]{6,12}$/.test(value))
    return invalid('validation.applicationNo.format', undefined, [notIysCode]);
  return valid(value, [notIysCode]);
}
