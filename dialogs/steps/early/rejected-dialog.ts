import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { askChoice, chosen } from '../../base/choices';
import { say } from '../../base/say';
import { PAUSE } from '../../base/step-outcome';
import { sessionOf, type DialogDeps } from '../../ports';
import { YES_NO_OPTIONS } from './options';

/** A rejected application: say so kindly and offer a support agent; the step waits either way. */
export class RejectedDialog extends WaterfallDialog {
  static readonly id = 'applicationStatus.rejected';

  constructor(private readonly deps: DialogDeps) {
    super(RejectedDialog.id);
    this.addStep(this.offerAgent.bind(this));
    this.addStep(this.answer.bind(this));
  }

  private async offerAgent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await say(step.context, 'dialogs.status.rejected');
    return askChoice(step, 'dialogs.status.agent.question', YES_NO_OPTIONS);
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (chosen(step) !== 'yes') {
      await say(step.context, 'dialogs.status.agent.declined');
      return step.endDialog(PAUSE);
    }
    const { queued } = await this.deps.handoff.requestAgent({
      caseId: sessionOf(step.context).case.id,
      reason: 'customer_request',
      context: step.context,
    });
    await say(step.context, queued ? 'dialogs.command.agentQueued' : 'dialogs.command.agentUnavailable', {
      supportPhone: this.deps.integrator.supportPhone,
    });
    return step.endDialog(PAUSE);
  }
}
