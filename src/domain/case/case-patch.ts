import { z } from 'zod/v4';
import type { ValidationIssue } from '../validation';
import {
  addressSchema,
  applicationNoSchema,
  brandCodeSchema,
  brandNameSchema,
  contactPhoneSchema,
  countSchema,
  districtSchema,
  emailSchema,
  iysCodeSchema,
  mersisSchema,
  mobileSchema,
  passportSchema,
  personNameSchema,
  provinceSchema,
  smsSenderSchema,
  taxOfficeSchema,
  tcknSchema,
  tradeTitleSchema,
  vknSchema,
  websiteSchema,
} from '../validators/schemas';
import { CaseDataSchema, type CaseData, type CaseFieldId } from './case-data';

const BrandInputSchema = z.object({
  name: brandNameSchema,
  smsSenders: z.array(smsSenderSchema).default([]),
  callNumbers: z.array(contactPhoneSchema).default([]),
  emailSenders: z.array(emailSchema).default([]),
  reachBySms: countSchema.optional(),
  reachByCall: countSchema.optional(),
  reachByEmail: countSchema.optional(),
});

/** Fields whose input runs through a domain validator (normalising it); the rest use the stored shape. */
const INPUT_OVERRIDES = {
  tradeTitle: tradeTitleSchema,
  mersisNo: mersisSchema,
  vkn: vknSchema,
  taxOffice: taxOfficeSchema,
  website: websiteSchema,
  phone: contactPhoneSchema,
  city: provinceSchema,
  district: districtSchema,
  address: addressSchema,
  signatoryTckn: tcknSchema,
  signatoryPassport: passportSchema,
  signatoryName: personNameSchema,
  signatoryEmail: emailSchema,
  signatoryMobile: mobileSchema,
  brands: z.array(BrandInputSchema),
  statsMessagesSent: countSchema,
  statsNumbersAdded: countSchema,
  statsRefusals: countSchema,
  applicationNo: applicationNoSchema,
  iysCode: iysCodeSchema,
  brandCodes: z.record(z.string(), brandCodeSchema),
  approvedPhones: countSchema,
  approvedEmails: countSchema,
} as const;

const fieldSchemas: Record<string, z.ZodType> = { ...CaseDataSchema.shape, ...INPUT_OVERRIDES };

function patchable(schema: z.ZodType): z.ZodType {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  return inner.nullable().optional();
}

/** A patch: any subset of fields; `null` clears a field. Unknown field ids are refused. */
export const CasePatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(fieldSchemas).map(([id, schema]) => [id, patchable(schema)])),
);

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        code: 'validation.unknownField',
        severity: 'error',
        params: { field: key },
      }));
    }
    const field = issue.path.map(String).join('.');
    const custom = issue.code === 'custom' && issue.message.startsWith('validation.');
    const params = custom ? ((issue as { params?: Record<string, string | number> }).params ?? {}) : {};
    return [
      {
        code: custom ? issue.message : 'validation.invalidValue',
        severity: 'error',
        params: { ...params, field },
      },
    ];
  });
}

export type ParsedPatch = Partial<{ [K in CaseFieldId]: CaseData[K] | null }>;

export type PatchParseResult =
  | { readonly ok: true; readonly patch: ParsedPatch }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] };

/** Validates and normalises a patch; each error's params name the offending `field` path. */
export function parseCasePatch(input: unknown): PatchParseResult {
  const result = CasePatchSchema.safeParse(input);
  if (!result.success) return { ok: false, errors: toIssues(result.error) };
  return { ok: true, patch: result.data as ParsedPatch };
}
