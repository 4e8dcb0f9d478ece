import {
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { MessageKey } from '../../src/i18n';
import { askChoice, chosen, type ChoiceOption } from '../base/choices';
import { formComplete } from '../base/form-complete';
import { say, text } from '../base/say';
import { StepDialog } from '../base/step-dialog';
import { CONTINUE, PAUSE } from '../base/step-outcome';
import type { DialogDeps } from '../ports';
import { flags, nowIso, requestAgent } from './late/options';
import { presentPackage, recommendFor } from './late/package-offer';

const WAITING = 'packageWaiting';
const ORDER_CODE_PROMPT = 'packageOrderCode';
const FORM_ASKED = 'formAsked';
const MAX_ORDER_CODE = 60;

const STATUS_OPTIONS: readonly ChoiceOption[] = [
  { value: 'active', title: 'dialogs.package.choice.active', synonyms: ['aktif', 'active'] },
  {
    value: 'transfer',
    title: 'dialogs.package.choice.transfer',
    synonyms: ['havale', 'eft', 'transfer', 'ödemeyi yaptım', 'i have paid'],
  },
  { value: 'basic', title: 'dialogs.package.choice.basic', synonyms: ['temel hizmetler', 'temel'] },
  { value: 'later', title: 'dialogs.package.choice.later', synonyms: ['sonra', 'later'] },
];
const WAITING_OPTIONS: readonly ChoiceOption[] = [
  { value: 'active', title: 'dialogs.package.choice.active', synonyms: ['evet', 'aktif', 'yes', 'active'] },
  {
    value: 'notYet',
    title: 'dialogs.package.choice.notYet',
    // The payment reminder's "I have paid" button: paid, but the package is not active yet.
    synonyms: ['hayır', 'hayir', 'no', 'ödemeyi yaptım', 'i have paid'],
  },
  { value: 'agent', title: 'dialogs.package.choice.agent' },
];

/**
 * Step 4: the İLETİ package. Temel Hizmetler are free but cannot authorise an integrator, so the customer
 * needs an İLETİ package with the integration module; the tier follows the larger approved address count.
 * A bank transfer leaves the step `waiting` until the customer says the package is active.
 */
export class PackageDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super('package', deps);
    this.steps([
      this.start.bind(this),
      this.recommend.bind(this),
      this.afterStatus.bind(this),
      this.afterOrderCode.bind(this),
    ]);
    this.addDialog(new WaterfallDialog(WAITING, [this.askActive.bind(this), this.afterActive.bind(this)]));
    this.addDialog(new TextPrompt(ORDER_CODE_PROMPT, async (p) => validOrderCode(p.recognized.value)));
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = this.session(step);
    if (session.case.steps.package.status === 'waiting') return step.replaceDialog(WAITING);
    this.mark(step, 'in_progress');
    await say(step.context, 'dialogs.package.intro', { integratorName: this.deps.integrator.name });
    if (formComplete('package', session.case.data)) return step.next();
    flags(step)[FORM_ASKED] = true;
    return this.form(step, 'package');
  }

  private async recommend(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (flags(step)[FORM_ASKED] && !this.formSaved(step)) return this.pause(step, 'dialogs.package.later');
    const session = this.session(step);
    const rec = recommendFor(this.deps.packageCatalog, session.case.data);
    session.applyPatch({ packageTier: rec.id });
    await presentPackage(step.context, this.deps.packageCatalog, rec);
    return askChoice(step, 'dialogs.package.statusQuestion', STATUS_OPTIONS);
  }

  private async afterStatus(step: WaterfallStepContext): Promise<DialogTurnResult> {
    switch (chosen(step)) {
      case 'active':
        return this.activate(step);
      case 'transfer': {
        const known = this.session(step).case.data.orderCode;
        if (known) return this.transferPending(step, known);
        const prompt = text(step.context, 'dialogs.package.askOrderCode');
        const retryPrompt = text(step.context, 'dialogs.package.orderCodeInvalid');
        return step.prompt(ORDER_CODE_PROMPT, { prompt, retryPrompt });
      }
      case 'basic':
        return this.pause(step, 'dialogs.package.basic');
      default:
        return this.pause(step, 'dialogs.package.later');
    }
  }

  private async afterOrderCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.transferPending(step, String(step.result).trim());
  }

  private async askActive(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const orderCode =
      this.session(step).case.data.orderCode ?? text(step.context, 'dialogs.package.noOrderCode');
    return askChoice(step, 'dialogs.package.waitingQuestion', WAITING_OPTIONS, { orderCode });
  }

  private async afterActive(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = chosen(step);
    if (answer === 'active') return this.activate(step);
    if (answer === 'agent') {
      await requestAgent(step.context, this.deps);
      return step.endDialog(PAUSE);
    }
    return this.pause(step, 'dialogs.package.stillWaiting');
  }

  private async activate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.session(step).applyPatch({ packageActiveAt: nowIso(this.deps) });
    this.mark(step, 'done');
    await say(step.context, 'dialogs.package.active');
    return step.endDialog(CONTINUE);
  }

  /** The order code goes with the payment method, so a customer who first chose card is corrected too. */
  private async transferPending(step: WaterfallStepContext, orderCode: string): Promise<DialogTurnResult> {
    this.session(step).applyPatch({ paymentMethod: 'bank_transfer', orderCode });
    this.mark(step, 'waiting');
    return this.pause(step, 'dialogs.package.waiting', { orderCode });
  }

  private async pause(
    step: WaterfallStepContext,
    key: MessageKey,
    params: Record<string, string> = {},
  ): Promise<DialogTurnResult> {
    await say(step.context, key, { integratorName: this.deps.integrator.name, ...params });
    return step.endDialog(PAUSE);
  }
}

function validOrderCode(value: string | undefined): boolean {
  const code = value?.trim() ?? '';
  return code.length >= 1 && code.length <= MAX_ORDER_CODE;
}
