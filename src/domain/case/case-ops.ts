import type { ValidationIssue } from '../validation';
import type { Actor, AuditEvent, HandoffAuditType } from './audit';
import { CURRENT_SCHEMA_VERSION, type Case, type CaseDocument } from './case-schema';
import { sameConversation, type ChannelAddress } from './channel-address';
import { applyTransition, currentStep, initialStepStates, type StepId, type StepStatus } from './steps';

export interface NewCase {
  readonly id: string;
  readonly at: string;
  readonly actor: Actor;
  readonly locale?: 'tr' | 'en';
}

export function createCase({ id, at, actor, locale = 'tr' }: NewCase): Case {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    createdAt: at,
    updatedAt: at,
    locale,
    data: {},
    steps: initialStepStates(),
    audit: [{ at, actor, type: 'case.created' }],
    channels: [],
  };
}

function withEvent(current: Case, event: AuditEvent, patch: Partial<Case>): Case {
  return { ...current, ...patch, updatedAt: event.at, audit: [...current.audit, event] };
}

export type StepChangeResult =
  | { readonly ok: true; readonly case: Case; readonly event?: AuditEvent }
  | { readonly ok: false; readonly error: ValidationIssue };

/**
 * Moves a step to a new status through the transition table. Asking for the status the step already has is
 * a no-op success (no event), so retried jobs and double clicks are harmless.
 */
export function markStep(
  current: Case,
  step: StepId,
  to: StepStatus,
  actor: Actor,
  at: string,
): StepChangeResult {
  if (current.steps[step].status === to) return { ok: true, case: current };
  const result = applyTransition(current.steps, step, to, at);
  if (!result.ok) return result;
  const event: AuditEvent = { at, actor, type: 'step.changed', step, from: result.from, to };
  return { ok: true, case: withEvent(current, event, { steps: result.steps }), event };
}

export function caseCurrentStep(current: Case): StepId | null {
  return currentStep(current.steps);
}

/** Records that the customer accepted the privacy notice (aydınlatma metni) of the given version. */
export function acceptPrivacyNotice(current: Case, version: string, actor: Actor, at: string): Case {
  const event: AuditEvent = { at, actor, type: 'privacy.accepted', detail: `version ${version}` };
  return withEvent(current, event, { privacyNotice: { version, at } });
}

/** True when the accepted notice is the current one; personal data must not be collected otherwise. */
export function hasAcceptedPrivacyNotice(current: Case, currentVersion: string): boolean {
  return current.privacyNotice?.version === currentVersion;
}

/**
 * Adds a conversation the customer can be reached through, or refreshes it (new reference, lastSeenAt) when
 * it is already known. Only a new conversation is audited; refreshing happens on every turn.
 */
export function upsertChannelAddress(
  current: Case,
  address: ChannelAddress,
  actor: Actor,
  at: string,
  refreshAfterMs = 15 * 60_000,
): Case {
  const index = current.channels.findIndex((c) => sameConversation(c, address));
  const existing = current.channels[index];
  if (existing) {
    // A known, unchanged address is refreshed at most every `refreshAfterMs`, so a turn that only reads
    // the case does not rewrite it.
    const seen = Date.parse(existing.lastSeenAt ?? existing.addedAt);
    const same =
      existing.serviceUrl === address.serviceUrl &&
      JSON.stringify(existing.reference) === JSON.stringify(address.reference);
    if (same && Date.parse(at) - seen < refreshAfterMs) return current;
    const refreshed: ChannelAddress = { ...address, addedAt: existing.addedAt, lastSeenAt: at };
    const channels = current.channels.map((c, i) => (i === index ? refreshed : c));
    return { ...current, channels };
  }
  const event: AuditEvent = { at, actor, type: 'channel.added', detail: address.channelId };
  return withEvent(current, event, { channels: [...current.channels, { ...address, lastSeenAt: at }] });
}

/** Adds a reminder event (sent or escalated) to the audit trail: kind and attempt only. */
export function recordReminder(
  current: Case,
  type: 'reminder.sent' | 'reminder.escalated',
  detail: string,
  actor: Actor,
  at: string,
): Case {
  return withEvent(current, { at, actor, type, detail: detail.slice(0, 200) }, {});
}

/**
 * Adds an agent-takeover event to the audit trail. `detail` must already be free of personal data (reason,
 * masked note, masked callback number): the trail is kept for years.
 */
export function recordHandoffEvent(
  current: Case,
  type: HandoffAuditType,
  detail: string | undefined,
  actor: Actor,
  at: string,
): Case {
  return withEvent(current, { at, actor, type, ...(detail ? { detail: detail.slice(0, 200) } : {}) }, {});
}

/** Files kept per case; older ones drop off (their audit entries stay). */
export const MAX_CASE_DOCUMENTS = 50;

/** Keeps a received file's metadata on the case; the audit names the kind and type, not the file name. */
export function recordDocument(current: Case, document: CaseDocument, actor: Actor, at: string): Case {
  const documents = [...(current.documents ?? []), document].slice(-MAX_CASE_DOCUMENTS);
  const event: AuditEvent = {
    at,
    actor,
    type: 'document.received',
    detail: `${document.kind} ${document.mimeType}`.slice(0, 200),
  };
  return withEvent(current, event, { documents });
}
