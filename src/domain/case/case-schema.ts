import { z } from 'zod/v4';
import { AuditEventSchema } from './audit';
import { CaseDataSchema } from './case-data';
import { ChannelAddressSchema } from './channel-address';
import { StepIdSchema, StepStateSchema } from './steps';

export const CURRENT_SCHEMA_VERSION = 1;

export const PrivacyAcceptanceSchema = z.object({
  version: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
});
export type PrivacyAcceptance = z.infer<typeof PrivacyAcceptanceSchema>;

/** One onboarding case (v1): the dossier plus step progress, audit trail and contact channels. */
export const CaseSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The customer's language for reminders sent outside a conversation turn. */
  locale: z.enum(['tr', 'en']).default('tr'),
  data: CaseDataSchema,
  steps: z.record(StepIdSchema, StepStateSchema),
  audit: z.array(AuditEventSchema),
  channels: z.array(ChannelAddressSchema),
  privacyNotice: PrivacyAcceptanceSchema.optional(),
});
export type Case = z.infer<typeof CaseSchema>;
