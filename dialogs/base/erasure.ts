import {
  ChoiceFactory,
  Dialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { sessionOf } from '../ports';
import { normaliseSaid } from './commands';
import { say, text } from './say';
import { PAUSE } from './step-outcome';

/*
 * "verilerimi sil" / "delete my data": the dialogs only ask and record the customer's confirmation as the
 * turn's outcome (CaseSession.requestErasure); the bot layer erases after the turn's state is saved, so
 * that save cannot write the data back.
 */

export type ErasureAnswer = 'yes' | 'no' | 'other';

const YES = new Set(
  ['evet', 'evet, sil', 'evet sil', 'sil', 'onaylıyorum', 'yes', 'yes, delete', 'delete', 'confirm'].map(
    normaliseSaid,
  ),
);
const NO = new Set(
  ['hayır', 'hayir', 'hayır, devam et', 'vazgeç', 'iptal', 'no', 'no, continue', 'cancel', 'continue'].map(
    normaliseSaid,
  ),
);

/** The customer's answer to the confirmation (button titles in either language, or a typed yes/no). */
export function erasureAnswer(context: TurnContext): ErasureAnswer {
  const said = normaliseSaid(context.activity.text ?? '');
  if (said === normaliseSaid(text(context, 'dialogs.erase.yes')) || YES.has(said)) return 'yes';
  if (said === normaliseSaid(text(context, 'dialogs.erase.no')) || NO.has(said)) return 'no';
  return 'other';
}

/**
 * Waits on top of whatever the customer was doing while the confirmation is open. The main dialog reads
 * the answer itself (and removes this dialog without resuming the one below), so this one only asks.
 */
export class EraseConfirmDialog extends Dialog {
  static readonly id = 'eraseConfirm';

  constructor() {
    super(EraseConfirmDialog.id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.ask(dc.context);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return dc.endDialog();
  }

  override async repromptDialog(context: TurnContext): Promise<void> {
    await this.ask(context);
  }

  private async ask(context: TurnContext): Promise<void> {
    const choices = [text(context, 'dialogs.erase.yes'), text(context, 'dialogs.erase.no')];
    await context.sendActivity(
      ChoiceFactory.forChannel(context, choices, text(context, 'dialogs.erase.question')),
    );
  }
}

/**
 * The answer to "delete my data?". Yes: the dialogs end and erasure is the turn's outcome. Otherwise the
 * confirmation leaves the stack without resuming the dialog below it (a form would take a resume for its
 * own end), and that dialog asks its question again; an answer that is neither goes on to it as a message.
 */
export async function answerErasure(
  inner: DialogContext,
  /** The main waterfall: asked before anything ran (the greeting), the customer starts over from it. */
  waterfallId: string,
  passOn: () => Promise<DialogTurnResult>,
): Promise<DialogTurnResult> {
  const answer = erasureAnswer(inner.context);
  if (answer === 'yes') {
    sessionOf(inner.context).requestErasure();
    await inner.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: PAUSE };
  }
  inner.stack.shift();
  await say(inner.context, 'dialogs.erase.kept');
  if (inner.activeDialog?.id === waterfallId) return inner.replaceDialog(waterfallId);
  if (answer === 'other') return passOn();
  await inner.repromptDialog();
  return Dialog.EndOfTurn;
}
