import type { ValidationIssue } from '../validation';
import type { Actor, AuditEvent } from './audit';
import { CASE_FIELD_IDS, CaseDataSchema, type CaseData, type CaseFieldId } from './case-data';
import { parseCasePatch, type ParsedPatch } from './case-patch';
import type { Case } from './case-schema';

export type CaseChangeResult =
  | {
      readonly ok: true;
      readonly case: Case;
      /** Absent when nothing changed (the same case object is returned). */
      readonly event?: AuditEvent;
      readonly changed: readonly CaseFieldId[];
    }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] };

/**
 * Values that other answers make meaningless are dropped rather than kept (KVKK: collect the minimum), e.g.
 * the TCKN once the signatory is declared foreign, the MERSİS number once the company says it has none.
 */
function dropContradicted(data: CaseData, patch: ParsedPatch): CaseData {
  const next: CaseData = { ...data };
  if (patch.signatoryIdType === 'passport' && patch.signatoryTckn === undefined) delete next.signatoryTckn;
  if (patch.signatoryIdType === 'tckn' && patch.signatoryPassport === undefined)
    delete next.signatoryPassport;
  if (patch.hasMersis === false && patch.mersisNo === undefined) delete next.mersisNo;
  if (patch.paymentMethod === 'card' && patch.orderCode === undefined) delete next.orderCode;
  return next;
}

/** addressCount follows the approved counts: the larger of phones and e-mails (DOMAIN.md step 4). */
function deriveAddressCount(data: CaseData, patch: ParsedPatch): CaseData {
  if (patch.approvedPhones === undefined && patch.approvedEmails === undefined) return data;
  const counts = [data.approvedPhones, data.approvedEmails].filter((n): n is number => n !== undefined);
  const next: CaseData = { ...data };
  if (counts.length === 0) delete next.addressCount;
  else next.addressCount = Math.max(...counts);
  return next;
}

function merge(data: CaseData, patch: ParsedPatch): CaseData {
  const next: Record<string, unknown> = { ...dropContradicted(data, patch) };
  for (const [id, value] of Object.entries(patch)) {
    if (value === null) delete next[id];
    else if (value !== undefined) next[id] = value;
  }
  return deriveAddressCount(next as CaseData, patch);
}

function changedFields(before: CaseData, after: CaseData): CaseFieldId[] {
  return CASE_FIELD_IDS.filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
}

/**
 * Validates a patch of raw or already-normalised values and applies it. Returns the new case and an audit
 * event naming the changed field ids (never their values).
 */
export function applyPatch(current: Case, input: unknown, actor: Actor, at: string): CaseChangeResult {
  const parsed = parseCasePatch(input);
  if (!parsed.ok) return parsed;
  const merged = CaseDataSchema.safeParse(merge(current.data, parsed.patch));
  if (!merged.success) {
    const errors = merged.error.issues.map((issue): ValidationIssue => ({
      code: 'validation.invalidValue',
      severity: 'error',
      params: { field: issue.path.map(String).join('.') },
    }));
    return { ok: false, errors };
  }
  const changed = changedFields(current.data, merged.data);
  if (changed.length === 0) return { ok: true, case: current, changed };
  const event: AuditEvent = { at, actor, type: 'fields.updated', fields: [...changed] };
  const next: Case = { ...current, data: merged.data, updatedAt: at, audit: [...current.audit, event] };
  return { ok: true, case: next, event, changed };
}
