import type { FieldSpec, FormSpec, ParsedValues } from '../form-spec';
import { fieldValidators as v } from '../field-validators';
import { optionalString, requiredNumber, requiredString } from './value-getters';

/** `addressCount` follows from the counts (applyPatch derives it); the tier comes from the configured catalog. */
export interface PackagePatch {
  readonly approvedPhones: number;
  readonly approvedEmails: number;
  readonly paymentMethod: 'card' | 'bank_transfer';
  readonly orderCode?: string;
}

const FIELDS: readonly FieldSpec[] = [
  {
    id: 'approvedPhones',
    kind: 'number',
    label: 'forms.field.approvedPhones.label',
    required: true,
    maxLength: 30,
    validate: v.count,
  },
  {
    id: 'approvedEmails',
    kind: 'number',
    label: 'forms.field.approvedEmails.label',
    help: 'forms.field.approvedEmails.help',
    required: true,
    maxLength: 30,
    validate: v.count,
  },
  {
    id: 'paymentMethod',
    kind: 'choice',
    label: 'forms.field.paymentMethod.label',
    choices: [
      { id: 'card', label: 'forms.choice.payment.card' },
      { id: 'bank_transfer', label: 'forms.choice.payment.bank_transfer' },
    ],
    choiceStyle: 'expanded',
    required: true,
    maxLength: 20,
  },
  {
    id: 'orderCode',
    kind: 'text',
    label: 'forms.field.orderCode.label',
    help: 'forms.field.orderCode.help',
    required: false,
    when: { field: 'paymentMethod', equals: 'bank_transfer' },
    maxLength: 60,
  },
];

function toPatch(values: ParsedValues): PackagePatch {
  const paymentMethod = requiredString(values, 'paymentMethod') === 'card' ? 'card' : 'bank_transfer';
  const orderCode = optionalString(values, 'orderCode');
  return {
    approvedPhones: requiredNumber(values, 'approvedPhones'),
    approvedEmails: requiredNumber(values, 'approvedEmails'),
    paymentMethod,
    ...(paymentMethod === 'bank_transfer' && orderCode ? { orderCode } : {}),
  };
}

/** Approved address counts (they decide the İLETİ tier) and how the package is paid. */
export function packageForm(): FormSpec<PackagePatch> {
  return {
    id: 'package',
    params: {},
    title: 'forms.package.title',
    intro: 'forms.package.intro',
    fields: FIELDS,
    toPatch,
  };
}
