import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { FormParams } from '../../src/domain/forms';
import type { MessageKey } from '../../src/i18n';
import { askChoice, chosen, type ChoiceOption } from '../base/choices';
import { formComplete } from '../base/form-complete';
import type { FormOutcome } from '../base/form-dialog';
import { say } from '../base/say';
import { StepDialog } from '../base/step-dialog';
import { PAUSE } from '../base/step-outcome';
import type { DialogDeps } from '../ports';
import { brandNamesOf } from './late/codes-text';
import { nowIso, requestAgent } from './late/options';
import { confirmationState, explainPartnerRoutes } from './late/partner-routes';

const BRAND_LOOP = 'partnerBrandLoop';
const PENDING = 'partnerPending';

interface PartnerOptions {
  /** From the pending state: the customer wants to change the rights, so every brand's form reopens. */
  readonly change?: boolean;
}
interface LoopOptions {
  readonly index: number;
  readonly force: boolean;
}
interface LoopResult {
  readonly completed: boolean;
}

const DECLARE_OPTIONS: readonly ChoiceOption[] = [
  { value: 'declared', title: 'dialogs.partner.choice.declared', synonyms: ['yaptım', 'yaptim', 'done'] },
  { value: 'later', title: 'dialogs.partner.choice.later', synonyms: ['sonra', 'later'] },
  { value: 'agent', title: 'dialogs.partner.choice.agent' },
];
const PENDING_OPTIONS: readonly ChoiceOption[] = [
  { value: 'again', title: 'dialogs.partner.choice.again', synonyms: ['yeniden', 'again'] },
  { value: 'change', title: 'dialogs.partner.choice.change', synonyms: ['değiştir', 'degistir', 'change'] },
  { value: 'agent', title: 'dialogs.partner.choice.agent' },
  { value: 'wait', title: 'dialogs.partner.choice.wait', synonyms: ['bekle', 'wait'] },
];

/**
 * Step 5: the customer authorises the integrator per brand in İYS (panel or isortagim@ e-mail). We record
 * the rights per brand, explain both routes, and after "I did it" wait: the step is done only when the
 * integrator confirms every brand (`CaseService.confirmPartnerAssignment`), never on the customer's word.
 */
export class PartnerAssignmentDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super('partnerAssignment', deps);
    this.steps([this.start.bind(this), this.explainRoutes.bind(this), this.afterDeclare.bind(this)]);
    this.addDialog(new WaterfallDialog(BRAND_LOOP, [this.openRights.bind(this), this.nextBrand.bind(this)]));
    this.addDialog(new WaterfallDialog(PENDING, [this.askPending.bind(this), this.afterPending.bind(this)]));
  }

  private async start(step: WaterfallStepContext<PartnerOptions>): Promise<DialogTurnResult> {
    const session = this.session(step);
    const change = step.options?.change === true;
    if (session.case.steps.partnerAssignment.status === 'waiting' && !change)
      return step.replaceDialog(PENDING);
    this.mark(step, 'in_progress');
    if (brandNamesOf(session.case.data).length === 0) {
      await say(step.context, 'dialogs.partner.noBrands');
      return step.endDialog(PAUSE);
    }
    await say(step.context, 'dialogs.partner.intro', { integratorName: this.deps.integrator.name });
    return step.beginDialog(BRAND_LOOP, { index: 0, force: change } satisfies LoopOptions);
  }

  /** One partnerRights form per brand; a brand whose rights are already recorded is not asked again. */
  private async openRights(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const { index, force } = step.options;
    const data = this.session(step).case.data;
    const brand = brandNamesOf(data)[index];
    if (brand === undefined) return step.endDialog({ completed: true } satisfies LoopResult);
    const params: FormParams = {
      brand,
      ...(data.addressCount === undefined ? {} : { addressCount: data.addressCount }),
    };
    if (!force && formComplete('partnerRights', data, params))
      return step.next({ status: 'saved', patch: {} } satisfies FormOutcome);
    return this.form(step, 'partnerRights', params);
  }

  private async nextBrand(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    if (!this.formSaved(step)) return step.endDialog({ completed: false } satisfies LoopResult);
    const { index, force } = step.options;
    return step.replaceDialog(BRAND_LOOP, { index: index + 1, force } satisfies LoopOptions);
  }

  private async explainRoutes(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!(step.result as LoopResult | undefined)?.completed) return this.pause(step, 'dialogs.partner.later');
    await explainPartnerRoutes(step.context, this.deps.integrator);
    return askChoice(step, 'dialogs.partner.declareQuestion', DECLARE_OPTIONS);
  }

  private async afterDeclare(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = chosen(step);
    if (answer === 'agent') return this.agent(step);
    if (answer !== 'declared') return this.pause(step, 'dialogs.partner.later');
    this.session(step).applyPatch({ partnerDeclaredAt: nowIso(this.deps) });
    this.mark(step, 'waiting');
    return this.pause(step, 'dialogs.partner.declared');
  }

  private async askPending(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { confirmed, open } = confirmationState(step.context);
    await say(step.context, 'dialogs.partner.pending', { integratorName: this.deps.integrator.name });
    if (confirmed.length > 0)
      await say(step.context, 'dialogs.partner.pendingConfirmed', { brands: confirmed.join(', ') });
    if (open.length > 0) await say(step.context, 'dialogs.partner.pendingOpen', { brands: open.join(', ') });
    return askChoice(step, 'dialogs.partner.pendingQuestion', PENDING_OPTIONS);
  }

  private async afterPending(step: WaterfallStepContext): Promise<DialogTurnResult> {
    switch (chosen(step)) {
      case 'again':
        this.session(step).applyPatch({ partnerDeclaredAt: nowIso(this.deps) });
        return this.pause(step, 'dialogs.partner.redeclared');
      case 'change':
        return step.replaceDialog(this.initialDialogId, { change: true } satisfies PartnerOptions);
      case 'agent':
        return this.agent(step);
      default:
        return this.pause(step, 'dialogs.partner.keepWaiting');
    }
  }

  private async agent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await requestAgent(step.context, this.deps);
    return step.endDialog(PAUSE);
  }

  private async pause(step: WaterfallStepContext, key: MessageKey): Promise<DialogTurnResult> {
    await say(step.context, key, { integratorName: this.deps.integrator.name });
    return step.endDialog(PAUSE);
  }
}
