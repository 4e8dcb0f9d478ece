import type { TurnContext } from 'botbuilder';
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { describeIssues } from '../../cards/issue-text';
import { maskValue } from '../../src/domain/case';
import { validateContactPhone } from '../../src/domain/validators';
import { LOCALES, t, translator } from '../../src/i18n';
import { sessionOf, type CallbackOfferPort, type CallbackOfferStage } from '../ports';
import { normaliseSaid } from './commands';

/** `handled`: answered here; `resume`: the customer goes on with the bot (ask again); `none`: not an answer. */
type CallbackAnswer = 'handled' | 'resume' | 'none';

const CALLBACK_WORDS = words(
  ['geri arama', 'beni arayın', 'call me back', 'callback'],
  'handoff.customer.callback',
);
const CONTINUE_WORDS = words(['devam', 'devam et', 'continue'], 'handoff.customer.continueWithBot');

/**
 * An interruption like "verilerimi sil", except that its question was asked outside any turn: when nobody
 * claimed a request, the customer was offered to continue with the bot or leave a callback number. While
 * that offer is open, the next message is read as its answer before anything else. "Call me back" asks for
 * the number; a valid Turkish number is kept for the agents; "continue" (or anything else) goes back to the
 * bot, which asks its open question again ("continue") or reads the message as usual (anything else).
 */
export class CallbackOfferInterruption {
  constructor(private readonly offers: CallbackOfferPort | undefined) {}

  /** At the start of the main dialog (nothing open): an answered offer ends the dialog again. */
  async onBegin(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const answer = await this.answer(inner.context);
    return answer === 'handled' ? { status: DialogTurnStatus.complete } : undefined;
  }

  /** While the main dialog runs: "continue" asks the open question again. */
  async onContinue(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const answer = await this.answer(inner.context);
    if (answer === 'none') return undefined;
    if (answer === 'resume') await inner.repromptDialog();
    return Dialog.EndOfTurn;
  }

  private async answer(context: TurnContext): Promise<CallbackAnswer> {
    const stage = this.offers?.pending(context);
    if (!this.offers || !stage) return 'none';
    const offers = this.offers;
    const session = sessionOf(context);
    const caseId = session.case.id;
    const said = (context.activity.text ?? '').trim();
    const tr = translator(session.locale);
    if (CALLBACK_WORDS.has(normaliseSaid(said))) {
      await offers.ask(caseId);
      await context.sendActivity(tr('handoff.customer.callbackAsk'));
      return 'handled';
    }
    if (looksLikeNumber(said, stage)) {
      const checked = validateContactPhone(said);
      if (checked.ok) {
        await offers.leaveNumber(caseId, checked.value, (type, detail) =>
          session.recordHandoff(type, detail),
        );
        const phone = maskValue('signatoryMobile', checked.value);
        await context.sendActivity(tr('handoff.customer.callbackSaved', { phone }));
        return 'handled';
      }
      if (stage === 'asked') {
        const reason = describeIssues(tr, checked.errors).join(' ');
        await context.sendActivity(tr('handoff.customer.callbackInvalid', { reason }));
        return 'handled';
      }
    }
    await offers.decline(caseId);
    if (!CONTINUE_WORDS.has(normaliseSaid(said))) return 'none';
    await context.sendActivity(tr('handoff.customer.resume'));
    return 'resume';
  }
}

/**
 * Once asked for a number, anything made of phone characters is read as one. Before that only a number
 * written with its prefix (0…, +90…) is: a bare 10-digit answer to the open question may well be a VKN.
 */
function looksLikeNumber(text: string, stage: CallbackOfferStage): boolean {
  if (!/^[\d\s+()\-./]{7,}$/u.test(text)) return false;
  return stage === 'asked' || /^(?:\+|0)/u.test(text);
}

function words(
  extra: readonly string[],
  title: 'handoff.customer.callback' | 'handoff.customer.continueWithBot',
) {
  return new Set([...extra, ...LOCALES.map((locale) => t(locale, title))].map(normaliseSaid));
}
