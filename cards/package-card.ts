import { isMessageKey, translator, type Locale, type Translator } from '../src/i18n';
import type { PackageCatalog, PackageRecommendation, PackageTier } from '../src/domain/packages';
import { submitAction, type CardActionSpec } from './card-action';
import { adaptiveCard, type AdaptiveCardJson, type CardElement } from './card-json';
import { factSet, heading, textBlock } from './card-parts';
import { formatCount, formatMoney } from './format';

export const PACKAGE_CARD_ID = 'packageRecommendation';

export interface PackageCardOptions {
  readonly recommendation: PackageRecommendation;
  readonly catalog: PackageCatalog;
  readonly approvedPhones: number;
  readonly approvedEmails: number;
  readonly locale: Locale;
  readonly actions?: readonly CardActionSpec[];
}

function priceText(tr: Translator, locale: Locale, tier: PackageTier, currency: string): string {
  const price = tier.price;
  if (price.kind === 'free') return tr('cards.package.price.free');
  if (price.kind === 'free_limited_time') return tr('cards.package.price.freeLimited');
  const amount = formatMoney(locale, price.amount, currency);
  const key = price.vatIncluded ? 'cards.package.price.paidVat' : 'cards.package.price.paid';
  return tr(key, { amount, asOf: price.asOf });
}

function facts(tr: Translator, options: PackageCardOptions): CardElement {
  const { recommendation: rec, catalog, locale } = options;
  const rows: [string, string][] = [
    [tr('cards.package.approvedPhones'), formatCount(locale, options.approvedPhones)],
    [tr('cards.package.approvedEmails'), formatCount(locale, options.approvedEmails)],
    [tr('cards.package.addressCount'), formatCount(locale, rec.addressCount)],
  ];
  if (rec.tier) {
    rows.push([tr('cards.package.limit'), formatCount(locale, rec.tier.maxAddresses)]);
    rows.push([tr('cards.package.price'), priceText(tr, locale, rec.tier, catalog.currency)]);
    rows.push([tr('cards.package.validity'), tr('cards.package.months', { months: catalog.validityMonths })]);
  }
  return factSet(rows);
}

/** Counts in the reason read better grouped ("200.000"); other params pass through. */
function reasonText(tr: Translator, locale: Locale, rec: PackageRecommendation): string | undefined {
  const key = rec.reason.key;
  if (!isMessageKey(key)) return undefined;
  const params = Object.entries(rec.reason.params).map(([k, v]) => [
    k,
    typeof v === 'number' ? formatCount(locale, v) : v,
  ]);
  return tr(key, Object.fromEntries(params));
}

/** The İLETİ package that fits the approved address counts, why, its price (from configuration) and how to buy. */
export function renderPackageCard(options: PackageCardOptions): AdaptiveCardJson {
  const tr = translator(options.locale);
  const rec = options.recommendation;
  const name = rec.tier?.name ?? options.catalog.unlimited.name;
  const body: CardElement[] = heading(tr('cards.package.title', { name }));
  body.push(facts(tr, options));
  const reason = reasonText(tr, options.locale, rec);
  if (reason) body.push(textBlock(reason, { spacing: 'medium' }));
  const note = rec.tier?.note ?? options.catalog.unlimited.note;
  body.push(textBlock(note[options.locale], { isSubtle: true, size: 'small' }));
  if (rec.under5000) body.push(textBlock(tr('domain.package.under5000'), { color: 'warning' }));
  body.push(
    textBlock(tr('cards.package.howToBuy'), { weight: 'bolder', separator: true, spacing: 'medium' }),
  );
  body.push(textBlock(tr('cards.package.buyInPanel'), { spacing: 'small' }));
  body.push(textBlock(tr('cards.package.buyByEmail'), { spacing: 'small' }));
  const actions = (options.actions ?? []).map((a, i) => submitAction(PACKAGE_CARD_ID, a, i === 0));
  return adaptiveCard(body, actions);
}
