import type { TurnContext } from 'botbuilder';
import { findSession, type CaseEventsPort } from '../../dialogs/ports';
import { TurnCaseSession } from './case-session';

/**
 * Runs after the application saved the turn's state: only then is a completion announced, so the
 * integrator never hears about a case that a failed compare-and-set left unfinished.
 */
export async function publishAfterSave(context: TurnContext, events: CaseEventsPort): Promise<void> {
  const session = findSession(context);
  const completed = session instanceof TurnCaseSession ? session.completion : undefined;
  if (completed) await events.caseCompleted(completed);
}
