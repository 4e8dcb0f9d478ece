import { z } from 'zod/v4';
import { StepIdSchema, StepStatusSchema } from './steps';

export const ACTOR_KINDS = ['customer', 'agent', 'system', 'admin'] as const;
export const ActorSchema = z.object({ kind: z.enum(ACTOR_KINDS), id: z.string().min(1) });
export type Actor = z.infer<typeof ActorSchema>;

export const AUDIT_EVENT_TYPES = [
  'case.created',
  'case.migrated',
  'case.anonymised',
  'fields.updated',
  'step.changed',
  'privacy.accepted',
  'channel.added',
  'reminder.sent',
  'reminder.escalated',
  'document.received',
  'data.revealed',
  'note.added',
  'handoff.requested',
  'handoff.claimed',
  'handoff.note',
  'handoff.handed_back',
  'handoff.timed_out',
  'handoff.callback',
] as const;

/** The agent-takeover entries of the trail (who asked, who took it, how it ended). */
export type HandoffAuditType = Extract<(typeof AUDIT_EVENT_TYPES)[number], `handoff.${string}`>;

/**
 * One entry of the audit trail. `fields` lists changed field ids only: values stay out so the trail never
 * becomes a second copy of personal data.
 */
export const AuditEventSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  actor: ActorSchema,
  type: z.enum(AUDIT_EVENT_TYPES),
  fields: z.array(z.string()).optional(),
  step: StepIdSchema.optional(),
  from: StepStatusSchema.optional(),
  to: StepStatusSchema.optional(),
  detail: z.string().max(200).optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
