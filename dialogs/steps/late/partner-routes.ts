import type { TurnContext } from 'botbuilder';
import { draftPartnerAssignmentEmail, under5000Applies } from '../../../src/domain/email-drafts';
import type { IntegratorProfile } from '../../../src/domain/integrator';
import { translator } from '../../../src/i18n';
import { say } from '../../base/say';
import { sessionOf } from '../../ports';
import { brandNamesOf } from './codes-text';
import { sendEmailDraft } from './email-draft';
import { channelsText, rightsSummary } from './rights-text';

/**
 * What the customer does in İYS after telling us the rights: the panel route (signatory only, via
 * e-Devlet), an AHS per brand where one was named, and the isortagim@ e-mail route with a ready draft that
 * carries the under-5,000 declaration when it applies.
 */
export async function explainPartnerRoutes(
  context: TurnContext,
  integrator: IntegratorProfile,
): Promise<void> {
  const session = sessionOf(context);
  const tr = translator(session.locale);
  const data = session.case.data;
  const brands = brandNamesOf(data);
  await context.sendActivity(rightsSummary(tr, data, brands));
  const partner = integrator.iysIntegratorCode
    ? tr('dialogs.partner.partnerWithCode', { name: integrator.name, code: integrator.iysIntegratorCode })
    : tr('dialogs.partner.partner', { name: integrator.name });
  await say(context, 'dialogs.partner.panelRoute', { partner });
  for (const ahs of brands.flatMap((brand) => data.ahs?.[brand] ?? [])) {
    await say(context, 'dialogs.partner.ahsRoute', {
      name: ahs.name,
      channels: channelsText(tr, ahs.channels),
    });
  }
  await say(context, 'dialogs.partner.otherUsers');
  await say(context, 'dialogs.partner.emailRoute', { integratorName: integrator.name });
  if (under5000Applies(data)) await say(context, 'dialogs.partner.under5000');
  await sendEmailDraft(context, draftPartnerAssignmentEmail(data, integrator), 'partnerAssignment');
}

/** Brands of the case split by whether the assignment is confirmed (by the İYS API or an agent). */
export function confirmationState(context: TurnContext): { confirmed: string[]; open: string[] } {
  const data = sessionOf(context).case.data;
  const brands = brandNamesOf(data);
  const confirmed = brands.filter((b) => data.partnerConfirmed?.[b] !== undefined);
  return { confirmed, open: brands.filter((b) => !confirmed.includes(b)) };
}
