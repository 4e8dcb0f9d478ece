import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { askChoice, chosen } from '../../base/choices';
import { FormDialog, type FormOutcome } from '../../base/form-dialog';
import { say } from '../../base/say';
import { sessionOf } from '../../ports';
import { MORE_BRANDS_OPTIONS } from './options';

/** What the loop ends with: `cancelled` when the customer closed a brand form. */
export interface BrandLoopResult {
  readonly cancelled: boolean;
}

/**
 * One brand form, then "add another brand?", again and again. Lives inside the pre-application component so
 * it reaches the same form dialog and choice prompt.
 */
export class BrandLoopDialog extends WaterfallDialog {
  static readonly id = 'preApplication.brands';

  constructor() {
    super(BrandLoopDialog.id);
    this.addStep(this.askBrand.bind(this));
    this.addStep(this.askMore.bind(this));
    this.addStep(this.loop.bind(this));
  }

  private async askBrand(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // No `brand` parameter: a new brand; typing an existing name replaces that brand (mergeFormPatch).
    return step.beginDialog(FormDialog.id, { formId: 'brand' });
  }

  private async askMore(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FormOutcome | undefined)?.status !== 'saved')
      return step.endDialog({ cancelled: true } satisfies BrandLoopResult);
    const brands = (sessionOf(step.context).case.data.brands ?? []).map((b) => b.name);
    await say(step.context, 'dialogs.pre.brands.saved', { brands: brands.join(', ') });
    return askChoice(step, 'dialogs.pre.brands.more', MORE_BRANDS_OPTIONS);
  }

  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (chosen(step) === 'yes') return step.replaceDialog(BrandLoopDialog.id);
    return step.endDialog({ cancelled: false } satisfies BrandLoopResult);
  }
}
