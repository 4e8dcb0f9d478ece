import { DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { FINISHED, type StepId } from '../../src/domain/case';
import { CONTINUE } from './step-outcome';
import { sessionOf } from '../ports';

/**
 * A step dialog may be left waiting at a question while the step is finished outside the chat (an agent or
 * the İYS API confirms the partner assignment, an agent records the package). The customer's next message
 * must then not be read as an answer to that stale question: the dialog closes and the main dialog moves
 * on to the step the case is at.
 */
export async function continueUnlessFinished(
  inner: DialogContext,
  step: StepId,
  proceed: () => Promise<DialogTurnResult>,
): Promise<DialogTurnResult> {
  const status = sessionOf(inner.context).case.steps[step].status;
  if (!FINISHED.has(status)) return proceed();
  await inner.cancelAllDialogs();
  return { status: DialogTurnStatus.complete, result: CONTINUE };
}
