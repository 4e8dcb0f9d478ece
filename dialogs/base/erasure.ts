import { ChoiceFactory, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { text } from './say';

/**
 * "verilerimi sil" / "delete my data": the dialogs only ask and record the customer's confirmation on the
 * turn; the bot layer erases after the turn's state is saved, so that save cannot write the data back.
 */
const ERASURE_REQUESTED = Symbol('erasureRequested');

export function requestErasure(context: TurnContext): void {
  context.turnState.set(ERASURE_REQUESTED, true);
}

export function erasureRequested(context: TurnContext): boolean {
  return context.turnState.get(ERASURE_REQUESTED) === true;
}

export type ErasureAnswer = 'yes' | 'no' | 'other';

const YES = [
  'evet',
  'evet, sil',
  'evet sil',
  'sil',
  'onaylıyorum',
  'yes',
  'yes, delete',
  'delete',
  'confirm',
];
const NO = [
  'hayır',
  'hayir',
  'hayır, devam et',
  'vazgeç',
  'iptal',
  'no',
  'no, continue',
  'cancel',
  'continue',
];

/** The customer's answer to the confirmation (button titles in either language, or a typed yes/no). */
export function erasureAnswer(context: TurnContext): ErasureAnswer {
  const said = (context.activity.text ?? '')
    .trim()
    .toLocaleLowerCase('tr')
    .replace(/[.!]+$/u, '');
  const yesTitle = text(context, 'dialogs.erase.yes').toLocaleLowerCase('tr');
  const noTitle = text(context, 'dialogs.erase.no').toLocaleLowerCase('tr');
  if (said === yesTitle || YES.includes(said)) return 'yes';
  if (said === noTitle || NO.includes(said)) return 'no';
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
