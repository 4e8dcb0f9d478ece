import type { CaseRepository } from '../cases/case-repository';
import type { CaseService } from '../cases/case-service';
import {
  applyPatch,
  maskText,
  PERSONAL_DATA_FIELDS,
  type Actor,
  type AuditEvent,
  type Case,
} from '../domain/case';
import { brandCodeFieldId, checkForm, hasIssues, iysCodesForm } from '../domain/forms';
import type { ValidationIssue } from '../domain/validation';
import type { TranscriptStore } from '../handoff/transcript-store';

/** KVKK erasure of a case, done by whoever owns personal data at rest; the admin API only calls it. */
export interface CaseEraser {
  /** Erases everything of the case; `found` is false when nothing was stored under the id. */
  erase(caseId: string, actor: Actor): Promise<{ readonly found: boolean }>;
}

export type IssuesByField = Readonly<Record<string, readonly ValidationIssue[]>>;

export type SetCodesResult =
  | { readonly ok: true; readonly case: Case; readonly warnings: IssuesByField }
  | { readonly ok: false; readonly errors: IssuesByField };

export interface AdminActionsDeps {
  readonly repository: CaseRepository;
  readonly cases: CaseService;
  readonly now?: () => Date;
  /** Told about every change (reminders settle when the codes arrive). */
  readonly onChange?: (before: Case, after: Case) => Promise<void>;
  /** Notes also go to the transcript, so an agent taking the chat over sees them. */
  readonly transcripts?: TranscriptStore;
}

/**
 * What operations staff change on a case. Every change is audited with the staff member as actor. Reading
 * personal data and adding notes append to the audit trail without touching `updatedAt`, so they do not
 * make a stuck case look active.
 */
export class AdminCaseActions {
  private readonly now: () => Date;

  constructor(private readonly deps: AdminActionsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Stores the İYSKod and BrandKods with the same validators as the customer's form, keyed by brand
   * name. The codes step itself is left to the customer: their next turn reads the codes back and asks
   * them to confirm, as when they typed the codes themselves. Undefined when the case does not exist.
   */
  async setCodes(
    caseId: string,
    input: { iysCode: string; brandCodes: Readonly<Record<string, string>> },
    actor: Actor,
  ): Promise<SetCodesResult | undefined> {
    let outcome: SetCodesResult | undefined;
    let before: Case | undefined;
    const after = await this.deps.repository.update(caseId, (current) => {
      before = current;
      const brands = [...new Set((current.data.brands ?? []).map((b) => b.name))];
      const unknown = Object.keys(input.brandCodes).filter((b) => !brands.includes(b));
      if (unknown.length > 0) {
        outcome = {
          ok: false,
          errors: Object.fromEntries(unknown.map((b) => [`brandCodes.${b}`, [UNKNOWN_BRAND]])),
        };
        return undefined;
      }
      const spec = iysCodesForm({ brands });
      const raw: Record<string, string> = { iysCode: input.iysCode };
      brands.forEach((brand, i) => (raw[brandCodeFieldId(i)] = input.brandCodes[brand] ?? ''));
      const checked = checkForm(spec, raw);
      const byBrand = (issues: IssuesByField) => renameBrandFields(issues, brands);
      if (hasIssues(checked.errors)) {
        outcome = { ok: false, errors: byBrand(checked.errors) };
        return undefined;
      }
      const patched = applyPatch(current, spec.toPatch(checked.values), actor, this.now().toISOString());
      if (!patched.ok) {
        outcome = { ok: false, errors: { iysCode: patched.errors } };
        return undefined;
      }
      outcome = { ok: true, case: patched.case, warnings: byBrand(checked.warnings) };
      return patched.case;
    });
    if (!after) return undefined;
    if (before && after !== before) await this.deps.onChange?.(before, after);
    return outcome;
  }

  /**
   * Confirms the integrator as partner for some brands (all when none are named), after staff checked the
   * assignment in the integrator's İYS panel. The source is `agent`: a person of the integrator checked it;
   * `iys_api` would claim a machine check that did not happen.
   */
  confirmPartnerAssignment(
    caseId: string,
    actor: Actor,
    brands?: readonly string[],
  ): Promise<Case | undefined> {
    return this.deps.cases.confirmPartnerAssignment(caseId, 'agent', actor, brands);
  }

  /** An internal note: audited (masked, 200 characters) and added to the transcript for agents. */
  async addNote(caseId: string, text: string, actor: Actor): Promise<AuditEvent | undefined> {
    const event: AuditEvent = {
      at: this.now().toISOString(),
      actor,
      type: 'note.added',
      detail: maskText(text).slice(0, 200),
    };
    const after = await this.appendAudit(caseId, event);
    if (after)
      await this.deps.transcripts?.append(caseId, [{ at: event.at, from: 'note', by: actor.id, text }]);
    return after ? event : undefined;
  }

  /** Records that `actor` saw the case's personal data (the fields it holds), and why. */
  async recordReveal(caseId: string, actor: Actor, why: string): Promise<Case | undefined> {
    const current = await this.deps.repository.get(caseId);
    if (!current) return undefined;
    const fields = PERSONAL_DATA_FIELDS.filter((id) => current.data[id] !== undefined);
    return this.appendAudit(caseId, {
      at: this.now().toISOString(),
      actor,
      type: 'data.revealed',
      fields: [...fields],
      detail: why.slice(0, 200),
    });
  }

  private appendAudit(caseId: string, event: AuditEvent): Promise<Case | undefined> {
    return this.deps.repository.update(caseId, (current) => ({
      ...current,
      audit: [...current.audit, event],
    }));
  }
}

const UNKNOWN_BRAND: ValidationIssue = { code: 'validation.unknownField', severity: 'error' };

/** Form field ids (`brandCodes.0`) back to the API's names (`brandCodes.<brand>`). */
function renameBrandFields(issues: IssuesByField, brands: readonly string[]): IssuesByField {
  return Object.fromEntries(
    Object.entries(issues).map(([field, list]) => {
      const index = brands.findIndex((_, i) => brandCodeFieldId(i) === field);
      return [index >= 0 ? `brandCodes.${brands[index]}` : field, list];
    }),
  );
}
