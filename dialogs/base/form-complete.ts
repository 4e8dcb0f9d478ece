import type { CaseData } from '../../src/domain/case';
import {
  getFormSpec,
  isFieldActive,
  valuesFromCase,
  type FormId,
  type FormParams,
} from '../../src/domain/forms';

/**
 * True when the case already holds every required, active field of a form, so a resumed conversation
 * does not ask it again (the customer can still change it through "geri" or an agent).
 */
export function formComplete(formId: FormId, data: Partial<CaseData>, params?: FormParams): boolean {
  const spec = getFormSpec(formId, params);
  const values = valuesFromCase(spec, data);
  return spec.fields.every((field) => {
    if (!field.required || !isFieldActive(field, values)) return true;
    const value = values[field.id];
    if (field.kind === 'toggle') return value === true;
    return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
  });
}
