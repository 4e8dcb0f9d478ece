import {
  WaterfallDialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { IYS_EMAILS } from '../../../src/domain/iys-contacts';
import type { IntegratorProfile } from '../../../src/domain/integrator';
import { askChoice, chosen, CHOICE_PROMPT } from '../../base/choices';
import { FormDialog, type FormOutcome } from '../../base/form-dialog';
import { say, text } from '../../base/say';
import { PAUSE } from '../../base/step-outcome';
import { sessionOf } from '../../ports';
import { sendCargoInstructions, sendDocumentList } from './manual-guide';
import { FIX_OPTIONS, SUBMITTED_OPTIONS, type FixTopic } from './options';

const TOPIC = 'fixTopic';

/**
 * İYS asked for changes: which part? → that form again, prefilled (or the document list) → "sent again?".
 * The caller has already moved the pre-application back to `in_progress`; "sent" moves it to `waiting`.
 */
export class CorrectionDialog extends WaterfallDialog {
  static readonly id = 'applicationStatus.correction';

  constructor(private readonly integrator: IntegratorProfile) {
    super(CorrectionDialog.id);
    this.addStep(this.askTopic.bind(this));
    this.addStep(this.pickBrand.bind(this));
    this.addStep(this.openFix.bind(this));
    this.addStep(this.askResubmitted.bind(this));
    this.addStep(this.finish.bind(this));
  }

  private async askTopic(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return askChoice(step, 'dialogs.status.fix.question', FIX_OPTIONS);
  }

  /** Brand names are the customer's own, so they are offered as they are, not through the catalog. */
  private async pickBrand(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const topic = (chosen(step) ?? 'documents') as FixTopic;
    (step.values as Record<string, unknown>)[TOPIC] = topic;
    const brands = (sessionOf(step.context).case.data.brands ?? []).map((b) => b.name);
    if (topic !== 'brands' || brands.length < 2) return step.next(brands[0]);
    const question = text(step.context, 'dialogs.status.fix.whichBrand');
    return step.prompt(CHOICE_PROMPT, { prompt: question, retryPrompt: question, choices: brands });
  }

  private async openFix(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const topic = (step.values as Record<string, unknown>)[TOPIC] as FixTopic;
    if (topic === 'documents') {
      await sendDocumentList(step.context);
      await say(step.context, 'dialogs.status.fix.documentsHint', this.addresses());
      await sendCargoInstructions(step.context);
      return step.next();
    }
    await say(step.context, 'dialogs.status.fix.prefilled');
    if (topic !== 'brands') return step.beginDialog(FormDialog.id, { formId: topic });
    const brand =
      typeof step.result === 'string' ? step.result : (step.result as FoundChoice | undefined)?.value;
    return step.beginDialog(FormDialog.id, { formId: 'brand', ...(brand ? { params: { brand } } : {}) });
  }

  private async askResubmitted(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FormOutcome | undefined)?.status === 'cancelled') {
      await say(step.context, 'dialogs.command.cancelled');
      return step.endDialog(PAUSE);
    }
    const online = sessionOf(step.context).case.data.route === 'online';
    await say(
      step.context,
      online ? 'dialogs.status.resubmit.online' : 'dialogs.status.resubmit.manual',
      this.addresses(),
    );
    return askChoice(step, 'dialogs.status.resubmit.question', SUBMITTED_OPTIONS);
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = sessionOf(step.context);
    if (chosen(step) !== 'submitted') {
      await say(step.context, 'dialogs.status.resubmitLater');
      return step.endDialog(PAUSE);
    }
    session.applyPatch({ applicationOutcome: 'pending' });
    session.markStep('preApplication', 'waiting');
    await say(step.context, 'dialogs.status.resubmitted');
    return step.endDialog(PAUSE);
  }

  private addresses(): Record<string, string> {
    return { onkayit: IYS_EMAILS.preApplication, ccEmail: this.integrator.ccEmail };
  }
}
