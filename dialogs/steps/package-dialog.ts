import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { StepDialog } from '../base/step-dialog';
import { PAUSE } from '../base/step-outcome';
import type { DialogDeps } from '../ports';

export class PackageDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super('package', deps);
    this.steps([this.start.bind(this)]);
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(PAUSE);
  }
}
