import { applyPatch, markStep, type Actor, type Case } from '../domain/case';
import type { CaseRepository } from './case-repository';

export type ConfirmationSource = 'agent' | 'iys_api';

/** Case operations for everyone outside a customer's turn: agents, workers, the admin API. */
export class CaseService {
  constructor(
    private readonly repository: CaseRepository,
    private readonly now: () => Date = () => new Date(),
    /** Told about every change made here (e.g. to cancel reminders a confirmation settled). */
    private readonly onChange?: (before: Case, after: Case) => Promise<void>,
  ) {}

  get(caseId: string): Promise<Case | undefined> {
    return this.repository.get(caseId);
  }

  /** Stores a whole case as given (restoring a record, preparing test fixtures). */
  replace(record: Case): Promise<void> {
    return this.repository.put(record);
  }

  /**
   * Records that the integrator is confirmed as partner for some brands (all when none are named). The
   * partner-assignment step, which waits after the customer's declaration, is done once every brand of
   * the case is confirmed.
   */
  async confirmPartnerAssignment(
    caseId: string,
    source: ConfirmationSource,
    actor: Actor,
    brands?: readonly string[],
  ): Promise<Case | undefined> {
    let before: Case | undefined;
    const after = await this.repository.update(caseId, (current) => {
      before = current;
      const at = this.now().toISOString();
      const all = (current.data.brands ?? []).map((b) => b.name);
      const unknown = (brands ?? []).filter((b) => !all.includes(b));
      if (unknown.length > 0) throw new Error(`unknown brand(s): ${unknown.join(', ')}`);
      const confirmed = { ...(current.data.partnerConfirmed ?? {}) };
      for (const brand of brands ?? all) confirmed[brand] = { at, by: source };
      const patched = applyPatch(current, { partnerConfirmed: confirmed }, actor, at);
      if (!patched.ok)
        throw new Error(`partner confirmation refused: ${patched.errors.map((e) => e.code).join(', ')}`);
      if (all.length === 0 || !all.every((b) => confirmed[b])) return patched.case;
      const done = markStep(patched.case, 'partnerAssignment', 'done', actor, at);
      return done.ok ? done.case : patched.case;
    });
    if (before && after && after !== before) await this.onChange?.(before, after);
    return after;
  }
}
