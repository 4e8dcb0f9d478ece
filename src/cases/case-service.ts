import {
  applyPatch,
  FINISHED,
  markStep,
  recordHandoffEvent,
  STEP_IDS,
  type Actor,
  type Case,
  type HandoffAuditType,
  type StepId,
} from '../domain/case';
import type { CaseRepository } from './case-repository';

export type ConfirmationSource = 'agent' | 'iys_api';

/** Told about a change of a case (`before` is undefined for a case a customer's first turn created). */
export type CaseChangeListener = (before: Case | undefined, after: Case) => Promise<void>;

/**
 * Case operations for everyone outside a customer's turn: agents, workers, the admin API. Every change is
 * published as a `caseChanged` event, made here or (published by the bot once the turn is saved) in a
 * customer's turn; the reminder planner subscribes, so a confirmation settles the reminders it made moot.
 */
export class CaseService {
  private readonly listeners: CaseChangeListener[] = [];

  constructor(
    private readonly repository: CaseRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Subscribes to the `caseChanged` event. */
  onCaseChanged(listener: CaseChangeListener): void {
    this.listeners.push(listener);
  }

  /** Publishes the `caseChanged` event; resolves once every listener is done. */
  async caseChanged(before: Case | undefined, after: Case): Promise<void> {
    for (const listener of this.listeners) await listener(before, after);
  }

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
    if (before && after && after !== before) await this.caseChanged(before, after);
    return after;
  }

  /**
   * Puts the case at `step` (an agent's "/adim N"): earlier unfinished steps are skipped and the step
   * itself is opened (later finished steps stay done, the dialogs serve the first open one), each move through the domain's transition table and audited.
   * Resolves with undefined when the case does not exist; throws when a move is refused.
   */
  async moveToStep(caseId: string, step: StepId, actor: Actor): Promise<Case | undefined> {
    let before: Case | undefined;
    const target = STEP_IDS.indexOf(step);
    const after = await this.repository.update(caseId, (current) => {
      before = current;
      const at = this.now().toISOString();
      let next = current;
      STEP_IDS.forEach((id, index) => {
        const status = next.steps[id].status;
        let to: 'skipped' | 'in_progress' | undefined;
        if (index < target && !FINISHED.has(status)) to = 'skipped';
        if (index === target && (FINISHED.has(status) || status === 'not_started')) to = 'in_progress';
        if (!to) return;
        const moved = markStep(next, id, to, actor, at);
        if (!moved.ok) throw new Error(`step move refused: ${moved.error.code}`);
        next = moved.case;
      });
      return next === current ? undefined : next;
    });
    if (before && after && after !== before) await this.caseChanged(before, after);
    return after;
  }

  /**
   * Adds an agent-takeover entry to the case's audit trail (compare-and-set like every change here). Only
   * the trail changes, so nothing else is told. Resolves false when the case does not exist.
   */
  async recordHandoff(
    caseId: string,
    type: HandoffAuditType,
    actor: Actor,
    detail?: string,
  ): Promise<boolean> {
    const after = await this.repository.update(caseId, (current) =>
      recordHandoffEvent(current, type, detail, actor, this.now().toISOString()),
    );
    return after !== undefined;
  }
}
