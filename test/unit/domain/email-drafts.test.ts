import type { CaseData } from '../../../src/domain/case';
import {
  CRLF,
  DOCUMENTS_WITHOUT_MERSIS,
  DOCUMENTS_WITH_MERSIS,
  MISSING,
  buildMailto,
  draftPackageOfferEmail,
  draftPartnerAssignmentEmail,
  draftPreApplicationEmail,
  type EmailDraft,
} from '../../../src/domain/email-drafts';
import type { IntegratorProfile } from '../../../src/domain/integrator';

const integrator: IntegratorProfile = {
  name: 'Örnek Entegratör A.Ş.',
  ccEmail: 'iys@entegrator.example',
  supportPhone: '+902120000000',
  panelUrl: 'https://panel.entegrator.example',
  iysIntegratorCode: '700123',
};

const full: CaseData = {
  route: 'manual',
  hasMersis: true,
  tradeTitle: 'Deneme Gıda Sanayi ve Ticaret A.Ş.',
  mersisNo: '0454053692000015',
  vkn: '4540536920',
  taxOffice: 'Beşiktaş',
  website: 'https://www.deneme.com.tr',
  phone: '+902124441234',
  city: 'İstanbul',
  district: 'Beşiktaş',
  address: 'Levazım Mah. Koru Sok. No:2 Kat:3',
  signatoryIdType: 'tckn',
  signatoryTckn: '17291716060',
  signatoryName: 'Ayşe Yıldız',
  signatoryEmail: 'ayse.yildiz@deneme.com.tr',
  signatoryMobile: '+905321234567',
};

/** Decodes a mailto link the way a mail client does. */
function decodeMailto(mailto: string): { to: string[]; params: Record<string, string> } {
  const [address = '', query = ''] = mailto.replace(/^mailto:/, '').split('?');
  const params: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const [key = '', value = ''] = pair.split('=');
    params[key] = decodeURIComponent(value);
  }
  return { to: address.split(',').map(decodeURIComponent), params };
}

function expectConsistentMailto(draft: EmailDraft): void {
  const decoded = decodeMailto(draft.mailto);
  expect(decoded.to).toEqual(draft.to);
  expect(decoded.params.subject).toBe(draft.subject);
  expect(decoded.params.body).toBe(draft.body);
  expect(decoded.params.cc ?? '').toBe(draft.cc.join(','));
  expect(draft.mailto).not.toMatch(/[\s\n]/);
  expect(draft.mailto).toContain('%0D%0A');
  expect(draft.body).not.toMatch(/[^\r]\n/);
  expect(draft.body + draft.subject).not.toMatch(/undefined|null|NaN/);
}

describe('pre-application e-mail', () => {
  it('with MERSİS: every item, the MERSİS documents, the cargo address, integrator in cc', () => {
    const draft = draftPreApplicationEmail(full, integrator);
    expect(draft.to).toEqual(['onkayit@iys.org.tr']);
    expect(draft.cc).toEqual(['iys@entegrator.example']);
    expect(draft.missing).toEqual([]);
    for (const value of [
      '17291716060',
      'Ayşe Yıldız',
      'ayse.yildiz@deneme.com.tr',
      '+905321234567',
      full.tradeTitle,
      'MERSİS numarası: 0454053692000015',
      '4540536920',
      'Vergi dairesi: Beşiktaş',
      'https://www.deneme.com.tr',
      '+902124441234',
      'İl: İstanbul',
      'İlçe: Beşiktaş',
      full.address,
      'İleti Yönetim Sistemi A.Ş.',
      'Esentepe Mah. Harman 1 Sokak No:10-5 TOBB Plaza',
      'Şişli/İstanbul',
      '0850 333 3338',
      integrator.name,
      ...DOCUMENTS_WITH_MERSIS,
    ]) {
      expect(draft.body).toContain(value);
    }
    expect(draft.body).not.toContain('Vergi levhası');
    expect(draft.subject).toContain(full.tradeTitle);
    expectConsistentMailto(draft);
  });

  it('without MERSİS: no MERSİS line, the other document list, passport for a foreign signatory', () => {
    const { mersisNo: _m, signatoryTckn: _t, ...rest } = full;
    const data: CaseData = {
      ...rest,
      hasMersis: false,
      signatoryIdType: 'passport',
      signatoryPassport: 'U1234567',
    };
    const draft = draftPreApplicationEmail(data, integrator);
    expect(draft.body).not.toContain('MERSİS numarası');
    expect(draft.body).not.toContain('T.C. Kimlik No');
    expect(draft.body).toContain('Pasaport numarası (yabancı uyruklu yetkili): U1234567');
    for (const doc of DOCUMENTS_WITHOUT_MERSIS) expect(draft.body).toContain(doc);
    expect(draft.body).not.toContain('Ticaret sicil gazetesi');
    expect(draft.body).toContain('Esentepe Mah. Harman 1 Sokak No:10-5 TOBB Plaza');
    expect(draft.missing).toEqual([]);
    expectConsistentMailto(draft);
  });

  it('shows a clear placeholder and lists missing data', () => {
    const draft = draftPreApplicationEmail({ tradeTitle: 'Deneme Ltd. Şti.' }, integrator);
    expect(draft.body).toContain(`Vergi dairesi: ${MISSING}`);
    expect(draft.body).toContain(`T.C. Kimlik No: ${MISSING}`);
    expect(draft.missing).toEqual(
      expect.arrayContaining(['hasMersis', 'signatoryTckn', 'mersisNo', 'vkn', 'address']),
    );
    expect(draft.missing).not.toContain('tradeTitle');
    expectConsistentMailto(draft);
  });
});

describe('package offer e-mail', () => {
  it('asks satis@ for package X for trade title T with İYS code N, sent to address A', () => {
    const draft = draftPackageOfferEmail({ ...full, iysCode: '123456' }, { packageName: 'İLETİ-25' });
    expect(draft.to).toEqual(['satis@iys.org.tr']);
    expect(draft.cc).toEqual([]);
    for (const value of ['İLETİ-25', full.tradeTitle, '123456', 'ayse.yildiz@deneme.com.tr']) {
      expect(draft.body).toContain(value);
    }
    expect(draft.missing).toEqual([]);
    expectConsistentMailto(draft);
    const other = draftPackageOfferEmail(full, {
      packageName: 'İLETİ-5',
      offerEmail: 'muhasebe@deneme.com.tr',
    });
    expect(other.body).toContain('muhasebe@deneme.com.tr');
    expect(other.missing).toEqual(['iysCode']);
  });
});

describe('partner assignment e-mail', () => {
  const assigned: CaseData = {
    ...full,
    iysCode: '123456',
    brands: [
      { name: 'Deneme', smsSenders: ['DENEME'], callNumbers: [], emailSenders: [] },
      { name: 'Lezzet', smsSenders: [], callNumbers: [], emailSenders: [] },
    ],
    brandCodes: { Deneme: '123456', Lezzet: '123457' },
    partnerRights: {
      Deneme: {
        MESAJ: { read: true, write: true },
        ARAMA: { read: false, write: false },
        EPOSTA: { read: true, write: true },
        reconciliation: true,
      },
      Lezzet: {
        MESAJ: { read: true, write: false },
        ARAMA: { read: false, write: false },
        EPOSTA: { read: false, write: false },
        reconciliation: false,
      },
    },
    ahs: { Deneme: [{ name: 'Turkcell', channels: ['MESAJ'] }] },
    approvedPhones: 3200,
    approvedEmails: 1200,
    addressCount: 3200,
  };

  it('lists per brand channels, rights, BrandKod and AHS, with the integrator in cc', () => {
    const draft = draftPartnerAssignmentEmail(assigned, integrator);
    expect(draft.to).toEqual(['isortagim@iys.org.tr']);
    expect(draft.cc).toEqual(['iys@entegrator.example']);
    for (const value of [
      '1. MARKA: Deneme',
      'BrandKod: 123456',
      '2. MARKA: Lezzet',
      'BrandKod: 123457',
      '- Mesaj (SMS): Okuma: Evet, Yazma: Evet',
      '- Arama: Okuma: Hayır, Yazma: Hayır',
      '- Mesaj (SMS): Okuma: Evet, Yazma: Hayır',
      '- Mutabakat Yönetimi: Evet',
      '- Mutabakat Yönetimi: Hayır',
      'AHS (aracı hizmet sağlayıcı): Turkcell – Mesaj (SMS) – yalnızca okuma yetkisi',
      'Örnek Entegratör A.Ş. (İş ortağı kodu: 700123)',
      'İYS numarası (İYSKod): 123456',
    ]) {
      expect(draft.body).toContain(value);
    }
    expect(draft.missing).toEqual([]);
    expectConsistentMailto(draft);
  });

  it('carries the under-5,000 declaration when it applies, and not otherwise', () => {
    const under = draftPartnerAssignmentEmail(assigned, integrator);
    expect(under.body).toContain(
      'BEYAN: Onaylı iletişim adresi sayımızın 5.000’den az olduğunu (toplam 3.200) beyan ederiz.',
    );
    const over = draftPartnerAssignmentEmail(
      { ...assigned, approvedPhones: 5000, addressCount: 5000 },
      integrator,
    );
    expect(over.body).not.toContain('BEYAN');
    const declined = draftPartnerAssignmentEmail({ ...assigned, under5000Declared: false }, integrator);
    expect(declined.body).not.toContain('BEYAN');
    const declared = draftPartnerAssignmentEmail({ ...full, under5000Declared: true }, integrator);
    expect(declared.body).toContain('5.000’den az olduğunu beyan ederiz.');
  });

  it('marks brands and rights that are missing', () => {
    const draft = draftPartnerAssignmentEmail(
      { tradeTitle: 'X A.Ş.', brandCodes: { X: '99999' } },
      integrator,
    );
    expect(draft.body).toContain(`Kanal ve yetkiler: ${MISSING}`);
    expect(draft.missing).toEqual(expect.arrayContaining(['partnerRights', 'iysCode', 'vkn']));
    const none = draftPartnerAssignmentEmail({}, { ...integrator, iysIntegratorCode: undefined });
    expect(none.missing).toContain('brands');
    expect(none.body).toContain('Yetkilendirilecek iş ortağı: Örnek Entegratör A.Ş.');
    expectConsistentMailto(none);
  });
});

describe('buildMailto', () => {
  it('encodes reserved characters and turns bare LF into CRLF', () => {
    const link = buildMailto(['a@b.com'], ['c@d.com', 'e+f@g.com'], 'Soru & cevap?', 'satır 1\nsatır 2');
    expect(link).toBe(
      'mailto:a@b.com?cc=c@d.com,e%2Bf@g.com&subject=Soru%20%26%20cevap%3F&body=sat%C4%B1r%201%0D%0Asat%C4%B1r%202',
    );
    expect(decodeMailto(link).params.body).toBe(`satır 1${CRLF}satır 2`);
  });
});
