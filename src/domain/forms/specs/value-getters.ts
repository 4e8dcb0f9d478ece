import type { ParsedValues } from '../form-spec';

/**
 * Typed reads for `toPatch`. Required fields are present after validation, so a missing one is a spec bug:
 * it throws, and `parseFormSubmit` turns that into a refusal instead of a half-filled patch.
 */
export function requiredString(values: ParsedValues, id: string): string {
  const value = values[id];
  if (typeof value !== 'string') throw new Error(`form value ${id} missing`);
  return value;
}

export function optionalString(values: ParsedValues, id: string): string | undefined {
  const value = values[id];
  return typeof value === 'string' ? value : undefined;
}

export function requiredNumber(values: ParsedValues, id: string): number {
  const value = values[id];
  if (typeof value !== 'number') throw new Error(`form value ${id} missing`);
  return value;
}

export function optionalNumber(values: ParsedValues, id: string): number | undefined {
  const value = values[id];
  return typeof value === 'number' ? value : undefined;
}

export function booleanValue(values: ParsedValues, id: string): boolean {
  return values[id] === true;
}

export function listValue(values: ParsedValues, id: string): string[] {
  const value = values[id];
  return Array.isArray(value) ? [...(value as readonly string[])] : [];
}
