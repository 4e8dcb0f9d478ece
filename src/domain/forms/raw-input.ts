import { z } from 'zod/v4';
import type { FieldIssues, FormSpec, RawFormValues } from './form-spec';
import type { ValidationIssue } from '../validation';

/** Anything larger is refused outright; field caps are smaller still. */
export const MAX_RAW_INPUT = 4000;

/**
 * What a card input may carry: Teams and Web Chat send strings, some clients send booleans for toggles or
 * numbers for Input.Number. Everything becomes a string so cards and chat answers share one parser.
 */
const inputValueSchema = z.union([
  z.string().max(MAX_RAW_INPUT),
  z.boolean().transform((v) => (v ? 'true' : 'false')),
  z
    .number()
    .refine((n) => Number.isFinite(n))
    .transform((n) => String(n)),
]);

function refusal(value: unknown, max: number): ValidationIssue {
  return typeof value === 'string'
    ? { code: 'forms.issue.tooLong', severity: 'error', params: { max } }
    : { code: 'forms.issue.wrongType', severity: 'error' };
}

export interface RawInputResult {
  readonly raw: RawFormValues;
  /** Inputs refused before validation (wrong type, far too long), by field id. */
  readonly rejected: FieldIssues;
}

/** Picks the form's own inputs out of a submit object; unknown keys are ignored. */
export function readRawInputs(spec: FormSpec, data: Readonly<Record<string, unknown>>): RawInputResult {
  const raw: Record<string, string> = {};
  const rejected: Record<string, readonly ValidationIssue[]> = {};
  for (const field of spec.fields) {
    if (!Object.prototype.hasOwnProperty.call(data, field.id)) continue;
    const value: unknown = data[field.id];
    if (value === null || value === undefined) continue;
    const parsed = inputValueSchema.safeParse(value);
    if (parsed.success) raw[field.id] = parsed.data;
    else rejected[field.id] = [refusal(value, field.maxLength)];
  }
  return { raw, rejected };
}
