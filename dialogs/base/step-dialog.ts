import {
  ComponentDialog,
  type DialogContext,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStep,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StepId, StepStatus } from '../../src/domain/case';
import type { FormId, FormParams } from '../../src/domain/forms';
import { sessionOf, type CaseSession, type DialogDeps } from '../ports';
import { choicePrompt } from './choices';
import { continueUnlessFinished } from './finished-elsewhere';
import { FormDialog, type FormOutcome } from './form-dialog';

/**
 * Base of the six step dialogs: a ComponentDialog whose id is the step id, with the form dialog and the
 * choice prompt already registered and one waterfall built from named step methods.
 */
export abstract class StepDialog extends ComponentDialog {
  protected constructor(
    readonly step: StepId,
    protected readonly deps: DialogDeps,
  ) {
    super(step);
    this.addDialog(new FormDialog(deps));
    this.addDialog(choicePrompt());
  }

  /** A step finished outside the chat (agent, İYS API) while a question was open: close and move on. */
  protected override onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return continueUnlessFinished(inner, this.step, () => super.onContinueDialog(inner));
  }

  /** Registers the waterfall; call once from the subclass constructor. */
  protected steps(steps: WaterfallStep[]): void {
    const id = `${this.step}Waterfall`;
    this.addDialog(new WaterfallDialog(id, steps));
    this.initialDialogId = id;
  }

  protected session(step: WaterfallStepContext): CaseSession {
    return sessionOf(step.context);
  }

  /** Opens a form (card or one question at a time); the next waterfall step receives a `FormOutcome`. */
  protected form(step: WaterfallStepContext, formId: FormId, params?: FormParams): Promise<DialogTurnResult> {
    return step.beginDialog(FormDialog.id, { formId, ...(params ? { params } : {}) });
  }

  protected formSaved(step: WaterfallStepContext): boolean {
    return (step.result as FormOutcome | undefined)?.status === 'saved';
  }

  /** Moves this step (or another) to a status; a move the transition table refuses is simply skipped. */
  protected mark(step: WaterfallStepContext, status: StepStatus, which: StepId = this.step): boolean {
    return this.session(step).markStep(which, status);
  }
}
