import type { FieldValue } from './form-spec';

/**
 * Turns a typed value back into the string a card input or a chat answer would carry, so prefilled values
 * and submitted values go through the same parsing.
 */
export function formatFieldValue(value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return value.join(', ');
}

/** Splits a multi-value input: commas, semicolons and line breaks separate items; duplicates are dropped. */
export function splitItems(raw: string): string[] {
  const items = raw
    .split(/[,;\n\r]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return [...new Set(items)];
}

/** Multi-select ChoiceSets submit comma-joined ids. */
export function splitChoiceIds(raw: string): string[] {
  return splitItems(raw);
}
