import type { TurnContext } from 'botbuilder';
import { describeIssues } from '../../cards/issue-text';
import type { CaseSession } from '../../dialogs/ports';
import { maskValue } from '../domain/case';
import { validateContactPhone } from '../domain/validators';
import { saveCallbackNumber } from '../handoff/callback-request';
import type { HandoffRecord } from '../handoff/handoff-store';
import { LOCALES, t, translator } from '../i18n';
import type { HandoffRouting } from './handoff-routes';

/** `handled`: answered here, no dialog; `resume`: the customer goes on with the bot (ask again). */
export type CallbackOfferOutcome = 'handled' | 'resume' | 'none';

/** An unanswered offer lapses after a day: a number typed later answers whatever the bot asked. */
const OFFER_LIFETIME_MS = 24 * 3600_000;

const CALLBACK_WORDS = words(
  ['geri arama', 'beni arayın', 'call me back', 'callback'],
  'handoff.customer.callback',
);
const CONTINUE_WORDS = words(['devam', 'devam et', 'continue'], 'handoff.customer.continueWithBot');

/**
 * The customer's answer to "nobody is free: continue with the bot or leave a callback number" (sent when
 * a request went unclaimed). "Call me back" asks for the number; a valid Turkish number is kept for the
 * agents; "continue" (or anything else) goes back to the bot.
 */
export async function answerCallbackOffer(
  context: TurnContext,
  routing: HandoffRouting,
  session: CaseSession,
  /** The case's handoff record as read at the start of this turn. */
  record: HandoffRecord | undefined,
): Promise<CallbackOfferOutcome> {
  const { service } = routing;
  const caseId = session.case.id;
  const open = record?.state === 'closed' && (record.callback === 'offered' || record.callback === 'asked');
  if (!record || !open) return 'none';
  if (service.now().getTime() - Date.parse(record.lastActivityAt) > OFFER_LIFETIME_MS) return 'none';
  const text = (context.activity.text ?? '').trim();
  const tr = translator(session.locale);
  if (CALLBACK_WORDS.has(fold(text))) {
    await service.deps.store.patch(caseId, { callback: 'asked' });
    await context.sendActivity(tr('handoff.customer.callbackAsk'));
    return 'handled';
  }
  if (looksLikeNumber(text, record.callback === 'asked')) {
    const checked = validateContactPhone(text);
    if (checked.ok) {
      await saveCallbackNumber(service, caseId, checked.value, (type, detail) =>
        session.recordHandoff(type, detail),
      );
      const phone = maskValue('signatoryMobile', checked.value);
      await context.sendActivity(tr('handoff.customer.callbackSaved', { phone }));
      return 'handled';
    }
    if (record.callback === 'asked') {
      const reason = describeIssues(tr, checked.errors).join(' ');
      await context.sendActivity(tr('handoff.customer.callbackInvalid', { reason }));
      return 'handled';
    }
  }
  await service.deps.store.patch(caseId, { callback: 'declined' });
  if (!CONTINUE_WORDS.has(fold(text))) return 'none';
  await context.sendActivity(tr('handoff.customer.resume'));
  return 'resume';
}

/**
 * Once asked for a number, anything made of phone characters is read as one. Before that only a number
 * written with its prefix (0…, +90…) is: a bare 10-digit answer to the open question may well be a VKN.
 */
function looksLikeNumber(text: string, asked: boolean): boolean {
  if (!/^[\d\s+()\-./]{7,}$/u.test(text)) return false;
  return asked || /^(?:\+|0)/u.test(text);
}

function words(
  extra: readonly string[],
  title: 'handoff.customer.callback' | 'handoff.customer.continueWithBot',
) {
  return new Set([...extra, ...LOCALES.map((locale) => t(locale, title))].map(fold));
}

function fold(text: string): string {
  return text.trim().toLocaleLowerCase('tr');
}
