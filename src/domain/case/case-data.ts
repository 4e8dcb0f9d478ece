import { z } from 'zod/v4';

/**
 * The dossier of one service provider, keyed by the canonical field ids of DOMAIN.md. This is the *stored*
 * shape: it checks types and light formats so data read back from storage is trustworthy, but not the full
 * business rules (checksums, phone metadata), which run on input (see case-patch.ts) and may tighten over
 * time without making old cases unreadable.
 */
export const IYS_CHANNELS = ['MESAJ', 'ARAMA', 'EPOSTA'] as const;
export const IysChannelSchema = z.enum(IYS_CHANNELS);
export type IysChannel = z.infer<typeof IysChannelSchema>;

const isoDateTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();
const digits = (min: number, max: number) => z.string().regex(new RegExp(`^\\d{${min},${max}}$`));
const e164 = z.string().regex(/^\+\d{8,15}$/);

export const BrandSchema = z.object({
  name: z.string().min(1),
  smsSenders: z.array(z.string()).default([]),
  callNumbers: z.array(z.string()).default([]),
  emailSenders: z.array(z.string()).default([]),
  /** Recipients reached in the last year per channel, as asked on İYS's brand form. */
  reachBySms: count.optional(),
  reachByCall: count.optional(),
  reachByEmail: count.optional(),
});
export type Brand = z.infer<typeof BrandSchema>;

export const RightSchema = z.object({ read: z.boolean(), write: z.boolean() });
export const BrandRightsSchema = z.object({
  MESAJ: RightSchema,
  ARAMA: RightSchema,
  EPOSTA: RightSchema,
  reconciliation: z.boolean(),
});
export type BrandRights = z.infer<typeof BrandRightsSchema>;

export const AhsSchema = z.object({ name: z.string().min(1), channels: z.array(IysChannelSchema).min(1) });
export type Ahs = z.infer<typeof AhsSchema>;

export const APPLICATION_OUTCOMES = ['pending', 'approved', 'rejected', 'needs_correction'] as const;
/** Who confirmed a partner assignment: the İYS API check, a support agent, or the customer's word. */
export const CONFIRMATION_SOURCES = ['iys_api', 'agent', 'customer'] as const;
/** Step 6 choices on the integrator's panel form (DOMAIN.md). */
export const PANEL_CHOICES = ['integrator_assigned', 'ngo_not_subject', 'self_managed'] as const;

export const CaseDataSchema = z.object({
  route: z.enum(['online', 'manual']).optional(),
  hasMersis: z.boolean().optional(),
  tradeTitle: z.string().min(2).max(250).optional(),
  mersisNo: digits(16, 16).optional(),
  vkn: digits(10, 11).optional(),
  taxOffice: z.string().min(1).optional(),
  website: z.string().min(1).optional(),
  phone: e164.optional(),
  city: z.string().min(1).optional(),
  district: z.string().min(1).optional(),
  address: z.string().min(1).optional(),
  signatoryIdType: z.enum(['tckn', 'passport']).optional(),
  signatoryTckn: digits(11, 11).optional(),
  signatoryPassport: z
    .string()
    .regex(/^[A-Z0-9]{5,20}$/)
    .optional(),
  signatoryName: z.string().min(1).optional(),
  signatoryEmail: z.string().includes('@').optional(),
  signatoryMobile: e164.optional(),
  brands: z.array(BrandSchema).optional(),
  statsMessagesSent: count.optional(),
  statsNumbersAdded: count.optional(),
  statsRefusals: count.optional(),
  applicationNo: z
    .string()
    .regex(/^[A-Z0-9]{6,12}$/)
    .optional(),
  applicationOutcome: z.enum(APPLICATION_OUTCOMES).optional(),
  iysCode: digits(1, 10).optional(),
  brandCodes: z.record(z.string(), digits(1, 10)).optional(),
  approvedPhones: count.optional(),
  approvedEmails: count.optional(),
  addressCount: count.optional(),
  /** A tier id of the configured package catalog (e.g. "ILETI-25"); the catalog itself is configuration. */
  packageTier: z.string().min(1).optional(),
  paymentMethod: z.enum(['card', 'bank_transfer']).optional(),
  orderCode: z.string().min(1).optional(),
  packageActiveAt: isoDateTime.optional(),
  partnerRights: z.record(z.string(), BrandRightsSchema).optional(),
  under5000Declared: z.boolean().optional(),
  ahs: z.record(z.string(), z.array(AhsSchema)).optional(),
  partnerDeclaredAt: isoDateTime.optional(),
  partnerConfirmed: z
    .record(z.string(), z.object({ at: isoDateTime, by: z.enum(CONFIRMATION_SOURCES) }))
    .optional(),
  panelChoice: z.enum(PANEL_CHOICES).optional(),
  /** The "I confirm the accuracy and accept the burden of proof" box on the panel form. */
  panelAccuracyAccepted: z.boolean().optional(),
  panelConfirmedAt: isoDateTime.optional(),
});
export type CaseData = z.infer<typeof CaseDataSchema>;
export type CaseFieldId = keyof CaseData;

export const CASE_FIELD_IDS = Object.keys(CaseDataSchema.shape) as readonly CaseFieldId[];

/** Fields that hold personal data under KVKK: mask them in logs, transcripts and agent views. */
export const PERSONAL_DATA_FIELDS: readonly CaseFieldId[] = [
  'signatoryTckn',
  'signatoryPassport',
  'signatoryName',
  'signatoryEmail',
  'signatoryMobile',
];

export function isPersonalDataField(fieldId: string): boolean {
  return (PERSONAL_DATA_FIELDS as readonly string[]).includes(fieldId);
}
