import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { FormId, FormParams } from '../../src/domain/forms';
import { IYS_EMAILS } from '../../src/domain/iys-contacts';
import { askChoice, chosen } from '../base/choices';
import { formComplete } from '../base/form-complete';
import type { FormOutcome } from '../base/form-dialog';
import { say, text } from '../base/say';
import { StepDialog } from '../base/step-dialog';
import { CONTINUE, PAUSE } from '../base/step-outcome';
import type { DialogDeps } from '../ports';
import { BrandLoopDialog, type BrandLoopResult } from './early/brand-loop-dialog';
import { sendManualGuide } from './early/manual-guide';
import { sendOnlineGuide } from './early/online-guide';
import { ESIGN_OPTIONS, REGISTERED_OPTIONS, SUBMITTED_OPTIONS, SWITCH_ROUTE_OPTION } from './early/options';

const ESIGN = 'eSignature';

/**
 * Step 1, ön başvuru: already registered? → skip to the codes. Otherwise collect company, route, signatory,
 * brands and last year's statistics (each form only if the case does not hold it yet, so a resumed customer
 * is never asked twice), then guide the chosen route and wait for "sent".
 */
export class PreApplicationDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super('preApplication', deps);
    this.addDialog(new BrandLoopDialog());
    this.steps([
      this.askRegistered.bind(this),
      this.collectCompany.bind(this),
      this.askESignature.bind(this),
      this.chooseRoute.bind(this),
      this.collectSignatory.bind(this),
      this.collectBrands.bind(this),
      this.collectStatistics.bind(this),
      this.guide.bind(this),
      this.finish.bind(this),
    ]);
  }

  /** Only a step never begun asks: `in_progress` means the customer already answered "no". */
  private async askRegistered(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (this.session(step).case.steps.preApplication.status !== 'not_started') return step.next();
    return askChoice(step, 'dialogs.pre.registered.question', REGISTERED_OPTIONS);
  }

  private async collectCompany(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = chosen(step);
    if (answer === 'yes') return this.skipToCodes(step);
    if (answer === 'no') {
      this.mark(step, 'in_progress');
      await say(step.context, 'dialogs.pre.start');
    }
    return this.formUnlessComplete(step, 'company');
  }

  /** The e-signature only informs the route recommendation, so it is asked only while no route is chosen. */
  private async askESignature(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (cancelled(step)) return this.pauseCancelled(step);
    if (formComplete('route', this.session(step).case.data)) return step.next();
    return askChoice(step, 'dialogs.pre.esign.question', ESIGN_OPTIONS);
  }

  private async chooseRoute(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const data = this.session(step).case.data;
    if (formComplete('route', data)) return step.next();
    const eSignature = chosen(step);
    (step.values as Record<string, unknown>)[ESIGN] = eSignature;
    await say(step.context, 'dialogs.pre.routes', {
      onkayit: IYS_EMAILS.preApplication,
      integratorName: this.deps.integrator.name,
      ccEmail: this.deps.integrator.ccEmail,
    });
    if (data.hasMersis === false) await say(step.context, 'dialogs.pre.recommend.noMersis');
    else if (eSignature === 'no') await say(step.context, 'dialogs.pre.recommend.noEsign');
    else await say(step.context, 'dialogs.pre.recommend.online');
    return this.form(step, 'route');
  }

  private async collectSignatory(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (cancelled(step)) return this.pauseCancelled(step);
    return this.formUnlessComplete(step, 'signatory');
  }

  /** At least one brand; a resumed customer who has brands goes on (more can be added through an agent). */
  private async collectBrands(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (cancelled(step)) return this.pauseCancelled(step);
    if ((this.session(step).case.data.brands ?? []).length > 0) return step.next();
    await say(step.context, 'dialogs.pre.brands.intro');
    return step.beginDialog(BrandLoopDialog.id);
  }

  private async collectStatistics(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as BrandLoopResult | undefined)?.cancelled) return this.pauseCancelled(step);
    return this.formUnlessComplete(step, 'statistics');
  }

  private async guide(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (cancelled(step)) return this.pauseCancelled(step);
    const data = this.session(step).case.data;
    if (data.applicationOutcome === 'needs_correction') {
      // A correction only needs the fix sent again, not the whole route once more.
      await say(step.context, 'dialogs.pre.correction.note', { onkayit: IYS_EMAILS.preApplication });
      return askChoice(step, 'dialogs.pre.submitted.question', SUBMITTED_OPTIONS);
    }
    if (data.route === 'online') await sendOnlineGuide(step.context);
    else await sendManualGuide(step.context, this.deps.integrator);
    return askChoice(step, 'dialogs.pre.submitted.question', [...SUBMITTED_OPTIONS, SWITCH_ROUTE_OPTION]);
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = chosen(step);
    if (answer === 'submitted') {
      this.session(step).applyPatch({ applicationOutcome: 'pending' });
      this.mark(step, 'waiting');
      await say(step.context, 'dialogs.pre.submitted.thanks');
      return step.endDialog(CONTINUE);
    }
    if (answer === 'switch') return this.switchRoute(step);
    const online = this.session(step).case.data.route === 'online';
    await say(step.context, online ? 'dialogs.pre.later.online' : 'dialogs.pre.later.manual', {
      onkayit: IYS_EMAILS.preApplication,
    });
    return step.endDialog(PAUSE);
  }

  /** Flips the route and runs the step again: every form is complete, so it goes straight to the guide. */
  private async switchRoute(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = this.session(step);
    const route = session.case.data.route === 'online' ? 'manual' : 'online';
    session.applyPatch({ route });
    await say(step.context, 'dialogs.pre.switched', {
      route: text(step.context, `forms.choice.route.${route}`),
    });
    return step.replaceDialog(this.initialDialogId);
  }

  private async skipToCodes(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.mark(step, 'skipped');
    this.mark(step, 'skipped', 'applicationStatus');
    await say(step.context, 'dialogs.pre.registered.skip');
    return step.endDialog(CONTINUE);
  }

  private formUnlessComplete(
    step: WaterfallStepContext,
    formId: FormId,
    params?: FormParams,
  ): Promise<DialogTurnResult> {
    if (formComplete(formId, this.session(step).case.data, params)) return step.next();
    return this.form(step, formId, params);
  }

  /** The customer closed a form with its cancel button: what was saved stays, the step waits for them. */
  private async pauseCancelled(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await say(step.context, 'dialogs.command.cancelled');
    return step.endDialog(PAUSE);
  }
}

function cancelled(step: WaterfallStepContext): boolean {
  return (step.result as FormOutcome | undefined)?.status === 'cancelled';
}
