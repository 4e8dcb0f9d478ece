import { translator, type Locale, type Translator } from '../src/i18n';
import { IYS_CHANNELS, maskValue, type BrandRights, type CaseData } from '../src/domain/case';
import { submitAction, type CardActionSpec } from './card-action';
import { adaptiveCard, type AdaptiveCardJson, type CardElement } from './card-json';
import { factSet, heading, textBlock } from './card-parts';
import { formatCount } from './format';

export const SUMMARY_CARD_ID = 'completionSummary';

export interface SummaryCardOptions {
  readonly data: CaseData;
  readonly locale: Locale;
  /** Display name of the package tier (from the catalog); falls back to the stored tier id. */
  readonly packageName?: string;
  readonly actions?: readonly CardActionSpec[];
}

function rightsText(tr: Translator, rights: BrandRights | undefined): string {
  if (!rights) return '—';
  const parts = IYS_CHANNELS.flatMap((channel) => {
    const r = rights[channel];
    const granted = [r.read ? tr('domain.right.read') : '', r.write ? tr('domain.right.write') : ''].filter(
      Boolean,
    );
    return granted.length > 0 ? [`${tr(`domain.channel.${channel}`)}: ${granted.join(' + ')}`] : [];
  });
  if (rights.reconciliation) parts.push(tr('domain.right.reconciliation'));
  return parts.length > 0 ? parts.join('; ') : '—';
}

function companyFacts(tr: Translator, options: SummaryCardOptions): CardElement {
  const d = options.data;
  const rows: [string, string][] = [
    [tr('forms.field.tradeTitle.label'), d.tradeTitle ?? '—'],
    [tr('forms.field.vkn.label'), d.vkn ?? '—'],
    [tr('forms.field.iysCode.label'), d.iysCode ?? '—'],
    [tr('cards.summary.package'), options.packageName ?? d.packageTier ?? '—'],
  ];
  if (d.addressCount !== undefined)
    rows.push([tr('cards.package.addressCount'), formatCount(options.locale, d.addressCount)]);
  if (d.signatoryName)
    rows.push([tr('cards.summary.signatory'), maskValue('signatoryName', d.signatoryName)]);
  if (d.panelChoice)
    rows.push([tr('forms.field.panelChoice.label'), tr(`forms.choice.panel.${d.panelChoice}`)]);
  return factSet(rows);
}

function brandBlocks(tr: Translator, data: CaseData): CardElement[] {
  return (data.brands ?? []).map((brand) => {
    const rows: [string, string][] = [
      [tr('cards.summary.brandCode'), data.brandCodes?.[brand.name] ?? '—'],
      [tr('cards.summary.rights'), rightsText(tr, data.partnerRights?.[brand.name])],
    ];
    const ahs = data.ahs?.[brand.name] ?? [];
    if (ahs.length > 0) rows.push([tr('cards.summary.ahs'), ahs.map((a) => a.name).join(', ')]);
    return {
      type: 'Container',
      spacing: 'medium',
      items: [textBlock(brand.name, { weight: 'bolder' }), factSet(rows)],
    };
  });
}

/** The end of the journey: what was registered, per brand, with personal data masked. */
export function renderSummaryCard(options: SummaryCardOptions): AdaptiveCardJson {
  const tr = translator(options.locale);
  const body: CardElement[] = heading(tr('cards.summary.title'), tr('cards.summary.intro'));
  body.push(companyFacts(tr, options));
  const brands = brandBlocks(tr, options.data);
  if (brands.length > 0)
    body.push(
      textBlock(tr('cards.summary.brands'), { weight: 'bolder', separator: true, spacing: 'medium' }),
      ...brands,
    );
  body.push(textBlock(tr('cards.summary.next'), { isSubtle: true, spacing: 'medium' }));
  const actions = (options.actions ?? []).map((a, i) => submitAction(SUMMARY_CARD_ID, a, i === 0));
  return adaptiveCard(body, actions);
}
