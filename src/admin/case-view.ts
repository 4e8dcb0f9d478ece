import {
  caseCurrentStep,
  CASE_FIELD_IDS,
  isPersonalDataField,
  maskValue,
  STEP_IDS,
  type AuditEvent,
  type Case,
  type StepId,
  type StepState,
} from '../domain/case';
import type { TranscriptLine } from '../handoff/transcript-store';
import type { PendingReminder } from '../domain/reminders/reminder-kinds';
import { summarize, type CaseSummary } from './case-summary';

/** How many transcript lines the case page shows. */
export const TRANSCRIPT_LINES = 50;

export interface CaseView {
  readonly summary: CaseSummary;
  /** Canonical field ids; personal fields masked unless revealed. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly revealed: boolean;
  readonly steps: readonly ({ readonly id: StepId; readonly current: boolean } & StepState)[];
  readonly locale: string;
  readonly privacyNotice?: Case['privacyNotice'];
  /** Where the customer chats; conversation references stay out (a WhatsApp user id is a phone number). */
  readonly channels: readonly { channelId: string; addedAt: string; lastSeenAt?: string }[];
  readonly documents: readonly { kind: string; mimeType: string; receivedAt: string; channelId: string }[];
  readonly pendingReminders: readonly { kind: string; at: string; attempt: number }[];
  readonly transcript: readonly TranscriptLine[];
  readonly audit: readonly AuditEvent[];
}

export function maskedData(record: Case): Record<string, unknown> {
  return Object.fromEntries(
    CASE_FIELD_IDS.filter((id) => record.data[id] !== undefined).map((id) => [
      id,
      isPersonalDataField(id) ? maskValue(id, record.data[id]) : record.data[id],
    ]),
  );
}

export function caseView(
  record: Case,
  extra: {
    now: Date;
    reveal: boolean;
    pending: readonly PendingReminder[];
    transcript: readonly TranscriptLine[];
  },
): CaseView {
  const current = caseCurrentStep(record);
  return {
    summary: summarize(record, extra.now),
    data: extra.reveal ? { ...record.data } : maskedData(record),
    revealed: extra.reveal,
    steps: STEP_IDS.map((id) => ({ id, current: id === current, ...record.steps[id] })),
    locale: record.locale,
    ...(record.privacyNotice ? { privacyNotice: record.privacyNotice } : {}),
    channels: record.channels.map((c) => ({
      channelId: c.channelId,
      addedAt: c.addedAt,
      ...(c.lastSeenAt ? { lastSeenAt: c.lastSeenAt } : {}),
    })),
    documents: (record.documents ?? []).map((d) => ({
      kind: d.kind,
      mimeType: d.mimeType,
      receivedAt: d.receivedAt,
      channelId: d.channelId,
    })),
    pendingReminders: extra.pending.map((p) => ({
      kind: p.kind,
      at: p.at.toISOString(),
      attempt: p.attempt,
    })),
    transcript: extra.transcript,
    audit: record.audit,
  };
}
