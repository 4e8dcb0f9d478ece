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

/**
 * A file the customer sent in the chat (e.g. the signed commitment letter as a PDF). Only its metadata and
 * the channel's media id are kept; support staff download the file through the channel when they need it.
 */
export const CaseDocumentSchema = z.object({
  channelId: z.string().min(1),
  kind: z.enum(['document', 'image']),
  mediaId: z.string().min(1).max(200),
  mimeType: z.string().min(1).max(200),
  filename: z.string().max(240).optional(),
  sha256: z.string().max(128).optional(),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type CaseDocument = z.infer<typeof CaseDocumentSchema>;

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
  /** Files received in the chat, oldest first (at most MAX_CASE_DOCUMENTS). */
  documents: z.array(CaseDocumentSchema).optional(),
  /** Set when the retention job removed the personal data; the case then stays only for statistics. */
  anonymisedAt: z.iso.datetime({ offset: true }).optional(),
});
export type Case = z.infer<typeof CaseSchema>;
