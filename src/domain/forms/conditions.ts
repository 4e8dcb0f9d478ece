import type { Condition, FieldSpec, FormValues } from './form-spec';
import { formatFieldValue } from './format-value';

function holds(condition: Condition, values: FormValues): boolean {
  const raw = formatFieldValue(values[condition.field]).trim();
  if ('equals' in condition) return raw === condition.equals;
  if ('oneOf' in condition) return condition.oneOf.includes(raw);
  return raw.length > 0;
}

/** A field without `when` is always active; otherwise only while its condition holds. */
export function isFieldActive(field: FieldSpec, values: FormValues): boolean {
  return field.when ? holds(field.when, values) : true;
}
