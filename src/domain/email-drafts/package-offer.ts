import type { CaseData } from '../case/case-data';
import { IYS_EMAILS } from '../iys-contacts';
import { DraftWriter, MISSING, type EmailDraft } from './draft';

export interface PackageOfferInput {
  /** Display name of the package, e.g. "İLETİ-25" (from the package catalog). */
  readonly packageName?: string;
  /** Where İYS should send the offer; defaults to the signatory's e-mail address. */
  readonly offerEmail?: string;
}

/**
 * Offer request to satis@iys.org.tr. İYS expects it from the company's corporate address, so the customer
 * sends it themselves; no cc is needed (DOMAIN.md step 4b).
 */
export function draftPackageOfferEmail(data: CaseData, input: PackageOfferInput = {}): EmailDraft {
  const offerEmail = input.offerEmail ?? data.signatoryEmail;
  const w = new DraftWriter();
  if (!input.packageName) w.markMissing('packageTier');
  if (!data.tradeTitle) w.markMissing('tradeTitle');
  if (!data.iysCode) w.markMissing('iysCode');
  if (!offerEmail) w.markMissing('signatoryEmail');
  const packageName = input.packageName ?? MISSING;
  w.line('Merhaba,');
  w.line();
  w.line(
    `${data.tradeTitle ?? MISSING} unvanlı şirketimiz (İYS numarası: ${data.iysCode ?? MISSING}) için ${packageName} paketine ilişkin teklif talep ediyoruz.`,
  );
  w.line(`Teklifin ${offerEmail ?? MISSING} adresine gönderilmesini rica ederiz.`);
  w.line();
  w.field('Ticari unvan', 'tradeTitle', data.tradeTitle);
  w.field('İYS numarası (İYSKod)', 'iysCode', data.iysCode);
  w.field('Talep edilen paket', 'packageTier', input.packageName);
  w.field('Teklifin gönderileceği adres', 'signatoryEmail', offerEmail);
  w.line();
  w.line('Saygılarımızla,');
  w.line(data.signatoryName ?? MISSING);
  w.line(data.tradeTitle ?? MISSING);
  const subject = `${packageName} paket teklifi talebi – ${data.tradeTitle ?? MISSING}`;
  return w.finish([IYS_EMAILS.sales], [], subject);
}
