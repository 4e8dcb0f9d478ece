import type { FormSpec } from '../form-spec';
import { fieldValidators as v } from '../field-validators';
import { requiredString } from './value-getters';

export interface ApplicationPatch {
  readonly applicationNo: string;
}

/** The pre-application number, to follow the status (step 2); never the İYSKod. */
export function applicationForm(): FormSpec<ApplicationPatch> {
  return {
    id: 'application',
    params: {},
    title: 'forms.application.title',
    intro: 'forms.application.intro',
    fields: [
      {
        id: 'applicationNo',
        kind: 'text',
        label: 'forms.field.applicationNo.label',
        help: 'forms.field.applicationNo.help',
        placeholder: 'forms.field.applicationNo.placeholder',
        required: true,
        maxLength: 40,
        validate: v.applicationNo,
      },
    ],
    toPatch: (values) => ({ applicationNo: requiredString(values, 'applicationNo') }),
  };
}
