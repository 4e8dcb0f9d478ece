import { IYS_CHANNELS, type BrandRights, type CaseData, type IysChannel } from '../../../src/domain/case';
import type { Translator } from '../../../src/i18n';

function rightsKey(read: boolean, write: boolean) {
  if (read && write) return 'forms.choice.rights.readWrite' as const;
  if (read) return 'forms.choice.rights.read' as const;
  return 'forms.choice.rights.write' as const;
}

/** "Mesaj (SMS): Okuma ve yazma; …; Mutabakat Yönetimi" — only what is granted, so it reads like the panel. */
export function rightsText(tr: Translator, rights: BrandRights | undefined): string {
  if (!rights) return tr('dialogs.partner.noRights');
  const parts = IYS_CHANNELS.flatMap((channel) => {
    const { read, write } = rights[channel];
    if (!read && !write) return [];
    return [`${tr(`forms.choice.channel.${channel}`)}: ${tr(rightsKey(read, write))}`];
  });
  if (rights.reconciliation) parts.push(tr('dialogs.partner.reconciliation'));
  return parts.length > 0 ? parts.join('; ') : tr('dialogs.partner.noRights');
}

export function channelsText(tr: Translator, channels: readonly IysChannel[]): string {
  return channels.map((c) => tr(`forms.choice.channel.${c}`)).join(', ');
}

/** The per-brand rights and AHS lines shown before the panel instructions. */
export function rightsSummary(tr: Translator, data: Partial<CaseData>, brands: readonly string[]): string {
  const lines = brands.map((brand) =>
    tr('dialogs.partner.brandLine', { brand, rights: rightsText(tr, data.partnerRights?.[brand]) }),
  );
  for (const brand of brands) {
    for (const ahs of data.ahs?.[brand] ?? []) {
      lines.push(
        tr('dialogs.partner.ahsLine', { brand, name: ahs.name, channels: channelsText(tr, ahs.channels) }),
      );
    }
  }
  return `${tr('dialogs.partner.summaryTitle')}\n\n${lines.map((l) => `- ${l}`).join('\n')}`;
}
