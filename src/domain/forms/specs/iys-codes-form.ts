import type { FieldSpec, FormParams, FormSpec, ParsedValues } from '../form-spec';
import { fieldValidators as v } from '../field-validators';
import { requiredString } from './value-getters';

export interface IysCodesPatch {
  readonly iysCode: string;
  readonly brandCodes: Readonly<Record<string, string>>;
}

/** Input ids use the brand's position: brand names may hold any character, input ids should not. */
export function brandCodeFieldId(index: number): string {
  return `brandCodes.${index}`;
}

function fields(brands: readonly string[]): FieldSpec[] {
  const iysCode: FieldSpec = {
    id: 'iysCode',
    kind: 'text',
    label: 'forms.field.iysCode.label',
    help: 'forms.field.iysCode.help',
    required: true,
    maxLength: 30,
    validate: v.iysCode,
  };
  const brandCodes = brands.map((brand, index): FieldSpec => ({
    id: brandCodeFieldId(index),
    kind: 'text',
    label: 'forms.field.brandCodes.label',
    labelParams: { brand },
    required: true,
    maxLength: 30,
    validate: v.brandCode,
  }));
  return [iysCode, ...brandCodes];
}

function toPatchFor(brands: readonly string[]) {
  return (values: ParsedValues): IysCodesPatch => ({
    iysCode: requiredString(values, 'iysCode'),
    brandCodes: Object.fromEntries(
      brands.map((brand, i) => [brand, requiredString(values, brandCodeFieldId(i))]),
    ),
  });
}

/** İYSKod and one BrandKod per brand, for the brands the case knows. */
export function iysCodesForm(params: FormParams): FormSpec<IysCodesPatch> {
  const brands = [...new Set(params.brands ?? [])];
  return {
    id: 'iysCodes',
    params: { brands },
    title: 'forms.iysCodes.title',
    intro: 'forms.iysCodes.intro',
    fields: fields(brands),
    toPatch: toPatchFor(brands),
  };
}
