import { isFieldActive } from './conditions';
import type { FieldIssues, FieldValue, FormSpec, ParsedValues, RawFormValues } from './form-spec';
import { validateField } from './validate-field';
import type { ValidationContext, ValidationIssue } from '../validation';

export interface FormCheck {
  /** Typed values of the active fields that passed. */
  readonly values: ParsedValues;
  readonly errors: FieldIssues;
  readonly warnings: FieldIssues;
}

/**
 * Validates every active field of a form from raw strings. Inactive fields (their `when` is false) are
 * ignored, so a stale TCKN left in a card after switching to passport never reaches the case.
 */
export function checkForm(spec: FormSpec, raw: RawFormValues, context?: ValidationContext): FormCheck {
  const fullContext: ValidationContext = { ...spec.context?.(raw), ...context };
  const values: Record<string, FieldValue> = {};
  const errors: Record<string, readonly ValidationIssue[]> = {};
  const warnings: Record<string, readonly ValidationIssue[]> = {};
  for (const field of spec.fields) {
    if (!isFieldActive(field, raw)) continue;
    const outcome = validateField(field, raw[field.id] ?? '', fullContext);
    if (outcome.errors.length > 0) errors[field.id] = outcome.errors;
    if (outcome.warnings.length > 0) warnings[field.id] = outcome.warnings;
    if (outcome.value !== undefined) values[field.id] = outcome.value;
  }
  return { values, errors, warnings };
}

export function hasIssues(issues: FieldIssues): boolean {
  return Object.values(issues).some((list) => list.length > 0);
}
