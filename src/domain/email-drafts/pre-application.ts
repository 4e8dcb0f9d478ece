import type { CaseData } from '../case/case-data';
import type { IntegratorProfile } from '../integrator';
import { IYS_CARGO_ADDRESS, IYS_EMAILS } from '../iys-contacts';
import { DraftWriter, MISSING, type EmailDraft } from './draft';

/** Documents attached to a manual pre-application (DOMAIN.md step 1). */
export const DOCUMENTS_WITH_MERSIS = [
  'İmza sirküleri',
  'Ticaret sicil gazetesi',
  'Kaşeli ve imzalı Kullanım Taahhütnamesi',
] as const;

export const DOCUMENTS_WITHOUT_MERSIS = [
  'Vergi levhası fotokopisi (veya vergi numarasını gösteren bir belge)',
  'İşletme sahibinin kimlik fotokopisi',
  'Yetkilinin ticari unvan altında düzenlenmiş imza sirküleri',
  'Varsa oda kayıt belgesi',
  'Kaşeli ve imzalı Kullanım Taahhütnamesi',
] as const;

function writeSignatory(w: DraftWriter, data: CaseData): void {
  w.line('YETKİLİ KİŞİ BİLGİLERİ');
  if (data.signatoryIdType === 'passport') {
    w.field('Pasaport numarası (yabancı uyruklu yetkili)', 'signatoryPassport', data.signatoryPassport);
  } else {
    // Without an explicit choice the TCKN is asked for: most signatories are Turkish citizens.
    w.field('T.C. Kimlik No', 'signatoryTckn', data.signatoryTckn);
  }
  w.field('Adı soyadı', 'signatoryName', data.signatoryName);
  w.field('E-posta adresi', 'signatoryEmail', data.signatoryEmail);
  w.field('Cep telefonu', 'signatoryMobile', data.signatoryMobile);
}

function writeCompany(w: DraftWriter, data: CaseData, withMersis: boolean): void {
  w.line('ŞİRKET BİLGİLERİ');
  w.field('Ticari unvan', 'tradeTitle', data.tradeTitle);
  if (withMersis) w.field('MERSİS numarası', 'mersisNo', data.mersisNo);
  w.field('Vergi kimlik numarası', 'vkn', data.vkn);
  w.field('Vergi dairesi', 'taxOffice', data.taxOffice);
  w.field('Web sitesi', 'website', data.website);
  w.field('İletişim telefonu', 'phone', data.phone);
  w.field('İl', 'city', data.city);
  w.field('İlçe', 'district', data.district);
  w.field('Adres', 'address', data.address);
}

function writeDocuments(w: DraftWriter, withMersis: boolean): void {
  w.line(
    withMersis
      ? 'EKTEKİ BELGELER (MERSİS kaydı olan şirket)'
      : 'EKTEKİ BELGELER (MERSİS kaydı olmayan işletme)',
  );
  for (const doc of withMersis ? DOCUMENTS_WITH_MERSIS : DOCUMENTS_WITHOUT_MERSIS) w.line(`- ${doc}`);
  w.line();
  w.line(
    'Kullanım Taahhütnamesi’nin her sayfası kaşelenip imzalanmış aslını kargo ile aşağıdaki adrese gönderiyoruz:',
  );
  w.line(IYS_CARGO_ADDRESS.recipient);
  w.line(IYS_CARGO_ADDRESS.street);
  w.line(IYS_CARGO_ADDRESS.city);
  w.line(`Tel: ${IYS_CARGO_ADDRESS.phone}`);
}

/**
 * Manual pre-application to onkayit@iys.org.tr with the integrator in cc. Written in Turkish because it goes
 * to İYS. When `hasMersis` is unknown the MERSİS variant is drafted and `hasMersis` is reported missing.
 */
export function draftPreApplicationEmail(data: CaseData, integrator: IntegratorProfile): EmailDraft {
  const withMersis = data.hasMersis !== false;
  const w = new DraftWriter();
  if (data.hasMersis === undefined) w.markMissing('hasMersis');
  w.line('Sayın İleti Yönetim Sistemi Yetkilisi,');
  w.line();
  w.line(
    'Şirketimizin İleti Yönetim Sistemi’ne kaydı için manuel ön başvurumuzu iletiyoruz. Başvuru bilgilerimiz aşağıdadır; gerekli belgeler ekte yer almaktadır.',
  );
  w.line();
  writeSignatory(w, data);
  w.line();
  writeCompany(w, data, withMersis);
  w.line();
  writeDocuments(w, withMersis);
  w.line();
  w.line(`Entegratörümüz ${integrator.name} bu e-postaya bilgi (cc) olarak eklenmiştir.`);
  w.line();
  w.line('Saygılarımızla,');
  w.line(data.signatoryName ?? MISSING);
  w.line(data.tradeTitle ?? MISSING);
  const subject = `İYS Ön Başvuru – ${data.tradeTitle ?? MISSING}`;
  return w.finish([IYS_EMAILS.preApplication], [integrator.ccEmail], subject);
}
