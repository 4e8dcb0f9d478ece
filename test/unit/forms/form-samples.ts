import type { FormId, FormParams, RawFormValues } from '../../../src/domain/forms';

/** A valid, realistic submit for each form (raw strings, as a card sends them) with the spec parameters. */
export interface FormSample {
  readonly params: FormParams;
  readonly raw: RawFormValues;
}

export const FORM_SAMPLES: Readonly<Record<FormId, FormSample>> = {
  route: { params: {}, raw: { route: 'online' } },
  company: {
    params: {},
    raw: {
      hasMersis: 'true',
      mersisNo: '0454053692000015',
      tradeTitle: 'Örnek Ticaret Anonim Şirketi',
      vkn: '4540536920',
      taxOffice: 'Mecidiyeköy',
      website: 'www.ornek.com.tr',
      phone: '0212 123 45 67',
      city: 'İstanbul',
      district: 'Şişli',
      address: 'Esentepe Mah. Büyükdere Cad. No: 1 Kat: 5',
    },
  },
  signatory: {
    params: {},
    raw: {
      signatoryIdType: 'tckn',
      signatoryTckn: '17291716060',
      signatoryName: 'Ayşe Yılmaz',
      signatoryEmail: 'ayse.yilmaz@ornek.com.tr',
      signatoryMobile: '0532 123 45 67',
    },
  },
  brand: {
    params: {},
    raw: {
      name: 'Örnek',
      smsSenders: 'ORNEK, ORNEKMARKA',
      callNumbers: '0850 123 45 67',
      emailSenders: 'bulten@ornek.com.tr\nkampanya@ornek.com.tr',
      reachBySms: '12.500',
      reachByCall: '0',
      reachByEmail: '40000',
    },
  },
  statistics: {
    params: {},
    raw: { statsMessagesSent: '250000', statsNumbersAdded: '1.200', statsRefusals: '35' },
  },
  application: { params: {}, raw: { applicationNo: 'MX3ZB5JA' } },
  package: {
    params: {},
    raw: {
      approvedPhones: '150000',
      approvedEmails: '200000',
      paymentMethod: 'bank_transfer',
      orderCode: 'SP-2024-0042',
    },
  },
  partnerRights: {
    params: { brand: 'Örnek', addressCount: 3200 },
    raw: {
      'partnerRights.MESAJ': 'readWrite',
      'partnerRights.ARAMA': 'read',
      'partnerRights.EPOSTA': 'readWrite',
      'partnerRights.reconciliation': 'true',
      under5000Declared: 'true',
      'ahs.name': 'Turkcell',
      'ahs.channels': 'MESAJ',
    },
  },
  iysCodes: {
    params: { brands: ['Örnek', 'Örnek Outlet'] },
    raw: { iysCode: '675403', 'brandCodes.0': '675403', 'brandCodes.1': '660651' },
  },
  panel: { params: {}, raw: { panelChoice: 'integrator_assigned', panelAccuracyAccepted: 'true' } },
};
