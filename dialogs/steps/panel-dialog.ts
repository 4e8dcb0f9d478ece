import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { translator } from '../../src/i18n';
import { formComplete } from '../base/form-complete';
import { say } from '../base/say';
import { StepDialog } from '../base/step-dialog';
import { CONTINUE, PAUSE } from '../base/step-outcome';
import type { DialogDeps } from '../ports';
import { codeLines } from './late/codes-text';
import { flags, nowIso } from './late/options';

const FORM_ASKED = 'formAsked';

/**
 * Step 6: the customer enters the İYSKod and BrandKods in the integrator's own panel and ticks "I assigned
 * you as my integrator" (or one of the NGO / self-managed alternatives). Finishing it completes the case,
 * which the integrator's systems hear about once the turn is saved.
 */
export class PanelDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super('panel', deps);
    this.steps([this.start.bind(this), this.finish.bind(this)]);
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = this.session(step);
    this.mark(step, 'in_progress');
    const tr = translator(session.locale);
    const { name, panelUrl } = this.deps.integrator;
    const codes = codeLines(tr, session.case.data);
    await say(step.context, 'dialogs.panel.intro', { integratorName: name, panelUrl, codes });
    if (formComplete('panel', session.case.data)) return step.next();
    await say(step.context, 'dialogs.panel.formHint');
    flags(step)[FORM_ASKED] = true;
    return this.form(step, 'panel');
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (flags(step)[FORM_ASKED] && !this.formSaved(step)) {
      await say(step.context, 'dialogs.panel.later');
      return step.endDialog(PAUSE);
    }
    const session = this.session(step);
    session.applyPatch({ panelConfirmedAt: nowIso(this.deps) });
    this.mark(step, 'done');
    const choice = session.case.data.panelChoice ?? 'integrator_assigned';
    await say(step.context, `dialogs.panel.done.${choice}`, { integratorName: this.deps.integrator.name });
    // After the step is saved in the session: the payload carries the final step states.
    session.announceCompletion();
    return step.endDialog(CONTINUE);
  }
}
