import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PackageCatalogError,
  addressCount,
  parsePackageCatalog,
  recommendPackage,
  type PackageCatalog,
} from '../../../src/domain/packages';

const raw: unknown = JSON.parse(readFileSync(join(__dirname, '../../../config/packages.json'), 'utf8'));
const catalog: PackageCatalog = parsePackageCatalog(raw);

function tierFor(approvedPhones: number, approvedEmails = 0): string | undefined {
  return recommendPackage(catalog, { approvedPhones, approvedEmails }).tier?.name;
}

describe('package catalog file', () => {
  it('holds the documented tiers, limits and price facts', () => {
    expect(catalog.tiers.map((t) => [t.name, t.maxAddresses])).toEqual([
      ['İLETİ-5', 5000],
      ['İLETİ-25', 25000],
      ['İLETİ-75', 75000],
      ['İLETİ-150', 150000],
      ['İLETİ-250', 250000],
    ]);
    expect(catalog.tiers[0]?.price).toEqual({ kind: 'free' });
    expect(catalog.tiers[1]?.price.kind).toBe('free_limited_time');
    expect(catalog.tiers[2]?.price.kind).toBe('free_limited_time');
    expect(catalog.tiers[3]?.price).toMatchObject({ kind: 'paid', amount: 5097.6, vatIncluded: true });
    expect(catalog.tiers[3]?.price).toHaveProperty('asOf');
    expect(catalog.basic).toMatchObject({ name: 'Temel Hizmetler', free: true, integration: false });
    expect(catalog.unlimited.name).toBe('İLETİ+');
  });

  it('refuses a broken catalog with a readable error', () => {
    const shuffled = { ...(raw as PackageCatalog), tiers: [...(raw as PackageCatalog).tiers].reverse() };
    expect(() => parsePackageCatalog(shuffled)).toThrow(PackageCatalogError);
    expect(() => parsePackageCatalog(shuffled)).toThrow(/tiers\.1\.maxAddresses/);
    expect(() => parsePackageCatalog({})).toThrow(/Invalid package catalog/);
  });
});

describe('package recommendation', () => {
  it('takes the larger of approved phones and e-mails', () => {
    expect(addressCount({ approvedPhones: 150000, approvedEmails: 200000 })).toBe(200000);
    expect(addressCount({ approvedPhones: 12 })).toBe(12);
    expect(addressCount({})).toBe(0);
  });

  it('picks the smallest tier at the boundaries', () => {
    expect(tierFor(0)).toBe('İLETİ-5');
    expect(tierFor(5000)).toBe('İLETİ-5');
    expect(tierFor(5001)).toBe('İLETİ-25');
    expect(tierFor(25000)).toBe('İLETİ-25');
    expect(tierFor(75001)).toBe('İLETİ-150');
    expect(tierFor(250000)).toBe('İLETİ-250');
    expect(tierFor(0, 250000)).toBe('İLETİ-250');
  });

  it('sends counts above the largest tier to İLETİ+ (contact İYS)', () => {
    const rec = recommendPackage(catalog, { approvedPhones: 250001 });
    expect(rec.tier).toBeUndefined();
    expect(rec.contactIys).toBe(true);
    expect(rec.reason).toEqual({
      key: 'domain.package.reason.aboveAll',
      params: { count: 250001, phones: 250001, emails: 0, package: 'İLETİ+', limit: 250000 },
    });
  });

  it('explains that 200k e-mails beat 150k phones → İLETİ-250', () => {
    const rec = recommendPackage(catalog, { approvedPhones: 150000, approvedEmails: 200000 });
    expect(rec).toMatchObject({
      addressCount: 200000,
      decidedBy: 'emails',
      tier: { id: 'ILETI-250' },
      contactIys: false,
      under5000: false,
      reason: {
        key: 'domain.package.reason.emails',
        params: { count: 200000, package: 'İLETİ-250', limit: 250000 },
      },
    });
  });

  it('flags fewer than 5,000 addresses (strictly) for the declaration', () => {
    expect(recommendPackage(catalog, { approvedPhones: 4999 }).under5000).toBe(true);
    expect(recommendPackage(catalog, { approvedPhones: 5000 }).under5000).toBe(false);
    expect(recommendPackage(catalog, { approvedPhones: 10, approvedEmails: 10 })).toMatchObject({
      decidedBy: 'equal',
      reason: { key: 'domain.package.reason.equal' },
    });
    expect(recommendPackage(catalog, { approvedPhones: 3000, approvedEmails: 10 }).decidedBy).toBe('phones');
  });
});
