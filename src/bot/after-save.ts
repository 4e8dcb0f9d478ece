import type { TurnContext } from 'botbuilder';
import type { CaseEventsPort } from '../../dialogs/ports';
import type { Case } from '../domain/case';
import { t } from '../i18n';
import type { TurnCaseSession } from './case-session';

export interface AfterSaveDeps {
  readonly events: CaseEventsPort;
  /** Publishes a change of the case (the reminder planner subscribes: CaseService's caseChanged). */
  readonly caseChanged: (before: Case | undefined, after: Case) => Promise<void>;
  /** Erases the customer's case and everything around it ("verilerimi sil", confirmed in this turn). */
  readonly eraseCase: (context: TurnContext, caseId: string) => Promise<void>;
}

export type AfterSave = (context: TurnContext, session: TurnCaseSession) => Promise<void>;

/**
 * Runs after the application saved the turn's state: only then is the turn's outcome acted on (the case
 * erased, a completion announced) and a change published (reminders scheduled or cancelled), so nothing
 * outside reacts to a change that a failed compare-and-set undid.
 */
export function createAfterSave(deps: AfterSaveDeps): AfterSave {
  return async (context, session) => {
    const outcome = session.outcome;
    if (outcome.kind === 'erase') {
      // After the save, so the turn's own write cannot bring the data back; nothing else is published then.
      await deps.eraseCase(context, outcome.caseId);
      await context.sendActivity(t(session.locale, 'dialogs.erase.done'));
      return;
    }
    if (outcome.kind === 'completed') await deps.events.caseCompleted(outcome.case);
    if (session.initial !== session.case) await deps.caseChanged(session.initial, session.case);
  };
}
