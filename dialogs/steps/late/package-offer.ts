import type { TurnContext } from 'botbuilder';
import { renderPackageCard } from '../../../cards';
import { formatCount } from '../../../cards/format';
import type { CaseData } from '../../../src/domain/case';
import { draftPackageOfferEmail } from '../../../src/domain/email-drafts';
import {
  recommendPackage,
  type PackageCatalog,
  type PackageRecommendation,
} from '../../../src/domain/packages';
import { isMessageKey, t } from '../../../src/i18n';
import { say, sendCard } from '../../base/say';
import { sessionOf } from '../../ports';
import { sendEmailDraft } from './email-draft';

export interface Recommended {
  readonly recommendation: PackageRecommendation;
  /** Display name ("İLETİ-250", or "İLETİ+" above every tier). */
  readonly name: string;
  /** Catalog id stored as `packageTier`. */
  readonly id: string;
}

export function recommendFor(catalog: PackageCatalog, data: Partial<CaseData>): Recommended {
  const recommendation = recommendPackage(catalog, {
    approvedPhones: data.approvedPhones ?? 0,
    approvedEmails: data.approvedEmails ?? 0,
  });
  const tier = recommendation.tier ?? catalog.unlimited;
  return { recommendation, name: tier.name, id: tier.id };
}

function reasonText(context: TurnContext, rec: PackageRecommendation): string {
  const locale = sessionOf(context).locale;
  if (!isMessageKey(rec.reason.key)) return '';
  const params = Object.entries(rec.reason.params).map(([k, v]) => [
    k,
    typeof v === 'number' ? formatCount(locale, v) : v,
  ]);
  return t(locale, rec.reason.key, Object.fromEntries(params));
}

/** The recommendation with its reason: the package card where cards render, the same as text elsewhere. */
async function sendRecommendation(
  context: TurnContext,
  catalog: PackageCatalog,
  rec: Recommended,
): Promise<void> {
  const session = sessionOf(context);
  if (!session.cardsSupported) {
    const reason = reasonText(context, rec.recommendation);
    await say(context, 'dialogs.package.recommendation', { package: rec.name, reason });
    return;
  }
  const card = renderPackageCard({
    recommendation: rec.recommendation,
    catalog,
    approvedPhones: session.case.data.approvedPhones ?? 0,
    approvedEmails: session.case.data.approvedEmails ?? 0,
    locale: session.locale,
  });
  await sendCard(context, card);
}

/**
 * The recommendation, then the two ways to buy: the İYS panel (with the details the card leaves out:
 * instalments, the transfer description, muhasebe@) and an offer request to satis@ with a ready draft.
 * Above every tier only the offer route applies: İLETİ+ is agreed with İYS.
 */
export async function presentPackage(
  context: TurnContext,
  catalog: PackageCatalog,
  rec: Recommended,
): Promise<void> {
  await sendRecommendation(context, catalog, rec);
  if (rec.recommendation.contactIys) {
    await say(context, 'dialogs.package.contactIys', { package: rec.name });
  } else {
    await say(context, 'dialogs.package.panelRoute', { package: rec.name });
    await say(context, 'dialogs.package.emailRoute');
  }
  const draft = draftPackageOfferEmail(sessionOf(context).case.data, { packageName: rec.name });
  await sendEmailDraft(context, draft, 'packageOffer');
}
