import type { BrandRights, CaseData, IysChannel } from '../case/case-data';
import type { IntegratorProfile } from '../integrator';
import { IYS_EMAILS } from '../iys-contacts';
import { UNDER_5000_THRESHOLD } from '../packages';
import { DraftWriter, MISSING, formatCountTr, type EmailDraft } from './draft';

/** İYS panel wording of the channels (Mesaj / Arama / E-posta). */
export const CHANNEL_LABELS_TR: Readonly<Record<IysChannel, string>> = {
  MESAJ: 'Mesaj (SMS)',
  ARAMA: 'Arama',
  EPOSTA: 'E-posta',
};

const CHANNELS: readonly IysChannel[] = ['MESAJ', 'ARAMA', 'EPOSTA'];

function yesNo(value: boolean): string {
  return value ? 'Evet' : 'Hayır';
}

/** Brands named anywhere in the dossier, in the order the customer listed them. */
function brandNames(data: CaseData): string[] {
  const names = [
    ...(data.brands ?? []).map((b) => b.name),
    ...Object.keys(data.partnerRights ?? {}),
    ...Object.keys(data.brandCodes ?? {}),
  ];
  return [...new Set(names)];
}

function writeRights(w: DraftWriter, rights: BrandRights | undefined): void {
  if (!rights) {
    w.markMissing('partnerRights');
    w.line(`Kanal ve yetkiler: ${MISSING}`);
    return;
  }
  w.line('Kanal ve yetkiler:');
  for (const channel of CHANNELS) {
    const right = rights[channel];
    w.line(`- ${CHANNEL_LABELS_TR[channel]}: Okuma: ${yesNo(right.read)}, Yazma: ${yesNo(right.write)}`);
  }
  w.line(`- Mutabakat Yönetimi: ${yesNo(rights.reconciliation)}`);
}

function writeBrand(w: DraftWriter, data: CaseData, brand: string, index: number): void {
  w.line(`${index + 1}. MARKA: ${brand}`);
  w.field('BrandKod', 'brandCodes', data.brandCodes?.[brand]);
  writeRights(w, data.partnerRights?.[brand]);
  const ahsList = data.ahs?.[brand] ?? [];
  for (const ahs of ahsList) {
    const channels = ahs.channels.map((c) => CHANNEL_LABELS_TR[c]).join(', ');
    w.line(`AHS (aracı hizmet sağlayıcı): ${ahs.name} – ${channels} – yalnızca okuma yetkisi`);
  }
}

/**
 * Whether the "fewer than 5,000 approved addresses" declaration goes into the form: the customer's explicit
 * answer wins; without one it follows the approved counts when they are known.
 */
export function under5000Applies(data: CaseData): boolean {
  if (data.under5000Declared !== undefined) return data.under5000Declared;
  const counts = [data.addressCount, data.approvedPhones, data.approvedEmails].filter(
    (n): n is number => n !== undefined,
  );
  return counts.length > 0 && Math.max(...counts) < UNDER_5000_THRESHOLD;
}

/** Partner (İş Ortağı) assignment request to isortagim@iys.org.tr with the integrator in cc (step 5b). */
export function draftPartnerAssignmentEmail(data: CaseData, integrator: IntegratorProfile): EmailDraft {
  const w = new DraftWriter();
  w.line('Sayın İleti Yönetim Sistemi Yetkilisi,');
  w.line();
  w.line(
    `Aşağıda belirtilen markalarımız için ${integrator.name} firmasının İş Ortağı (entegratör) olarak yetkilendirilmesini talep ediyoruz.`,
  );
  w.line();
  w.field('Ticari unvan', 'tradeTitle', data.tradeTitle);
  w.field('İYS numarası (İYSKod)', 'iysCode', data.iysCode);
  w.field('Vergi kimlik numarası', 'vkn', data.vkn);
  const partner = integrator.iysIntegratorCode
    ? `${integrator.name} (İş ortağı kodu: ${integrator.iysIntegratorCode})`
    : integrator.name;
  w.line(`Yetkilendirilecek iş ortağı: ${partner}`);
  w.line();
  const brands = brandNames(data);
  if (brands.length === 0) {
    w.markMissing('brands');
    w.line(`Marka: ${MISSING}`);
  }
  brands.forEach((brand, i) => {
    writeBrand(w, data, brand, i);
    w.line();
  });
  if (under5000Applies(data)) {
    const count = data.addressCount === undefined ? '' : ` (toplam ${formatCountTr(data.addressCount)})`;
    w.line(
      `BEYAN: Onaylı iletişim adresi sayımızın ${formatCountTr(UNDER_5000_THRESHOLD)}’den az olduğunu${count} beyan ederiz.`,
    );
    w.line();
  }
  w.line('Saygılarımızla,');
  w.line(data.signatoryName ?? MISSING);
  w.line(data.tradeTitle ?? MISSING);
  const subject = `İş Ortağı ataması – ${data.tradeTitle ?? MISSING}`;
  return w.finish([IYS_EMAILS.partnerAssignment], [integrator.ccEmail], subject);
}
