import { booleanInput, multilineLength, oneOfChoices, textLength } from './basic-validators';
import type { FieldSpec, FieldValue } from './form-spec';
import { splitItems } from './format-value';
import type { ValidationContext, ValidationIssue, Validator } from '../validation';

export interface FieldOutcome {
  /** Undefined when the field is empty (and optional) or invalid. */
  readonly value?: FieldValue;
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
}

const DEFAULT_MAX_ITEMS = 20;

function defaultValidator(field: FieldSpec): Validator<FieldValue> {
  if (field.kind === 'toggle' || field.kind === 'yesNo') return booleanInput;
  if (field.choices) return oneOfChoices(field.choices);
  if (field.kind === 'multiline') return multilineLength(1, field.maxLength);
  return textLength(1, field.maxLength);
}

function itemValidator(field: FieldSpec): Validator<FieldValue> {
  if (field.kind === 'multiChoice' && field.choices) return oneOfChoices(field.choices);
  return field.validate ?? defaultValidator(field);
}

/** Checks each item and tags its issues with the item, so "“ABC”: too short" can be shown. */
function validateItems(field: FieldSpec, raw: string, context?: ValidationContext): FieldOutcome {
  const items = splitItems(raw);
  const maxItems = field.maxItems ?? DEFAULT_MAX_ITEMS;
  if (items.length > maxItems)
    return { errors: [issue('forms.issue.tooManyItems', { max: maxItems })], warnings: [] };
  const validate = itemValidator(field);
  const values: string[] = [];
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  for (const item of items) {
    const result = validate(item, context);
    const tag = (i: ValidationIssue): ValidationIssue => ({ ...i, params: { ...i.params, item } });
    warnings.push(...result.warnings.map(tag));
    if (result.ok) values.push(String(result.value));
    else errors.push(...result.errors.map(tag));
  }
  return errors.length > 0 ? { errors, warnings } : { value: [...new Set(values)], errors, warnings };
}

function issue(code: string, params?: Readonly<Record<string, string | number>>): ValidationIssue {
  return { code, severity: 'error', ...(params ? { params } : {}) };
}

function emptyOutcome(field: FieldSpec): FieldOutcome {
  if (field.kind === 'toggle') {
    return field.required
      ? { errors: [issue('forms.issue.mustBeTicked')], warnings: [] }
      : { value: false, errors: [], warnings: [] };
  }
  return field.required
    ? { errors: [issue('forms.issue.required')], warnings: [] }
    : { errors: [], warnings: [] };
}

/** Validates one raw input string for one field; never throws on odd input. */
export function validateField(field: FieldSpec, raw: string, context?: ValidationContext): FieldOutcome {
  if (raw.length > field.maxLength)
    return { errors: [issue('forms.issue.tooLong', { max: field.maxLength })], warnings: [] };
  const trimmed = raw.trim();
  if (trimmed.length === 0) return emptyOutcome(field);
  if (field.multiple || field.kind === 'multiChoice') {
    const outcome = validateItems(field, trimmed, context);
    const empty = Array.isArray(outcome.value) && outcome.value.length === 0;
    return empty ? emptyOutcome(field) : outcome;
  }
  const result = (field.validate ?? defaultValidator(field))(trimmed, context);
  if (!result.ok) return { errors: result.errors, warnings: result.warnings };
  if (field.kind === 'toggle' && field.required && result.value !== true) {
    return { errors: [issue('forms.issue.mustBeTicked')], warnings: result.warnings };
  }
  return { value: result.value, errors: [], warnings: result.warnings };
}
