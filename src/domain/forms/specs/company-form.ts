import type { FieldSpec, FormSpec, ParsedValues, RawFormValues } from '../form-spec';
import { fieldValidators as v } from '../field-validators';
import type { ValidationContext } from '../../validation';
import { PROVINCES } from '../../provinces';
import { booleanValue, optionalString, requiredString } from './value-getters';
import { YES_NO_CHOICES } from './yes-no';

export interface CompanyPatch {
  readonly hasMersis: boolean;
  /** Only when `hasMersis`; otherwise absent (the case should drop an older one). */
  readonly mersisNo?: string;
  readonly tradeTitle: string;
  readonly vkn: string;
  readonly taxOffice: string;
  readonly website: string;
  readonly phone: string;
  readonly city: string;
  readonly district: string;
  readonly address: string;
}

const PROVINCE_CHOICES = PROVINCES.map((p) => ({ id: p.name, text: p.name }));

const FIELDS: readonly FieldSpec[] = [
  {
    id: 'hasMersis',
    kind: 'yesNo',
    label: 'forms.field.hasMersis.label',
    help: 'forms.field.hasMersis.help',
    choices: YES_NO_CHOICES,
    choiceStyle: 'expanded',
    required: true,
    maxLength: 10,
  },
  {
    id: 'mersisNo',
    kind: 'text',
    label: 'forms.field.mersisNo.label',
    help: 'forms.field.mersisNo.help',
    placeholder: 'forms.field.mersisNo.placeholder',
    required: true,
    when: { field: 'hasMersis', equals: 'true' },
    maxLength: 40,
    validate: v.mersisNo,
  },
  {
    id: 'tradeTitle',
    kind: 'text',
    label: 'forms.field.tradeTitle.label',
    placeholder: 'forms.field.tradeTitle.placeholder',
    required: true,
    maxLength: 300,
    validate: v.tradeTitle,
  },
  {
    id: 'vkn',
    kind: 'text',
    label: 'forms.field.vkn.label',
    help: 'forms.field.vkn.help',
    required: true,
    maxLength: 30,
    validate: v.vkn,
  },
  {
    id: 'taxOffice',
    kind: 'text',
    label: 'forms.field.taxOffice.label',
    placeholder: 'forms.field.taxOffice.placeholder',
    required: true,
    maxLength: 120,
    validate: v.taxOffice,
  },
  {
    id: 'website',
    kind: 'url',
    label: 'forms.field.website.label',
    placeholder: 'forms.field.website.placeholder',
    required: true,
    maxLength: 300,
    validate: v.website,
  },
  {
    id: 'phone',
    kind: 'phone',
    label: 'forms.field.phone.label',
    placeholder: 'forms.field.phone.placeholder',
    required: true,
    maxLength: 40,
    validate: v.contactPhone,
  },
  {
    id: 'city',
    kind: 'choice',
    label: 'forms.field.city.label',
    placeholder: 'forms.field.city.placeholder',
    choices: PROVINCE_CHOICES,
    choiceStyle: 'filtered',
    required: true,
    maxLength: 60,
    validate: v.city,
  },
  {
    id: 'district',
    kind: 'text',
    label: 'forms.field.district.label',
    placeholder: 'forms.field.district.placeholder',
    required: true,
    maxLength: 120,
    validate: v.district,
  },
  {
    id: 'address',
    kind: 'multiline',
    label: 'forms.field.address.label',
    placeholder: 'forms.field.address.placeholder',
    required: true,
    maxLength: 600,
    validate: v.address,
  },
];

function toPatch(values: ParsedValues): CompanyPatch {
  const hasMersis = booleanValue(values, 'hasMersis');
  const mersisNo = optionalString(values, 'mersisNo');
  return {
    hasMersis,
    ...(hasMersis && mersisNo ? { mersisNo } : {}),
    tradeTitle: requiredString(values, 'tradeTitle'),
    vkn: requiredString(values, 'vkn'),
    taxOffice: requiredString(values, 'taxOffice'),
    website: requiredString(values, 'website'),
    phone: requiredString(values, 'phone'),
    city: requiredString(values, 'city'),
    district: requiredString(values, 'district'),
    address: requiredString(values, 'address'),
  };
}

/** The MERSİS/VKN comparison only makes sense against a VKN that is itself valid. */
function context(raw: RawFormValues): ValidationContext {
  const vkn = v.vkn(raw.vkn ?? '');
  return vkn.ok ? { vkn: String(vkn.value) } : {};
}

/** Company details for the pre-application; the MERSİS answer decides the documents and the MERSİS field. */
export function companyForm(): FormSpec<CompanyPatch> {
  return {
    id: 'company',
    params: {},
    title: 'forms.company.title',
    intro: 'forms.company.intro',
    context,
    fields: FIELDS,
    toPatch,
  };
}
