import { CaseDataSchema, type CaseData } from '../../../src/domain/case';
import type { IntegratorAuthorization } from '../../../src/iys';
import { compareCodes, normaliseBrandName, partnerAssignmentStatus } from '../../../src/iys/verification';

const all = { read: true, write: true };
const none = { read: false, write: false };
const fullRights = { MESAJ: all, ARAMA: all, EPOSTA: all, reconciliation: true };

/** Two brands the customer assigned with every right, plus one whose BrandKod was mistyped. */
const data: CaseData = CaseDataSchema.parse({
  iysCode: '654321',
  brands: [{ name: 'Kahve Dünyası' }, { name: 'Çay Bahçesi' }, { name: 'Simit Sarayı' }],
  brandCodes: { 'Kahve Dünyası': '654321', 'Çay Bahçesi': '654322', 'Simit Sarayı': '654399' },
  partnerRights: { 'Kahve Dünyası': fullRights, 'Çay Bahçesi': fullRights, 'Simit Sarayı': fullRights },
});

const iysBrands = [
  { brandCode: '654321', name: 'KAHVE DÜNYASI', master: true },
  { brandCode: '654322', name: 'Cay Bahcesi' },
  { brandCode: '654323', name: 'SİMİT SARAYI' },
  { brandCode: '654324', name: 'Lokum Evi' },
];

describe('normaliseBrandName', () => {
  it('ignores case, Turkish diacritics, dotted/dotless i, spaces and punctuation', () => {
    expect(normaliseBrandName('ŞEKER A.Ş.')).toBe('sekeras');
    expect(normaliseBrandName('Işık İlaç')).toBe(normaliseBrandName('isik ilac'));
    expect(normaliseBrandName('Çay Bahçesi')).toBe(normaliseBrandName('CAY-BAHCESI'));
  });
});

describe('compareCodes', () => {
  const result = compareCodes(data, iysBrands);

  it('matches entered BrandKods by code and flags name agreement as a hint', () => {
    expect(result.matched).toEqual([
      { brand: 'Kahve Dünyası', brandCode: '654321', iysName: 'KAHVE DÜNYASI', nameMatches: true },
      { brand: 'Çay Bahçesi', brandCode: '654322', iysName: 'Cay Bahcesi', nameMatches: true },
    ]);
  });

  it('reports a wrong BrandKod and suggests the İYS brand with the same name', () => {
    expect(result.unmatched).toEqual([
      {
        brand: 'Simit Sarayı',
        brandCode: '654399',
        suggestion: { brandCode: '654323', name: 'SİMİT SARAYI' },
      },
    ]);
    expect(result.allMatched).toBe(false);
  });

  it('lists brands İYS knows that the customer did not mention', () => {
    expect(result.unmentioned).toEqual([
      { brandCode: '654323', name: 'SİMİT SARAYI', similarTo: 'Simit Sarayı' },
      { brandCode: '654324', name: 'Lokum Evi' },
    ]);
  });

  it('notes brands without a code, and matches codes despite leading zeros', () => {
    const partial = CaseDataSchema.parse({
      brands: [{ name: 'Kahve Dünyası' }, { name: 'Yeni Marka' }],
      brandCodes: { 'Kahve Dünyası': '0654321' },
    });
    const r = compareCodes(partial, iysBrands);
    expect(r.matched.map((m) => m.brand)).toEqual(['Kahve Dünyası']);
    expect(r.withoutCode).toEqual(['Yeni Marka']);
    expect(r.allMatched).toBe(false);
  });

  it('says all matched only when every brand has a known code', () => {
    const good = CaseDataSchema.parse({ brands: [{ name: 'X' }], brandCodes: { X: '654324' } });
    expect(compareCodes(good, iysBrands)).toMatchObject({ allMatched: true, unmatched: [], withoutCode: [] });
    expect(compareCodes(CaseDataSchema.parse({}), iysBrands).allMatched).toBe(false);
  });
});

describe('partnerAssignmentStatus', () => {
  const authorization: IntegratorAuthorization = [
    {
      brandCode: '654321',
      name: 'KAHVE DÜNYASI',
      rights: { MESAJ: all, ARAMA: all, EPOSTA: all },
      reconciliation: true,
    },
    {
      brandCode: '654322',
      name: 'Cay Bahcesi',
      rights: { MESAJ: all, ARAMA: all, EPOSTA: none },
      reconciliation: true,
    },
  ];
  const status = partnerAssignmentStatus(data, authorization);

  it('confirms a brand İYS lists with every declared right', () => {
    expect(status.brands[0]).toEqual({
      brand: 'Kahve Dünyası',
      brandCode: '654321',
      status: 'confirmed',
      rights: { MESAJ: all, ARAMA: all, EPOSTA: all },
      reconciliation: true,
      gaps: [],
      reconciliationMissing: false,
      complete: true,
    });
  });

  it('confirms a brand missing one channel, and names the channel', () => {
    expect(status.brands[1]).toMatchObject({
      brand: 'Çay Bahçesi',
      status: 'confirmed',
      gaps: [{ channel: 'EPOSTA', read: true, write: true }],
      complete: false,
    });
  });

  it('reports a brand İYS does not list as missing', () => {
    expect(status.brands[2]).toEqual({ brand: 'Simit Sarayı', brandCode: '654399', status: 'missing' });
    expect(status).toMatchObject({ allConfirmed: false, allComplete: false });
  });

  it('only asks for what the customer declared, and treats unknown reconciliation as no gap', () => {
    const smsOnly = CaseDataSchema.parse({
      brands: [{ name: 'A' }, { name: 'B' }],
      brandCodes: { A: '1', B: '2' },
      partnerRights: {
        A: { MESAJ: { read: true, write: false }, ARAMA: none, EPOSTA: none, reconciliation: true },
      },
    });
    const r = partnerAssignmentStatus(smsOnly, [
      {
        brandCode: '1',
        name: 'A',
        rights: { MESAJ: { read: true, write: false }, ARAMA: none, EPOSTA: none },
      },
      {
        brandCode: '2',
        name: 'B',
        rights: { MESAJ: none, ARAMA: none, EPOSTA: none },
        reconciliation: false,
      },
    ]);
    expect(r.brands.map((b) => b.status === 'confirmed' && b.complete)).toEqual([true, true]);
    expect(r).toMatchObject({ allConfirmed: true, allComplete: true });
  });

  it('flags reconciliation İYS explicitly denies, and brands without a BrandKod', () => {
    const r = partnerAssignmentStatus(
      CaseDataSchema.parse({
        brands: [{ name: 'A' }, { name: 'B' }],
        brandCodes: { A: '1' },
        partnerRights: { A: fullRights },
      }),
      [{ brandCode: '1', name: 'A', rights: { MESAJ: all, ARAMA: all, EPOSTA: all }, reconciliation: false }],
    );
    expect(r.brands).toMatchObject([
      { brand: 'A', status: 'confirmed', reconciliationMissing: true, complete: false },
      { brand: 'B', status: 'no_code' },
    ]);
  });
});
