import type { Brand } from '../../case';
import type { FieldSpec, FormParams, FormSpec, ParsedValues } from '../form-spec';
import { fieldValidators as v } from '../field-validators';
import { listValue, optionalNumber, requiredString } from './value-getters';

/** One brand per form; `mergeFormPatch` puts it into the case's brand list (replacing `params.brand`). */
export interface BrandPatch {
  readonly brands: Brand[];
}

function countField(id: string, label: FieldSpec['label']): FieldSpec {
  return { id, kind: 'number', label, required: false, maxLength: 30, validate: v.count };
}

const FIELDS: readonly FieldSpec[] = [
  {
    id: 'name',
    kind: 'text',
    label: 'forms.field.name.label',
    required: true,
    maxLength: 160,
    validate: v.brandName,
  },
  {
    id: 'smsSenders',
    kind: 'text',
    label: 'forms.field.smsSenders.label',
    help: 'forms.field.smsSenders.help',
    placeholder: 'forms.field.smsSenders.placeholder',
    required: false,
    multiple: true,
    maxItems: 30,
    maxLength: 600,
    validate: v.smsSender,
  },
  {
    id: 'callNumbers',
    kind: 'phone',
    label: 'forms.field.callNumbers.label',
    placeholder: 'forms.field.callNumbers.placeholder',
    required: false,
    multiple: true,
    maxItems: 30,
    maxLength: 900,
    validate: v.contactPhone,
  },
  {
    id: 'emailSenders',
    kind: 'email',
    label: 'forms.field.emailSenders.label',
    placeholder: 'forms.field.emailSenders.placeholder',
    required: false,
    multiple: true,
    maxItems: 30,
    maxLength: 2000,
    validate: v.email,
  },
  countField('reachBySms', 'forms.field.reachBySms.label'),
  countField('reachByCall', 'forms.field.reachByCall.label'),
  countField('reachByEmail', 'forms.field.reachByEmail.label'),
];

function toPatch(values: ParsedValues): BrandPatch {
  const reach = (id: string): Partial<Record<string, number>> => {
    const n = optionalNumber(values, id);
    return n === undefined ? {} : { [id]: n };
  };
  const brand: Brand = {
    name: requiredString(values, 'name'),
    smsSenders: listValue(values, 'smsSenders'),
    callNumbers: listValue(values, 'callNumbers'),
    emailSenders: listValue(values, 'emailSenders'),
    ...reach('reachBySms'),
    ...reach('reachByCall'),
    ...reach('reachByEmail'),
  };
  return { brands: [brand] };
}

/** A brand's İYS form. `params.brand` names the brand being edited (absent for a new one). */
export function brandForm(params: FormParams = {}): FormSpec<BrandPatch> {
  return {
    id: 'brand',
    params: params.brand === undefined ? {} : { brand: params.brand },
    title: 'forms.brand.title',
    intro: 'forms.brand.intro',
    fields: FIELDS,
    toPatch,
  };
}
