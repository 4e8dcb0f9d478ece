import type { TurnContext } from 'botbuilder';
import { maskValue, type CaseData } from '../../../src/domain/case';
import type { MessageKey } from '../../../src/i18n';
import { say, text } from '../../base/say';
import { sessionOf } from '../../ports';

/**
 * The online route: what to have ready, then each İYS screen in order with the customer's own values.
 * Personal values (TCKN, mobile, e-mail) are shown masked: enough to recognise, nothing to leak into a
 * transcript.
 */
export async function sendOnlineGuide(context: TurnContext): Promise<void> {
  const data = sessionOf(context).case.data;
  const value = (id: keyof CaseData, label: MessageKey): string => {
    const raw = data[id];
    return raw === undefined || raw === '' ? text(context, label) : maskValue(id, raw);
  };
  const email = value('signatoryEmail', 'forms.field.signatoryEmail.label');
  await say(context, 'dialogs.pre.online.prerequisites', { email });
  if (data.hasMersis === false) await say(context, 'dialogs.pre.online.noMersisNote');
  if (data.signatoryIdType === 'passport') await say(context, 'dialogs.pre.online.passportNote');
  await say(context, 'dialogs.pre.online.screens', {
    email,
    mersisNo: value('mersisNo', 'forms.field.mersisNo.label'),
    tckn: value('signatoryTckn', 'forms.field.signatoryTckn.label'),
    website: value('website', 'forms.field.website.label'),
    phone: data.phone ? localPhone(data.phone) : text(context, 'forms.field.phone.label'),
    mobile: value('signatoryMobile', 'forms.field.signatoryMobile.label'),
  });
  const count = (n: number | undefined): string => (n === undefined ? '?' : n.toLocaleString('tr-TR'));
  await say(context, 'dialogs.pre.online.afterReview', {
    brands: (data.brands ?? []).map((b) => b.name).join(', '),
    messagesSent: count(data.statsMessagesSent),
    numbersAdded: count(data.statsNumbersAdded),
    refusals: count(data.statsRefusals),
  });
}

/** İYS's form takes the number as dialled in Turkey: +902121234567 → 0212 123 45 67. */
function localPhone(e164: string): string {
  const match = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return match ? `0${match.slice(1).join(' ')}` : e164;
}
