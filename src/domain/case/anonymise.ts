import type { Actor, AuditEvent } from './audit';
import { PERSONAL_DATA_FIELDS, type CaseData } from './case-data';
import type { Case } from './case-schema';
import { FINISHED, STEP_IDS } from './steps';

export interface RetentionPolicy {
  /** Finished or abandoned cases are anonymised this many days after their last change. */
  readonly anonymiseAfterDays: number;
  /** A case untouched this long, not finished, counts as abandoned. */
  readonly abandonedAfterDays: number;
}

const DAY_MS = 24 * 3600 * 1000;

export function isFinished(current: Case): boolean {
  return STEP_IDS.every((id) => FINISHED.has(current.steps[id].status));
}

/**
 * The last time anything happened on the case: its last change, or a later visit (a turn that only reads
 * the case refreshes the channel's lastSeenAt without touching updatedAt).
 */
export function lastActivity(current: Case): number {
  const seen = current.channels.map((c) => Date.parse(c.lastSeenAt ?? c.addedAt));
  return Math.max(Date.parse(current.updatedAt), ...seen);
}

/**
 * Due for anonymisation: not yet anonymised, idle for `anonymiseAfterDays`, and either finished or
 * abandoned (unfinished and idle for `abandonedAfterDays`).
 */
export function isRetentionDue(current: Case, now: Date, policy: RetentionPolicy): boolean {
  if (current.anonymisedAt) return false;
  const idleDays = (now.getTime() - lastActivity(current)) / DAY_MS;
  if (idleDays < policy.anonymiseAfterDays) return false;
  return isFinished(current) || idleDays >= policy.abandonedAfterDays;
}

/** +905… is a Turkish mobile: for a small business the "company phone" is often the owner's own GSM. */
const MOBILE = /^\+905\d{9}$/;

/**
 * The dossier without personal data (KVKK, DOMAIN.md): the signatory's identity and contact data; a VKN of
 * 11 digits (a sole proprietor's TCKN); a contact phone that is a mobile. Company data (trade title, VKN,
 * İYS codes, package, rights) stays for the integrator's records and statistics.
 */
export function withoutPersonalData(data: CaseData): CaseData {
  const kept: Record<string, unknown> = { ...data };
  for (const field of PERSONAL_DATA_FIELDS) delete kept[field];
  delete kept.signatoryIdType;
  if (data.vkn?.length === 11) delete kept.vkn;
  if (data.phone && MOBILE.test(data.phone)) delete kept.phone;
  return kept as CaseData;
}

/**
 * Removes the personal data of a case and the ways to reach the customer (channel references, files),
 * and records it in the audit trail. The audit trail itself holds field ids and pseudonymous ids only.
 */
export function anonymiseCase(current: Case, actor: Actor, at: string): Case {
  const removed = Object.keys(current.data).filter((k) => !(k in withoutPersonalData(current.data)));
  const event: AuditEvent = { at, actor, type: 'case.anonymised', fields: removed };
  const { documents: _files, privacyNotice, ...rest } = current;
  return {
    ...rest,
    // The acceptance (version and time) is not personal and documents that the notice was shown.
    ...(privacyNotice ? { privacyNotice } : {}),
    data: withoutPersonalData(current.data),
    channels: [],
    anonymisedAt: at,
    updatedAt: at,
    audit: [...current.audit, event],
  };
}
