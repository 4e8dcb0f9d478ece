import type { FieldSpec, FormSpec, ParsedValues } from '../form-spec';
import { fieldValidators as v } from '../field-validators';
import { optionalString, requiredString } from './value-getters';

export interface SignatoryPatch {
  readonly signatoryIdType: 'tckn' | 'passport';
  readonly signatoryTckn?: string;
  readonly signatoryPassport?: string;
  readonly signatoryName: string;
  readonly signatoryEmail: string;
  readonly signatoryMobile: string;
}

const FIELDS: readonly FieldSpec[] = [
  {
    id: 'signatoryIdType',
    kind: 'choice',
    label: 'forms.field.signatoryIdType.label',
    choices: [
      { id: 'tckn', label: 'forms.choice.idType.tckn' },
      { id: 'passport', label: 'forms.choice.idType.passport' },
    ],
    choiceStyle: 'expanded',
    required: true,
    maxLength: 20,
  },
  {
    id: 'signatoryTckn',
    kind: 'text',
    label: 'forms.field.signatoryTckn.label',
    help: 'forms.field.signatoryTckn.help',
    required: true,
    when: { field: 'signatoryIdType', equals: 'tckn' },
    maxLength: 30,
    validate: v.tckn,
    personal: true,
  },
  {
    id: 'signatoryPassport',
    kind: 'text',
    label: 'forms.field.signatoryPassport.label',
    help: 'forms.field.signatoryPassport.help',
    required: true,
    when: { field: 'signatoryIdType', equals: 'passport' },
    maxLength: 40,
    validate: v.passport,
    personal: true,
  },
  {
    id: 'signatoryName',
    kind: 'text',
    label: 'forms.field.signatoryName.label',
    required: true,
    maxLength: 160,
    validate: v.personName,
    personal: true,
  },
  {
    id: 'signatoryEmail',
    kind: 'email',
    label: 'forms.field.signatoryEmail.label',
    help: 'forms.field.signatoryEmail.help',
    required: true,
    maxLength: 260,
    validate: v.email,
    personal: true,
  },
  {
    id: 'signatoryMobile',
    kind: 'phone',
    label: 'forms.field.signatoryMobile.label',
    help: 'forms.field.signatoryMobile.help',
    placeholder: 'forms.field.signatoryMobile.placeholder',
    required: true,
    maxLength: 40,
    validate: v.mobile,
    personal: true,
  },
];

function toPatch(values: ParsedValues): SignatoryPatch {
  const type = requiredString(values, 'signatoryIdType') === 'passport' ? 'passport' : 'tckn';
  const tckn = optionalString(values, 'signatoryTckn');
  const passport = optionalString(values, 'signatoryPassport');
  return {
    signatoryIdType: type,
    ...(type === 'tckn' && tckn ? { signatoryTckn: tckn } : {}),
    ...(type === 'passport' && passport ? { signatoryPassport: passport } : {}),
    signatoryName: requiredString(values, 'signatoryName'),
    signatoryEmail: requiredString(values, 'signatoryEmail'),
    signatoryMobile: requiredString(values, 'signatoryMobile'),
  };
}

/** The signatory: a Turkish citizen gives the TCKN, a foreign signatory the passport number. */
export function signatoryForm(): FormSpec<SignatoryPatch> {
  return {
    id: 'signatory',
    params: {},
    title: 'forms.signatory.title',
    intro: 'forms.signatory.intro',
    fields: FIELDS,
    toPatch,
  };
}
