import type { TurnContext } from 'botbuilder';
import { erasureRequested } from '../../dialogs/base/erasure';
import { findSession, type CaseEventsPort } from '../../dialogs/ports';
import type { Case } from '../domain/case';
import { t } from '../i18n';
import { TurnCaseSession } from './case-session';

export interface AfterSaveDeps {
  readonly events: CaseEventsPort;
  /** Brings pending reminders in line with what the turn changed. */
  readonly reconcileReminders?: (before: Case | undefined, after: Case) => Promise<void>;
  /** Erases the customer's case and everything around it ("verilerimi sil", confirmed in this turn). */
  readonly eraseCase?: (context: TurnContext, caseId: string) => Promise<void>;
}

/**
 * Runs after the application saved the turn's state: only then is a completion announced or a reminder
 * scheduled or cancelled, so nothing outside reacts to a change that a failed compare-and-set undid.
 */
export async function publishAfterSave(context: TurnContext, deps: AfterSaveDeps): Promise<void> {
  const session = findSession(context);
  if (!(session instanceof TurnCaseSession)) return;
  // After the save, so the turn's own write cannot bring the data back; nothing else is published then.
  if (deps.eraseCase && erasureRequested(context)) {
    await deps.eraseCase(context, session.case.id);
    await context.sendActivity(t(session.locale, 'dialogs.erase.done'));
    return;
  }
  if (session.completion) await deps.events.caseCompleted(session.completion);
  if (deps.reconcileReminders && session.initial !== session.case) {
    await deps.reconcileReminders(session.initial, session.case);
  }
}
