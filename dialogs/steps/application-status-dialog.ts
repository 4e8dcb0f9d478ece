import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { formComplete } from '../base/form-complete';
import type { FormOutcome } from '../base/form-dialog';
import { askChoice, chosen } from '../base/choices';
import { say, text } from '../base/say';
import { StepDialog } from '../base/step-dialog';
import { CONTINUE, PAUSE, isStepOutcome } from '../base/step-outcome';
import type { DialogDeps } from '../ports';
import { CorrectionDialog } from './early/correction-dialog';
import { OUTCOME_OPTIONS, type StatusOutcome } from './early/options';
import { RejectedDialog } from './early/rejected-dialog';

/**
 * Step 2, başvuru durumu: runs while the pre-application waits for İYS. Gets the application number (never
 * the İYSKod, said every time), explains İYS's query form and records what the customer sees there.
 */
export class ApplicationStatusDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super('applicationStatus', deps);
    this.addDialog(new CorrectionDialog(deps.integrator));
    this.addDialog(new RejectedDialog(deps));
    this.steps([
      this.collectNumber.bind(this),
      this.askOutcome.bind(this),
      this.handleOutcome.bind(this),
      this.finish.bind(this),
    ]);
  }

  private async collectNumber(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // Only possible once the pre-application is done; while it waits, the transition table refuses it.
    this.mark(step, 'in_progress');
    if (formComplete('application', this.session(step).case.data)) return step.next();
    await say(step.context, 'dialogs.status.intro');
    await say(step.context, 'dialogs.status.notIysCode');
    return this.form(step, 'application');
  }

  private async askOutcome(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FormOutcome | undefined)?.status === 'cancelled') {
      await say(step.context, 'dialogs.command.cancelled');
      return step.endDialog(PAUSE);
    }
    const data = this.session(step).case.data;
    await say(step.context, 'dialogs.status.howTo', {
      applicationNo: data.applicationNo ?? '',
      email: data.signatoryEmail ?? text(step.context, 'forms.field.signatoryEmail.label'),
    });
    return askChoice(step, 'dialogs.status.outcome.question', OUTCOME_OPTIONS);
  }

  private async handleOutcome(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const outcome = chosen(step) as StatusOutcome | undefined;
    if (!outcome) return step.endDialog(PAUSE);
    this.session(step).applyPatch({ applicationOutcome: outcome });
    switch (outcome) {
      case 'pending':
        await say(step.context, 'dialogs.status.pending');
        return step.endDialog(PAUSE);
      case 'approved':
        return this.approve(step);
      case 'rejected':
        return step.beginDialog(RejectedDialog.id);
      case 'needs_correction':
        this.reopenPreApplication(step);
        return step.beginDialog(CorrectionDialog.id);
    }
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(isStepOutcome(step.result) ? step.result : PAUSE);
  }

  /** The table lets step 2 move only after step 1 is done: pre-application first, then in_progress → done. */
  private async approve(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.mark(step, 'done', 'preApplication');
    if (this.session(step).case.steps.applicationStatus.status !== 'in_progress')
      this.mark(step, 'in_progress');
    this.mark(step, 'done');
    await say(step.context, 'dialogs.status.approved');
    return step.endDialog(CONTINUE);
  }

  /** Back to step 1 while the customer fixes it; step 2 returns to "not started" so the order stays true. */
  private reopenPreApplication(step: WaterfallStepContext): void {
    this.mark(step, 'in_progress', 'preApplication');
    if (this.session(step).case.steps.applicationStatus.status === 'in_progress')
      this.mark(step, 'not_started');
  }
}
