import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { renderStepOverviewCard, renderSummaryCard } from '../cards';
import { hasAcceptedPrivacyNotice, STEP_IDS, type Case, type StepId } from '../src/domain/case';
import { t } from '../src/i18n';
import { sayWithAgentOffer } from './base/agent-offer';
import { askChoice, choicePrompt, chosen } from './base/choices';
import { CallbackOfferInterruption } from './base/callback-offer';
import { parseCommand, readChoicePick, type GlobalCommand } from './base/commands';
import { answerErasure, EraseConfirmDialog } from './base/erasure';
import { FormDialog, type FormOutcome } from './base/form-dialog';
import { say, sendCard } from './base/say';
import { isStepOutcome } from './base/step-outcome';
import { receivedFiles } from './base/received-files';
import { sessionOf, type DialogDeps, type ReceivedFile } from './ports';

const WATERFALL = 'mainWaterfall';

interface MainOptions {
  /** Set when the main dialog loops after a finished step: no greeting, no overview. */
  readonly looping?: boolean;
}

/** Which step dialog serves a case now. A submitted pre-application is followed in the status dialog. */
export function stepDialogFor(current: Case): StepId | null {
  const steps = current.steps;
  for (const id of Object.keys(steps) as StepId[]) {
    const status = steps[id].status;
    if (status === 'done' || status === 'skipped') continue;
    return id === 'preApplication' && status === 'waiting' ? 'applicationStatus' : id;
  }
  return null;
}

/**
 * Greets, asks for the privacy notice to be accepted before any personal data, then runs the step dialog
 * the case is at and loops until a step pauses or everything is done. Global commands (help, status, menu,
 * back, cancel, agent) work at any prompt.
 */
export class MainDialog extends ComponentDialog {
  static readonly id = 'main';
  private readonly callbackOffer: CallbackOfferInterruption;

  constructor(
    private readonly deps: DialogDeps,
    stepDialogs: readonly Dialog[],
  ) {
    super(MainDialog.id);
    this.callbackOffer = new CallbackOfferInterruption(deps.callbackOffer);
    this.addDialog(choicePrompt());
    this.addDialog(new FormDialog(deps));
    this.addDialog(new EraseConfirmDialog());
    for (const dialog of stepDialogs) this.addDialog(dialog);
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.greet.bind(this),
        this.recordPrivacy.bind(this),
        this.runStep.bind(this),
        this.afterStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: object): Promise<DialogTurnResult> {
    readChoicePick(inner.context.activity);
    const interrupted = await this.callbackOffer.onBegin(inner);
    return interrupted ?? super.onBeginDialog(inner, options);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    readChoicePick(inner.context.activity);
    const interrupted = await this.callbackOffer.onContinue(inner);
    if (interrupted) return interrupted;
    if (inner.activeDialog?.id === EraseConfirmDialog.id) {
      return answerErasure(inner, WATERFALL, () => super.onContinueDialog(inner));
    }
    const files = receivedFiles(inner.context.activity);
    if (files.length > 0) {
      await this.keepFiles(inner.context, files);
      // A file alone answers no question: the open question is asked again.
      if (!inner.context.activity.text?.trim()) {
        await inner.repromptDialog();
        return Dialog.EndOfTurn;
      }
    }
    const command = parseCommand(inner.context.activity.text);
    if (command && !(command === 'back' && leaf(inner) && FormDialog.isPromptMode(leaf(inner)))) {
      const handled = await this.runCommand(inner, command);
      if (handled) return handled;
    }
    return super.onContinueDialog(inner);
  }

  private async greet(step: WaterfallStepContext<MainOptions>): Promise<DialogTurnResult> {
    const session = sessionOf(step.context);
    const names = { integratorName: this.deps.integrator.name };
    if (step.options?.looping) return step.next();
    const opening = await this.openingCommand(step);
    if (opening) return opening;
    if (
      !session.case.privacyNotice ||
      session.case.privacyNotice.version !== this.deps.privacyNoticeVersion
    ) {
      await say(step.context, 'dialogs.welcome', names);
      await say(step.context, 'dialogs.sixSteps', names);
      await say(step.context, 'dialogs.privacy.notice', {
        ...names,
        version: this.deps.privacyNoticeVersion,
      });
      return askChoice(step, 'dialogs.privacy.question', [
        {
          value: 'accept',
          title: 'dialogs.privacy.accept',
          synonyms: ['evet', 'kabul', 'yes', 'accept', 'ok', 'tamam'],
        },
        { value: 'decline', title: 'dialogs.privacy.decline', synonyms: ['hayır', 'hayir', 'no', 'reddet'] },
      ]);
    }
    const current = stepDialogFor(session.case);
    if (current)
      await say(step.context, 'dialogs.resume', { step: t(session.locale, `domain.step.${current}`) });
    await this.showOverview(step.context);
    return step.next();
  }

  /** A command typed when no dialog was running: help then carry on; agent or cancel end here. */
  private async openingCommand(step: WaterfallStepContext): Promise<DialogTurnResult | undefined> {
    const command = parseCommand(step.context.activity.text);
    if (command === 'help') await sayWithAgentOffer(step.context, 'dialogs.command.help');
    if (command === 'turkish' || command === 'english') {
      sessionOf(step.context).setLocale(command === 'english' ? 'en' : 'tr');
      await say(step.context, 'dialogs.command.language');
    }
    if (command === 'agent') {
      await this.requestAgent(step);
      return step.endDialog();
    }
    if (command === 'cancel') {
      await say(step.context, 'dialogs.command.cancelled');
      return step.endDialog();
    }
    if (command === 'erase') return step.beginDialog(EraseConfirmDialog.id);
    return undefined;
  }

  private async recordPrivacy(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = chosen(step);
    if (answer === 'decline') {
      await say(step.context, 'dialogs.privacy.declined');
      return step.endDialog();
    }
    if (answer === 'accept') {
      sessionOf(step.context).acceptPrivacyNotice(this.deps.privacyNoticeVersion);
      await say(step.context, 'dialogs.privacy.thanks');
      await this.showOverview(step.context);
    }
    return step.next();
  }

  private async runStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = sessionOf(step.context);
    const current = stepDialogFor(session.case);
    if (current) return step.beginDialog(current);
    await say(step.context, 'dialogs.allDone', { integratorName: this.deps.integrator.name });
    await sendCard(step.context, renderSummaryCard({ data: session.case.data, locale: session.locale }));
    return step.endDialog();
  }

  private async afterStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const outcome = step.result;
    // A step that finished, or a form reopened with "geri": carry on with whatever the case needs now.
    const formReopened = (outcome as FormOutcome | undefined)?.status === 'saved';
    if (formReopened || (isStepOutcome(outcome) && outcome.next === 'continue')) {
      return step.replaceDialog(WATERFALL, { looping: true });
    }
    return step.endDialog();
  }

  private async runCommand(
    inner: DialogContext,
    command: GlobalCommand,
  ): Promise<DialogTurnResult | undefined> {
    const { context } = inner;
    switch (command) {
      case 'help':
        await sayWithAgentOffer(context, 'dialogs.command.help');
        return Dialog.EndOfTurn;
      case 'status':
      case 'menu':
        await this.showOverview(context);
        if (command === 'menu') await say(context, 'dialogs.command.menu');
        return Dialog.EndOfTurn;
      case 'cancel':
        await inner.cancelAllDialogs();
        await say(context, 'dialogs.command.cancelled');
        return { status: 'complete' as DialogTurnResult['status'], result: { next: 'pause' } };
      case 'back':
        return this.restartStep(inner);
      case 'agent':
        return this.requestAgent(inner);
      case 'turkish':
      case 'english':
        sessionOf(context).setLocale(command === 'english' ? 'en' : 'tr');
        await say(context, 'dialogs.command.language');
        return Dialog.EndOfTurn;
      case 'erase':
        // Asked on top of whatever was open, so "no" returns to exactly that question.
        return inner.beginDialog(EraseConfirmDialog.id);
    }
  }

  /** Files count as personal data: they are kept only once the privacy notice is accepted. */
  private async keepFiles(context: DialogContext['context'], files: readonly ReceivedFile[]): Promise<void> {
    const session = sessionOf(context);
    if (!hasAcceptedPrivacyNotice(session.case, this.deps.privacyNoticeVersion)) {
      await say(context, 'dialogs.document.beforePrivacy');
      return;
    }
    for (const file of files) session.recordDocument(file);
    await say(context, 'dialogs.document.received', { count: files.length });
  }

  /**
   * "geri" on a card: reopen the form shown before the current one (prefilled, so the customer can change
   * it); once it is saved the loop brings the customer back to where they were. Without an earlier form the
   * current step starts over.
   */
  private async restartStep(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const active = inner.activeDialog;
    if (!active || active.id === WATERFALL) return undefined;
    await say(inner.context, 'dialogs.command.back');
    const previous = sessionOf(inner.context).forms.back();
    if (previous) return inner.replaceDialog(FormDialog.id, previous);
    return inner.replaceDialog(active.id);
  }

  private async requestAgent(inner: DialogContext): Promise<DialogTurnResult> {
    const session = sessionOf(inner.context);
    const { queued } = await this.deps.handoff.requestAgent({
      caseId: session.case.id,
      reason: 'customer_request',
      context: inner.context,
    });
    await say(inner.context, queued ? 'dialogs.command.agentQueued' : 'dialogs.command.agentUnavailable', {
      supportPhone: this.deps.integrator.supportPhone,
    });
    return Dialog.EndOfTurn;
  }

  private async showOverview(context: DialogContext['context']): Promise<void> {
    const session = sessionOf(context);
    if (session.cardsSupported) {
      await sendCard(context, renderStepOverviewCard({ steps: session.case.steps, locale: session.locale }));
      return;
    }
    const lines = STEP_IDS.map(
      (id, i) =>
        `${i + 1}. ${t(session.locale, `domain.step.${id}`)}: ${t(session.locale, `domain.stepStatus.${session.case.steps[id].status}`)}`,
    );
    await context.sendActivity(lines.join('\n'));
  }
}

function leaf(dc: DialogContext): DialogContext {
  let current = dc;
  while (current.child) current = current.child;
  return current;
}
